"""Small widgets more than one view uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget


def delete_key_action(widget: QWidget, text: str) -> QAction:
    """An action for the Delete key while `widget` has the focus (not while a cell editor in it
    has: the key then deletes text). Connect its `triggered`."""
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    widget.addAction(action)
    return action


INVALID_PROPERTY = "invalid"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field or cell editor whose text cannot be used (its background tinted red from the
    palette it inherits, so it reads in light and dark themes), or unmark it (the inherited
    palette back: the style's standard palette is the light one even in the dark theme)."""
    widget.setProperty(INVALID_PROPERTY, invalid)
    if not invalid:
        widget.setPalette(QPalette())  # nothing of its own: the parent's, theme changes included
        return
    parent = widget.parentWidget()
    inherited = parent.palette() if parent is not None else QApplication.palette(widget)
    base = inherited.color(QPalette.ColorRole.Base)
    red = QColor(220, 50, 47)
    tinted = QColor(
        (base.red() * 3 + red.red()) // 4,
        (base.green() * 3 + red.green()) // 4,
        (base.blue() * 3 + red.blue()) // 4,
    )
    palette = QPalette(inherited)
    palette.setColor(QPalette.ColorRole.Base, tinted)
    widget.setPalette(palette)


def is_marked_invalid(widget: QWidget) -> bool:
    return bool(widget.property(INVALID_PROPERTY))


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

    def note(self, text: str) -> None:
        """What was just done (taken out, undone), without the warning sign."""
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.hide()
        self.clear()

    def shown_text(self) -> str:
        """The message on screen, or "" when none is."""
        return self.text() if self.isVisible() else ""


def label_for(text: str, field: QWidget, parent: QWidget | None = None) -> QLabel:
    """A label naming `field`: its buddy, so a screen reader reads it with the field and its
    & mnemonic (if any) moves the focus there."""
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label
