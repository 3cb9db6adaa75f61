"""Cell editors of the sets table: refuse bad input where it is typed, with a message.

Tab and Enter only leave a cell whose text the model accepts; otherwise the editor stays open
with the text kept, selected (typing again replaces it: "-20", Tab, "10" is 10, never "-2010")
and the cell marked; the message goes to `refused` and a tooltip points at the cell. When the
text is fixed or the edit is Escaped, `cleared` tells the view to take its message down. Enter
is also reported (`return_pressed`), so the Log view can move on to the next set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.widgets import is_marked_invalid, mark_invalid

Index = QModelIndex | QPersistentModelIndex

_LEAVE_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SetsDelegate(QStyledItemDelegate):
    refused = Signal(str)
    cleared = Signal()  # a refused cell was fixed, or its edit Escaped
    return_pressed = Signal(int, int)  # row, column of a cell accepted with Enter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: dict[QWidget, QPersistentModelIndex] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        target = index.data(SetsTableModel.TARGET_ROLE)
        if target:
            editor.setPlaceholderText(str(target))
        self._cells[editor] = QPersistentModelIndex(index)
        editor.destroyed.connect(lambda *_: self._cells.pop(editor, None))
        return editor

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        self._cells.pop(editor, None)
        super().destroyEditor(editor, index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() == Qt.Key.Key_Escape and is_marked_invalid(obj):
                mark_invalid(obj, False)
                self.cleared.emit()
            elif event.key() in _LEAVE_KEYS and self._refuse(obj):
                return True
            elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self._cells.get(obj)
                if index is not None and index.isValid():
                    row, column = index.row(), index.column()
                    handled: Any = super().eventFilter(obj, event)
                    self.return_pressed.emit(row, column)
                    return bool(handled)
        return bool(super().eventFilter(obj, event))

    def _refuse(self, editor: QLineEdit) -> bool:
        """Whether the editor's text is refused (then it is marked and selected and the message
        goes out); an accepted text takes down an earlier refusal's mark and message."""
        index = self._cells.get(editor)
        model = index.model() if index is not None else None
        if index is None or not index.isValid() or not isinstance(model, SetsTableModel):
            return False
        message = model.check(index, editor.text())
        if message:
            mark_invalid(editor, True)
            editor.selectAll()
            self.refused.emit(message)
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), message, editor)
            return True
        if is_marked_invalid(editor):
            mark_invalid(editor, False)
            self.cleared.emit()
        return False
