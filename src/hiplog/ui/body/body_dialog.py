"""The Body measurements dialog: a table of dated entries (bodyweight, hip, thigh) and a form.

Add, Save changes and Delete are each one command on the window's undo stack, so Edit > Undo
takes them back like any other change. Values are typed and shown in the person's units (kg and
cm, or lb and in). A value that cannot be used keeps its text, marks its field and says why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelection
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.body import BodyMeasurement, length_unit, refusal_text
from hiplog.domain.errors import InputError
from hiplog.domain.validation import FIRST_YEAR, LAST_YEAR
from hiplog.domain.wording import DATE_QT_FORMAT, trim_number
from hiplog.services import body
from hiplog.services.context import AppContext
from hiplog.ui.body.body_commands import AddMeasurement, ChangeMeasurement, DeleteMeasurement
from hiplog.ui.body.body_table_model import BodyTableModel
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import N_, _
from hiplog.ui.common.undo_support import ServiceCommand, push, show_when_visible
from hiplog.ui.common.widgets import MessageLine, mark_invalid

EMPTY_TEXT = N_(
    "No measurements yet. Pick a date, type your bodyweight, hip or thigh circumference "
    "(any of them) and press Add."
)


class BodyDialog(QDialog):
    """Body measurements: the entries, newest first, and a form to add or change one."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Body measurements"))
        self._ctx, self._events, self._stack = ctx, events, undo_stack
        self.model = BodyTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Body measurements by date"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(_(EMPTY_TEXT))
        self.empty_label.setWordWrap(True)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.message)
        closing = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        closing.rejected.connect(self.reject)
        layout.addWidget(closing)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        events.body_changed.connect(self.reload)
        events.settings_changed.connect(self.reload)
        events.athlete_changed.connect(self.reload)  # another athlete: their entries
        show_when_visible(self, undo_stack, self.message.say)
        line = self.fontMetrics().height()
        self.resize(38 * line, 32 * line)
        self.reload()

    def _build_form(self) -> QFormLayout:
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_QT_FORMAT)
        self.date_edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        self.date_edit.setDate(QDate.currentDate())
        self.bodyweight_edit = QLineEdit()
        self.hip_edit = QLineEdit()
        self.thigh_edit = QLineEdit()
        self.bodyweight_label = QLabel()
        self.hip_label = QLabel()
        self.thigh_label = QLabel()
        form = QFormLayout()
        form.addRow(_("Date:"), self.date_edit)
        for label, edit in (
            (self.bodyweight_label, self.bodyweight_edit),
            (self.hip_label, self.hip_edit),
            (self.thigh_label, self.thigh_edit),
        ):
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textEdited.connect(lambda _text, e=edit: mark_invalid(e, False))
        return form

    def _build_buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton(_("&Add"))
        self.add_button.setToolTip(_("Add an entry for the date (one entry a day)"))
        self.save_button = QPushButton(_("&Save changes"))
        self.save_button.setToolTip(_("Change the entry chosen in the table to what the form says"))
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setToolTip(_("Delete the entry chosen in the table"))
        self.add_button.clicked.connect(self.add_entry)
        self.save_button.clicked.connect(self.save_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        return row

    # --- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the entries again, keeping the chosen day chosen."""
        chosen = self.selected_entry()
        unit = self._ctx.settings().unit
        length = length_unit(unit)
        self.bodyweight_label.setText(_("&Bodyweight ({unit}):").format(unit=unit.value))
        self.hip_label.setText(_("&Hip circumference ({unit}):").format(unit=length))
        self.thigh_label.setText(_("&Thigh circumference ({unit}):").format(unit=length))
        self.model.set_rows(body.list_measurements(self._ctx), unit)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        row = -1 if chosen is None else self.model.row_of_day(chosen)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_entry(self) -> BodyMeasurement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.fill_form(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_entry() is not None
        self.save_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def fill_form(self, entry: BodyMeasurement) -> None:
        day = entry.measured_at.date()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        values = body.in_unit(entry, self._ctx.settings().unit)
        for edit, value in zip(self._edits(), values, strict=True):
            edit.setText("" if value is None else trim_number(value, 1))
            mark_invalid(edit, False)

    def _edits(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.bodyweight_edit, self.hip_edit, self.thigh_edit

    # --- changing --------------------------------------------------------------------------

    def form_entry(self) -> BodyMeasurement | None:
        """The form as an entry; None (the field marked, the message shown) when it cannot be."""
        edits = dict(zip(("bodyweight", "hip", "thigh"), self._edits(), strict=True))
        try:
            kg, hip, thigh = (body.parse_value(e.text(), what) for what, e in edits.items())
            qdate = self.date_edit.date()
            day = date(qdate.year(), qdate.month(), qdate.day())
            return body.from_input(day, kg, hip, thigh, self._ctx.settings().unit)
        except InputError as exc:
            bad = edits.get(exc.where or "")
            if bad is not None:
                mark_invalid(bad, True)
                bad.setFocus()
            self.message.say(_sentence(exc))
            return None

    def _run(self, command: ServiceCommand) -> bool:
        failure = push(self._stack, command)
        if failure is not None:
            self.message.say(_sentence(failure))
            return False
        self.message.note(
            _("Done: {action}. Edit > Undo takes it back.").format(action=command.text())
        )
        return True

    def add_entry(self) -> None:
        entry = self.form_entry()
        if entry is not None and self._run(AddMeasurement(self._ctx, self._events, entry)):
            self.table.selectRow(self.model.row_of_day(entry))

    def save_entry(self) -> None:
        before = self.selected_entry()
        after = self.form_entry()
        if before is None or after is None:
            return
        if self._run(ChangeMeasurement(self._ctx, self._events, before, after)):
            self.table.selectRow(self.model.row_of_day(after))

    def delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._run(DeleteMeasurement(self._ctx, self._events, entry))


def _sentence(exc: BaseException) -> str:
    """An error as a sentence, naming the field in the window's language: 'Bodyweight: must be
    from 20 to 400 kg, not 10.' ('Körpergewicht: muss zwischen ...' in German)."""
    text = (refusal_text(exc) if isinstance(exc, InputError) else str(exc)).rstrip(".")
    return text[:1].upper() + text[1:] + "."
