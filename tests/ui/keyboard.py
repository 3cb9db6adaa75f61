"""Helpers for GUI tests that type like a person: keys go to whatever widget has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def show_for_typing(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    """Show `widget` at this size as the active window, so the keys typed reach it."""
    widget.resize(width, height)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)


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


def enter_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Focus `widget`, type `text` and press Enter (as picking an exercise by its name)."""
    widget.setFocus()
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def type_set(qtbot: QtBot, load: str, reps: str) -> None:
    """On the row under the cursor: the load (or keep what is there), Tab, reps, Enter."""
    if load:
        type_text(qtbot, load)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, reps)
    press(qtbot, Qt.Key.Key_Return)


def focus_for_keys(qtbot: QtBot, widget: QWidget) -> None:
    """Give `widget` the focus in its active window, as a person's click would, so the keys
    sent to it reach its shortcuts (Delete, Insert) too."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
