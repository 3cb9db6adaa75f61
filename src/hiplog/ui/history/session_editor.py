"""Edit one logged session: its details and its sets, every change undoable.

A set that was forgotten can be added (Ctrl+N or Insert): it is filled in from the set before it
of the same exercise (in this session, else the latest earlier session) so that usually only
the load or reps need a touch.

Over 400 lines because it is one dialog whose form, table and buttons edit the same session
through the same undo stack; the table model (common/sets_table_model.py) and the commands
(history_commands.py) already live apart, and what is left reads best in one place.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QModelIndex, QSignalBlocker, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import InputError
from hiplog.domain.models import Session, SetEntry
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit, to_kg
from hiplog.domain.validation import validate_bodyweight
from hiplog.domain.wording import DATE_TIME_QT_FORMAT, date_time_text
from hiplog.services import history, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.number_text import bodyweight_text
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.translation import _
from hiplog.ui.common.undo_support import id_map, push, undo_notices
from hiplog.ui.common.widgets import delete_key_action
from hiplog.ui.history.history_commands import (
    AddSet,
    DeleteSet,
    EditSessionDetails,
    EditSet,
    SessionDetails,
)


def ordered_sets(session: Session) -> list[SetEntry]:
    """Sets grouped by exercise (in the order first done), then by set number."""
    first = {slug: n for n, slug in enumerate(session.exercises)}
    return sorted(session.sets, key=lambda s: (first[s.exercise], s.order, s.id or 0))


class SessionEditor(QDialog):
    """Date and time, bodyweight, notes and the sets of one session."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        session_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._events, self._stack = ctx, events, undo_stack
        self._session_id = session_id  # as first opened; id_map finds it after an undo
        self._session: Session | None = None
        self.setWindowTitle(_("Edit session"))
        self.resize(900, 520)
        details_row = self._build_details()
        self._build_table()
        buttons = self._build_buttons(undo_stack)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(details_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        # Enter in a field saves that field; no button is the default, so Enter neither adds a
        # set nor closes the editor (Escape closes it).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.table.setFocus()
        events.sessions_changed.connect(self.reload)
        events.settings_changed.connect(self.reload)
        undo_notices(undo_stack).refused.connect(self.show_message)
        self.reload()

    # --- building --------------------------------------------------------------------------

    def _build_details(self) -> QHBoxLayout:
        """The session's date, bodyweight and notes: each saved (undoably) as soon as it is
        edited (Enter, Tab or leaving the field), as in the Log."""
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(DATE_TIME_QT_FORMAT)  # as everywhere else
        self.when_edit.setToolTip(_("When the session started"))
        self.bodyweight_edit = QLineEdit()
        self.bodyweight_edit.setPlaceholderText(_("not recorded"))
        self.bodyweight_edit.setToolTip(
            _(
                "Your bodyweight that day; it counts toward the volume of exercises that move "
                "part of your body (step-ups, lunges, back extensions)"
            )
        )
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(_("How the session went, sleep, pain, anything"))
        self._saving_details = False
        for edit in (self.when_edit, self.bodyweight_edit, self.notes_edit):
            edit.editingFinished.connect(self.save_details)

        form = QFormLayout()
        form.addRow(_("Started"), self.when_edit)
        self._bodyweight_label = QLabel()
        self._bodyweight_label.setBuddy(self.bodyweight_edit)
        form.addRow(self._bodyweight_label, self.bodyweight_edit)
        form.addRow(_("Notes"), self.notes_edit)
        details_row = QHBoxLayout()
        details_row.addLayout(form, 1)
        return details_row

    def _build_table(self) -> None:
        """The sets, edited in place."""
        self.model = SetsTableModel(Unit.KG, None, self, number_by_order=True)
        self.model.refused.connect(self.show_message)
        self.model.edit_requested.connect(self._commit_set)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SetsTableModel.NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(SetsTableModel.RECORD, True)
        self.table.verticalHeader().hide()
        self.table.setToolTip(_("Double-click a cell or start typing to correct it"))
        self.table.setAccessibleName(_("Sets of this session"))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def _build_buttons(self, undo_stack: QUndoStack) -> QHBoxLayout:
        """Add set (for an exercise), Delete set, Undo and Redo of this editor, Close."""
        self.add_set_action = QAction(_("Add set"), self)
        self.add_set_action.setShortcuts(
            [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), QKeySequence(Qt.Key.Key_Insert)]
        )
        self.add_set_action.triggered.connect(self.add_set)
        self.addAction(self.add_set_action)
        self.add_set_button = QPushButton(_("Add set"))
        self.add_set_button.setToolTip(
            _(
                "Add a set you forgot to log, filled in from the set before it (Ctrl+N or "
                "Insert; undoable)"
            )
        )
        self.add_set_button.clicked.connect(self.add_set)
        self.exercise_combo = QComboBox()
        self.exercise_combo.setToolTip(
            _(
                "The exercise of the set to add: it follows the selected row; pick another to "
                "add an exercise you forgot"
            )
        )
        self.exercise_combo.setMinimumContentsLength(20)
        self.exercise_combo.setAccessibleName(_("Exercise of the set to add"))

        self.delete_set_button = QPushButton(_("Delete set"))
        self.delete_set_button.setToolTip(_("Delete the selected set (Delete key; undoable)"))
        self.delete_set_button.clicked.connect(self.delete_selected_set)
        self.delete_set_action = delete_key_action(self.table, _("Delete set"))
        self.delete_set_action.triggered.connect(self.delete_selected_set)
        # Undo here reaches back only to what was done in this editor: the stack is shared with
        # the other views, and undoing a set logged in the Log from here would surprise.
        self._base_index = undo_stack.index()
        self.undo_action = QAction(_("Undo"), self)
        self.redo_action = QAction(_("Redo"), self)
        self.undo_action.triggered.connect(undo_stack.undo)
        self.redo_action.triggered.connect(undo_stack.redo)
        undo_button, redo_button = QToolButton(), QToolButton()
        for button, action, keys in (
            (undo_button, self.undo_action, QKeySequence.StandardKey.Undo),
            (redo_button, self.redo_action, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(keys)
            button.setDefaultAction(action)
            self.addAction(action)
        undo_stack.indexChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_set_button)
        buttons.addWidget(self.exercise_combo)
        buttons.addSpacing(12)
        buttons.addWidget(self.delete_set_button)
        buttons.addWidget(undo_button)
        buttons.addWidget(redo_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        return buttons

    # --- state -----------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._session

    def current_session_id(self) -> int:
        return id_map(self._ctx).session_id(self._session_id)

    def _update_undo_actions(self) -> None:
        index = self._stack.index()
        can_undo = index > self._base_index
        can_redo = self._stack.canRedo() and index >= self._base_index
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            _("Undo {action}").format(action=self._stack.undoText()) if can_undo else _("Undo")
        )
        self.redo_action.setText(
            _("Redo {action}").format(action=self._stack.redoText()) if can_redo else _("Redo")
        )

    def reload(self) -> None:
        session = training_log.get_session(self._ctx, self.current_session_id())
        self._session = session
        unit = self._ctx.settings().unit
        self._bodyweight_label.setText(_("Bodyweight ({unit})").format(unit=unit.value))
        enabled = session is not None
        widgets: tuple[QWidget, ...] = (
            self.when_edit,
            self.bodyweight_edit,
            self.notes_edit,
            self.table,
            self.delete_set_button,
            self.add_set_button,
            self.exercise_combo,
        )
        for widget in widgets:
            widget.setEnabled(enabled)
        self.add_set_action.setEnabled(enabled)
        if session is None:
            self.model.set_entries([], {}, unit)
            self.show_message(_("This session was deleted. Undo brings it back."))
            return
        self.setWindowTitle(_("Session of {date}").format(date=date_time_text(session.started_at)))
        started = session.started_at
        self.when_edit.setDateTime(
            QDateTime(
                QDate(started.year, started.month, started.day),
                QTime(started.hour, started.minute, started.second),
            )
        )
        bodyweight = session.bodyweight_kg
        self.bodyweight_edit.setText(bodyweight_text(bodyweight, unit))
        self.notes_edit.setText(session.notes)
        catalog = self._ctx.catalog()
        names = {
            slug: exercise_name(ex.name) for slug in session.exercises if (ex := catalog.get(slug))
        }
        self.model.set_entries(ordered_sets(session), names, unit)
        self._fill_exercise_combo(session)

    def _fill_exercise_combo(self, session: Session) -> None:
        """This session's exercises first, then the rest of the catalog."""
        keep = self.exercise_combo.currentData()
        catalog = self._ctx.catalog()
        done = [slug for slug in session.exercises if slug in catalog]
        with QSignalBlocker(self.exercise_combo):
            self.exercise_combo.clear()
            for slug in done:
                self.exercise_combo.addItem(exercise_name(catalog.require(slug).name), slug)
            if done:
                self.exercise_combo.insertSeparator(len(done))
            for exercise in catalog:
                if exercise.slug not in done:
                    self.exercise_combo.addItem(exercise_name(exercise.name), exercise.slug)
            found = self.exercise_combo.findData(keep) if keep else -1
            self.exercise_combo.setCurrentIndex(max(found, 0))

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        """The exercise for a new set follows the selected row."""
        if current.isValid():
            found = self.exercise_combo.findData(self.model.set_entry(current.row()).exercise)
            if found >= 0:
                self.exercise_combo.setCurrentIndex(found)

    def row_of_set(self, set_id: int) -> int | None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(SetsTableModel.SET_ID_ROLE) == set_id:
                return row
        return None

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # --- actions ---------------------------------------------------------------------------

    def _commit_set(self, key: int, after: SetEntry, what: str) -> None:
        """A saved set was changed in the table: save it as an undoable edit."""
        before = self.model.set_entry(self.model.row_of(key))
        failure = push(self._stack, EditSet(self._ctx, self._events, before, after, what))
        if failure is not None:
            self.show_message(str(failure))
            return
        self.show_message(
            _("Changed the {what} of set {number}. Undo with Ctrl+Z.").format(
                what=what, number=before.order
            )
        )

    def new_set(self, slug: str) -> SetEntry:
        """The set `add_set` would add: the next number, load and reps of the set before it."""
        session = self._session
        assert session is not None
        sets = session.sets_of(slug)
        before = history.last_set(sets) or history.previous_set(self._ctx, slug, session.started_at)
        order = max((s.order for s in sets), default=0) + 1
        if before is not None:
            return SetEntry(slug, order, before.reps, before.load_kg, band=before.band)
        exercise = self._ctx.exercise(slug)
        return SetEntry(slug, order, exercise.rep_range[0])

    def add_set(self) -> int | None:
        """Add a set of the chosen exercise and start editing its load; the new row or None."""
        session = self._session
        slug = self.exercise_combo.currentData()
        if session is None or not slug:
            return None
        if self.table.state() == self.table.State.EditingState:
            self.table.setFocus()  # commit the cell being typed in first
        entry = self.new_set(str(slug))
        name = exercise_name(self._ctx.exercise(entry.exercise).name)
        command = AddSet(self._ctx, self._events, self._session_id, entry, name)
        failure = push(self._stack, command)
        if failure is not None or command.added_id is None:
            self.show_message(str(failure))
            return None
        row = self.row_of_set(id_map(self._ctx).set_id(command.added_id))
        if row is None:
            return None
        index = self.model.index(row, SetsTableModel.LOAD)
        self.table.setFocus()
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.edit(index)
        self.show_message(
            _(
                "Added set {number} of {name}: type the load, Tab to the reps. Undo with Ctrl+Z."
            ).format(number=entry.order, name=name)
        )
        return row

    def details_from_form(self) -> SessionDetails:
        """The details as typed; raises InputError naming the field that is wrong."""
        started = self.when_edit.dateTime().toPython()
        assert isinstance(started, datetime)
        unit = self._ctx.settings().unit
        text = self.bodyweight_edit.text().strip().replace(",", ".")
        bodyweight: float | None = None
        if text:
            try:
                value = float(text)
            except ValueError:
                raise InputError(
                    _("'{text}' is not a number").format(text=text), _("bodyweight")
                ) from None
            bodyweight = round(to_kg(value, unit), 3)
            validate_bodyweight(bodyweight)
        return (
            started.replace(second=0, microsecond=0),
            self.notes_edit.text().strip(),
            bodyweight,
        )

    def save_details(self) -> None:
        """Save the details as typed, once: the reload that follows a save may end the field's
        editing again, which must not save a second time."""
        session = self._session
        if session is None or session.id is None or self._saving_details:
            return
        self._saving_details = True
        try:
            self._save_details(session)
        finally:
            self._saving_details = False

    def _save_details(self, session: Session) -> None:
        try:
            after = self.details_from_form()
        except InputError as exc:
            self.show_message(str(exc))
            return
        before: SessionDetails = (session.started_at, session.notes, session.bodyweight_kg)
        if after == before:
            return  # focus left a field without a change
        command = EditSessionDetails(self._ctx, self._events, self._session_id, before, after)
        failure = push(self._stack, command)
        self.show_message(
            str(failure) if failure else _("Saved the session details (Ctrl+Z undoes).")
        )

    def delete_selected_set(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            index = self.table.currentIndex()
            if not index.isValid():
                self.show_message(_("Select a set to delete first."))
                return
            rows = [index]
        entry = self.model.set_entry(rows[0].row())
        failure = push(self._stack, DeleteSet(self._ctx, self._events, self._session_id, entry))
        self.show_message(
            str(failure)
            if failure
            else _("Deleted set {number}. Undo with Ctrl+Z.").format(number=entry.order)
        )
