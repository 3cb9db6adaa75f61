"""Cell editors of the sets table: refuse bad input where it is typed, with a message.

Tab and Enter only leave a cell whose text the model accepts; otherwise the editor stays open,
the message goes to `refused` and a tooltip points at the cell. Enter is also reported
(`return_pressed`), so the Log view can move on to the next set.
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

Index = QModelIndex | QPersistentModelIndex

_LEAVE_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SetsDelegate(QStyledItemDelegate):
    refused = Signal(str)
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
            and event.key() in _LEAVE_KEYS
        ):
            index = self._cells.get(obj)
            model = index.model() if index is not None else None
            if index is not None and index.isValid() and isinstance(model, SetsTableModel):
                message = model.check(index, obj.text())
                if message:
                    self.refused.emit(message)
                    QToolTip.showText(obj.mapToGlobal(obj.rect().bottomLeft()), message, obj)
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    row, column = index.row(), index.column()
                    handled: Any = super().eventFilter(obj, event)
                    self.return_pressed.emit(row, column)
                    return bool(handled)
        return bool(super().eventFilter(obj, event))
