"""The person's note on the exercise shown (bench height, foot stance, pad position...).

It saves like every other field: when the cursor leaves the box (or on Ctrl+Return), as one
undoable change that the view pushes; showing another exercise saves the note being typed first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from hiplog.ui.common.translation import N_, _

PLACEHOLDER = N_("Bench height, foot stance, pad position... shown in the Log and the Plan")


class _NoteBox(QPlainTextEdit):
    left = Signal()  # the cursor left the box, or Ctrl+Return was pressed

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.left.emit()
            return
        super().keyPressEvent(event)


class ExerciseNoteEditor(QWidget):
    edited = Signal(str, str, str)  # slug, the note before, the note after

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slug: str | None = None
        self._note = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Your &note"), self)
        self.box = _NoteBox(self)
        self.box.setPlaceholderText(_(PLACEHOLDER))
        self.box.setTabChangesFocus(True)
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * 4)
        label.setBuddy(self.box)
        self.box.left.connect(self.commit)
        layout.addWidget(label)
        layout.addWidget(self.box)

    def show_note(self, slug: str | None, note: str) -> None:
        """Show the note of `slug` (None: no exercise, the box is disabled)."""
        if slug == self._slug and note == self._note and self.box.hasFocus():
            return  # a refresh while typing keeps what is typed
        self._slug, self._note = slug, note
        self.box.setEnabled(slug is not None)
        self.box.setPlainText(note)
        self.box.moveCursor(QTextCursor.MoveOperation.End)  # typing adds to the note

    def commit(self) -> None:
        """Emit `edited` when the text differs from the stored note."""
        text = self.box.toPlainText().strip()
        if self._slug is None or text == self._note:
            return
        before, self._note = self._note, text
        self.edited.emit(self._slug, before, text)

    def refused(self, slug: str, before: str) -> None:
        """The note of `slug` was not saved: it is still `before` (the text typed stays)."""
        if slug == self._slug:
            self._note = before
