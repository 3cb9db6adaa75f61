"""The program editor's bottom row: Undo and Redo of what was done in the editor, and Close."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QToolButton
from shiboken6 import Shiboken

from hiplog.ui.common.translation import _


class EditorUndoRow(QHBoxLayout):
    """Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) of what was done in this editor, and Close.

    The stack is the window's: undo here reaches back only to the editor's own changes, as
    in the session editor, so a set logged in the Log is not taken back from here."""

    def __init__(self, dialog: QDialog, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._stack = undo_stack
        self._base_index = undo_stack.index()
        self.undo_action = QAction(_("Undo"), dialog)
        self.redo_action = QAction(_("Redo"), dialog)
        self.undo_action.triggered.connect(undo_stack.undo)
        self.redo_action.triggered.connect(undo_stack.redo)
        for action, keys in (
            (self.undo_action, QKeySequence.StandardKey.Undo),
            (self.redo_action, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(keys)
            dialog.addAction(action)
            button = QToolButton(dialog)
            button.setDefaultAction(action)
            self.addWidget(button)
        undo_stack.indexChanged.connect(self._update)
        self._update()
        self.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.rejected.connect(dialog.reject)
        self.addWidget(close)

    def _update(self) -> None:
        stack = self._stack
        if not Shiboken.isValid(stack):  # the window's stack says goodbye as it is destroyed
            return
        self.undo_action.setEnabled(stack.canUndo() and stack.index() > self._base_index)
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setToolTip(_("Undo {action} (Ctrl+Z)").format(action=stack.undoText()))
