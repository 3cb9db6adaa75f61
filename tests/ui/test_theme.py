"""The Dark and Light choices take effect even where the platform ignores colour schemes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hiplog.ui.theme import apply_theme

pytestmark = pytest.mark.gui


def _window_lightness() -> float:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightnessF()


def test_dark_then_light_then_system(qtbot: QtBot) -> None:
    system = _window_lightness()
    try:
        apply_theme("dark")
        assert _window_lightness() < 0.3
        text = QApplication.palette().color(QPalette.ColorRole.WindowText).lightnessF()
        assert text > 0.7  # light text on the dark window, still readable
        link = QApplication.palette().color(QPalette.ColorRole.Link).lightnessF()
        assert link > 0.6  # a link to the next variation stands out from the dark page
        apply_theme("light")
        assert _window_lightness() > 0.7
    finally:
        apply_theme("system")
    assert _window_lightness() == pytest.approx(system)
