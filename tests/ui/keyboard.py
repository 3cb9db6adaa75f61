"""Helpers for GUI tests that type like a person: keys go to whatever widget has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

#: The offscreen platform cannot raise windows or grab the keyboard for popups (the exercise
#: picker's completer); it says so as a warning, which is harmless in tests.
OFFSCREEN_LIMITS = "This plugin does not support"


@pytest.fixture
def offscreen_popups(request: pytest.FixtureRequest) -> None:
    capture = getattr(request.node, "qt_log_capture", None)
    if capture is not None:
        capture._ignore_regexes = [*capture._ignore_regexes, OFFSCREEN_LIMITS]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(focused(), ch)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifier)
