"""Small widgets more than one view uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QWidget


def delete_key_action(widget: QWidget, text: str) -> QAction:
    """An action for the Delete key while `widget` has the focus (not while a cell editor in it
    has: the key then deletes text). Connect its `triggered`."""
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    widget.addAction(action)
    return action


class MessageLine(QLabel):
    """Says what went wrong and why, next to what the person did; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(f"⚠ {text}")
        self.show()

    def clear_message(self) -> None:
        self.hide()
        self.clear()

    def shown_text(self) -> str:
        """The message on screen, or "" when none is."""
        return self.text() if self.isVisible() else ""
