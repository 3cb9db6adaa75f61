"""The middle of the Log: the exercise being logged, its aim, its sets table (typed in from the
keyboard) and the buttons under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.translation import exercise_name
from hiplog.ui.common.sets_table_model import SetsTableModel, uses_band
from hiplog.ui.common.translation import _
from hiplog.ui.common.widgets import delete_key_action
from hiplog.ui.log.sets_delegate import SetsDelegate


class SetsTableView(QTableView):
    """The sets table: Tab moves from cell to cell, and out of the table at its last cell
    (Shift+Tab at its first), instead of wrapping round inside it. Escape out of a cell
    (no cell being typed in) is `escaped`: the Log goes back to its exercise box."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Escape
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def _at_edge(self, forward: bool) -> bool:
        model, current = self.model(), self.currentIndex()
        if model is None or not current.isValid():
            return True
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        if not columns:
            return True
        if forward:
            return current.row() == model.rowCount() - 1 and current.column() >= columns[-1]
        return current.row() == 0 and current.column() <= columns[0]

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        forward = cursorAction == QAbstractItemView.CursorAction.MoveNext
        if cursorAction in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ) and self._at_edge(forward):
            return QModelIndex()  # the key is ignored, so focus moves on (focusNextPrevChild)
        return super().moveCursor(cursorAction, modifiers)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab out of the last cell's editor (Shift+Tab out of the first) leaves the table."""
        forward = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        leaving = hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        ) and self._at_edge(forward)
        if leaving:
            hint = QAbstractItemDelegate.EndEditHint.NoHint
        super().closeEditor(editor, hint)
        if leaving:
            QTimer.singleShot(0, lambda: self.focusNextPrevChild(forward))


class SetsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.exercise_title = QLabel(self)
        font = self.exercise_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.exercise_title.setFont(font)
        layout.addWidget(self.exercise_title)
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        layout.addWidget(self.target_label)
        self.table = SetsTableView(self)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip(
            _("Type the load, Tab, the reps, Enter. A set saves itself once its reps are in.")
        )
        self.delegate = SetsDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(_("Try saving again"), self)
        self.retry_button.setToolTip(_("Save the set that could not be saved"))
        self.retry_button.hide()
        buttons.addWidget(self.retry_button)
        self.hint = QLabel(
            _(
                "Load, Tab, reps, Enter: each set is saved as soon as its reps are in. "
                "Delete removes a set; Ctrl+Z undoes."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a hint: grey, legible
        buttons.addWidget(self.hint, 1)
        self.delete_button = QPushButton(_("Delete set"), self)
        self.delete_button.setToolTip(_("Delete the selected set (Delete key)"))
        buttons.addWidget(self.delete_button)
        self.delete_action = delete_key_action(self.table, _("Delete set"))
        self.delete_button.clicked.connect(self.delete_action.trigger)
        layout.addLayout(buttons)

    def set_showing(self, showing: bool) -> None:
        """Show the panel's exercise, or hide it while no exercise is picked."""
        for w in (self.exercise_title, self.target_label, self.table):
            w.setVisible(showing)
        self.delete_button.setVisible(showing)
        self.hint.setVisible(showing)

    def show_sets(self, model: SetsTableModel, target_text: str) -> None:
        """The sets of `model`'s exercise, with the columns it uses."""
        exercise = model.exercise
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SetsTableModel.NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(SetsTableModel.EXERCISE, True)
        self.table.setColumnHidden(SetsTableModel.SIDE, not exercise.unilateral)
        self.table.setColumnHidden(SetsTableModel.BAND, not uses_band(exercise))
        self.exercise_title.setText(exercise_name(exercise.name))
        self.table.setAccessibleName(_("Sets of {name}").format(name=exercise_name(exercise.name)))
        self.target_label.setText(target_text)

    def focus_first_unsaved(self, model: SetsTableModel) -> None:
        """Put the cursor on the load of the first row not saved yet."""
        for i, r in enumerate(model.rows()):
            if not r.saved:
                self.table.setCurrentIndex(model.index(i, SetsTableModel.LOAD))
                break
        self.table.setFocus()

    def move_after_return(self, model: SetsTableModel, row: int, column: int) -> None:
        """Enter on a draft's load goes to its reps; on a saved set, to the next row's load."""
        if not 0 <= row < model.rowCount():
            return
        r = model.row_at(row)
        if column == SetsTableModel.LOAD and not r.saved:
            self.table.setCurrentIndex(model.index(row, SetsTableModel.REPS))
        elif r.saved:
            target = min(row + 1, model.rowCount() - 1)
            self.table.setCurrentIndex(model.index(target, SetsTableModel.LOAD))
        self.table.setFocus()
