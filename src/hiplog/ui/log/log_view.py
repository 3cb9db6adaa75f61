"""The Log view: record today's session set by set, from the keyboard.

Pick an exercise (type part of its name, Enter), type the load, Tab, the reps, Enter: the set is
saved at once and the next row is ready with the same load. Targets from the plan are shown in
the rows as grey hints; the last session of the exercise is shown beside the table; a PR badge
marks a personal record. Every change is an undo command.

Over 400 lines: its parts are modules of their own already (the header, the picker, the
exercise list, the sets panel and delegate, the last-time panel, the drafts, the session and
its commands); what is left here is the wiring between them, which reads best in one place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from hiplog.domain.errors import HiplogError, InputError
from hiplog.domain.models import Exercise, Session
from hiplog.domain.plan import Plan
from hiplog.domain.timing import session_finished
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit
from hiplog.services import exercise_history, exercises, programs, training_log
from hiplog.services import plan as plan_service
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.plate_text import plates_text
from hiplog.ui.common.refresh_on_show import LazyView
from hiplog.ui.common.set_row import SetRow
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.undo_support import push, show_when_visible
from hiplog.ui.common.widgets import MessageLine, label_for, mark_invalid
from hiplog.ui.log.exercise_picker import ExercisePicker
from hiplog.ui.log.last_time_panel import LastTimePanel
from hiplog.ui.log.log_commands import (
    AddSetCommand,
    DeleteSetCommand,
    EditSessionCommand,
    EditSetCommand,
    LogCommand,
    RemoveExerciseCommand,
)
from hiplog.ui.log.log_drafts import aim_text, draft_rows, suggestion_for
from hiplog.ui.log.log_exercise_list import SessionExerciseList
from hiplog.ui.log.log_session import LogSession
from hiplog.ui.log.log_session_header import SessionHeader
from hiplog.ui.log.log_sets_panel import SetsPanel


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


class LogView(LazyView):
    """Log a session.

    As every view, it reads the data again when it changed elsewhere and is shown (LazyView);
    its own changes, which it has shown already, are not read back."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, undo_stack, parent)
        self._log = LogSession(ctx, events, _now())
        self._log.on_changed = self._after_change
        self._plan: Plan | None = None
        self._current_slug: str | None = None
        root = QVBoxLayout(self)
        self._build_top(root)
        root.addWidget(self._build_panes(), 1)
        root.addWidget(self._build_welcome(), 1)
        self._apply_details_to_view(self._log.started_at, self._log.bodyweight_kg)
        show_when_visible(self, undo_stack, self.message.say)
        self._undo_index = undo_stack.index()
        self._pushing = False
        undo_stack.indexChanged.connect(self._undo_moved)
        self._fill_picker()
        self._resume_ongoing()
        if self._current_slug is None:  # nothing picked up: the welcome text
            self._show_exercise_panel(None)
        self._dirty = False  # just read

    # --- layout ----------------------------------------------------------------------------

    def _build_top(self, root: QVBoxLayout) -> None:
        """The session's details, the exercise picker and the message line under it."""
        self.header = SessionHeader(self)
        self.header.edited.connect(self._details_edited)
        self.header.new_session_requested.connect(self.new_session)
        self.when_edit = self.header.when_edit
        self.bodyweight_edit = self.header.bodyweight_edit
        self.session_status = self.header.session_status
        self.new_session_button = self.header.new_session_button
        root.addWidget(self.header)

        self.message = MessageLine(self)  # refusals and failures, under the picker
        self.picker = ExercisePicker(self)
        self.picker.picked.connect(self.show_exercise)
        self.picker.not_found.connect(
            lambda text: self.message.say(
                _(
                    "No exercise is called '{text}'. Pick one from the list, or add it in "
                    "Exercises."
                ).format(text=text)
            )
        )
        self.picker.ambiguous.connect(
            lambda text, count: self.message.note(
                _(
                    "'{text}' fits {count} exercises: choose one in the list (arrows, then Enter)."
                ).format(text=text, count=count)
            )
        )
        root.addWidget(self.picker)
        root.addWidget(self.message)  # visible whether or not a table is shown

    def _build_panes(self) -> QSplitter:
        """This session's exercises, the sets of the one picked, and its last session."""
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.exercise_list = SessionExerciseList(left)
        left_layout.addWidget(
            label_for("<b>{}</b>".format(_("This session")), self.exercise_list, left)
        )
        self.exercise_list.picked.connect(self._show_exercise_panel)
        self.exercise_list.remove_requested.connect(self.remove_exercise)
        left_layout.addWidget(self.exercise_list)
        self.remove_button = QPushButton(_("Take out of session"), left)
        self.remove_button.setToolTip(
            _(
                "Take the selected exercise out of this session with its sets (Delete); Ctrl+Z "
                "puts it back"
            )
        )
        self.remove_button.clicked.connect(self.exercise_list.remove_action.trigger)
        left_layout.addWidget(self.remove_button)
        splitter.addWidget(left)

        self.sets_panel = SetsPanel(splitter)
        self.exercise_title = self.sets_panel.exercise_title
        self.target_label = self.sets_panel.target_label
        self.table = self.sets_panel.table
        self.retry_button = self.sets_panel.retry_button
        self.sets_panel.delegate.refused.connect(self.message.say)
        self.sets_panel.delegate.cleared.connect(self._clear_message)
        self.sets_panel.table.escaped.connect(self.focus_exercise_box)
        self.sets_panel.delegate.return_pressed.connect(self._return_pressed)
        self.sets_panel.delete_action.triggered.connect(self.delete_selected_set)
        self.retry_button.clicked.connect(self._retry)
        splitter.addWidget(self.sets_panel)

        self.last_box = LastTimePanel(splitter)
        self.last_label = self.last_box.label
        splitter.addWidget(self.last_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([200, 700, 220])
        return splitter

    def _build_welcome(self) -> QLabel:
        """Until the session has an exercise, this takes the place of the empty panes."""
        self.empty_label = QLabel(
            _(
                "<h3>Log a session</h3>"
                "<p>Type part of an exercise's name in the box above, for example <i>bridge</i> "
                "or <i>hip thrust</i>, and press Enter. Then type the load, Tab, the reps, "
                "Enter: each set is saved as soon as its reps are in.</p>"
                "<p>Logging a session you did on another day? Change <b>Session started</b> "
                "first.</p>"
                "<p>Once you have logged a session, the Plan suggests the next one, and its "
                "<b>Start this session</b> button fills this page in for you.</p>"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setContentsMargins(8, 16, 8, 8)
        self.empty_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 90)
        return self.empty_label

    # --- public ----------------------------------------------------------------------------

    @property
    def unit(self) -> Unit:
        return self._ctx.settings().unit

    @property
    def session_id(self) -> int | None:
        """The database id of the session being logged (None until its first set is saved)."""
        return self._log.session_id

    def current_model(self) -> SetsTableModel | None:
        return self._log.models.get(self._current_slug) if self._current_slug else None

    def model_for(self, slug: str) -> SetsTableModel | None:
        return self._log.models.get(slug)

    def session_exercises(self) -> list[str]:
        return self.exercise_list.slugs()

    def focus_exercise_box(self) -> None:
        """Put the cursor in 'Add an exercise' (what is typed there already is selected)."""
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = self.picker.lineEdit()
        if line is not None:
            line.selectAll()

    def show_exercise(self, slug: str) -> None:
        """Add the exercise to this session if needed and show its sets, ready to type."""
        exercise = self._ctx.catalog().get(slug)
        if exercise is None:
            self.message.say(_("There is no exercise '{slug}'.").format(slug=slug))
            return
        if slug not in self._log.models:
            self._add_exercise(exercise, self._drafts_from_targets(exercise))
        self._select(slug)
        self._focus_next_cell()

    def start_session(self, plan: Plan) -> None:
        """Fill the log with every exercise the plan suggests, their targets as draft rows.

        A finished session (over an hour old, no set added in the last hour) is left as it is
        and a new one started, so the plan's 'last time' is the Log's 'Last time' too. A
        program's day starts now when nothing is saved yet and the session was opened before
        the program was followed: otherwise the session would not count as the program's day."""
        log = self._log
        run = programs.active_run(self._ctx) if plan.program is not None else None
        finished = log.session_id is not None and session_finished(
            log.started_at, log.last_set_at, _now()
        )
        before_program = (
            run is not None and log.session_id is None and log.started_at < run.started_at
        )
        if finished or before_program:
            self.new_session()
        self._plan = plan
        catalog = self._ctx.catalog()
        first: str | None = None
        for s in plan.suggestions:
            exercise = catalog.get(s.exercise)
            if exercise is None:
                continue
            model = self._log.models.get(s.exercise)
            if model is None:
                self._add_exercise(exercise, draft_rows(exercise, s))
            elif not model.saved_rows():
                model.set_rows(draft_rows(exercise, s))
            first = first or s.exercise
        if first is not None:
            self._select(first)
            self._focus_next_cell()

    def new_session(self) -> None:
        """Leave the session as saved and start an empty one now.

        Undo still reaches the sets of the session left behind: each command keeps its own
        session object."""
        self._reset(LogSession(self._ctx, self._events, _now()))
        self._update_status()

    def athlete_switched(self) -> None:
        """Another athlete's training: nothing of the last one's session stays; their own
        session of the last three hours is picked up, as at start."""
        self.new_session()
        self._resume_ongoing()

    def _reset(self, log: LogSession) -> None:
        self._log = log
        self._log.on_changed = self._after_change
        self._plan = None
        self._log.forget_earlier_sets()
        self._current_slug = None
        # Clearing moves the current item; the exercises it would show left with the old log.
        blocked = self.exercise_list.blockSignals(True)
        self.exercise_list.clear()
        self.exercise_list.blockSignals(blocked)
        self._apply_details_to_view(self._log.started_at, self._log.bodyweight_kg)
        self._show_exercise_panel(None)

    def delete_selected_set(self) -> None:
        model = self.current_model()
        index = self.table.currentIndex()
        if model is None or not index.isValid():
            return
        row = model.row_at(index.row())
        if row.saved:
            self._run(DeleteSetCommand(self._log, model.slug, row.key))
        else:
            model.clear_draft(row.key)

    # --- building the session --------------------------------------------------------------

    def _fill_picker(self) -> None:
        self.picker.set_exercises(list(self._ctx.catalog()))

    def _resume_ongoing(self) -> None:
        """A session started in the last three hours is picked up where it was left."""
        try:
            session = exercise_history.ongoing_session(self._ctx, _now())
        except (OSError, HiplogError):
            return
        if session is not None:
            self._load_session(session)

    def _load_session(self, session: Session) -> None:
        self._log.session_id = session.id
        self._log.started_at = session.started_at
        self._log.bodyweight_kg = session.bodyweight_kg
        self._log.notes = session.notes
        self._apply_details_to_view(session.started_at, session.bodyweight_kg)
        catalog = self._ctx.catalog()
        for slug in session.exercises:
            exercise = catalog.get(slug)
            if exercise is None:
                continue
            rows = [SetRow.from_entry(e) for e in session.sets_of(slug)]
            self._add_exercise(exercise, rows)
            self._log.models[slug].ensure_trailing_draft()
            self._refresh_records(slug)
        if session.exercises:
            self._select(session.exercises[0])
        self._update_status()

    def _plan_now(self) -> Plan | None:
        if self._plan is None:
            try:
                self._plan = plan_service.suggest(
                    self._ctx, self._log.started_at - timedelta(minutes=1)
                )
            except (OSError, HiplogError):
                return None
        return self._plan

    def _drafts_from_targets(self, exercise: Exercise) -> list[SetRow]:
        """The plan's targets; for an exercise the plan does not hold (last trained before its
        look-back, or never), the rules' own suggestion, kept with the plan for the aim text."""
        plan = self._plan_now()
        found = suggestion_for(plan, exercise.slug) if plan else None
        if found is None and plan is not None:
            try:
                found = plan_service.suggest_exercise(self._ctx, exercise.slug, plan.as_of)
            except (OSError, HiplogError):
                found = None
            if found is not None and found.exercise == exercise.slug:
                self._plan = replace(plan, suggestions=(*plan.suggestions, found))
            else:  # a move to the next variation is the plan's to make
                found = None
        return draft_rows(exercise, found)

    def _add_exercise(self, exercise: Exercise, rows: list[SetRow]) -> None:
        model = SetsTableModel(self.unit, exercise, self)
        model.plates = lambda load_kg: plates_text(exercise, load_kg, self._ctx.settings())
        model.set_rows(rows)
        model.ensure_trailing_draft()
        model.completed.connect(lambda key, slug=exercise.slug: self._save_draft(slug, key))
        model.edit_requested.connect(
            lambda key, entry, _what, slug=exercise.slug: self._run(
                EditSetCommand(self._log, slug, key, entry)
            )
        )
        model.refused.connect(self.message.say)
        self._log.models[exercise.slug] = model
        self.exercise_list.add(exercise)
        self._update_list_item(exercise.slug)

    def _select(self, slug: str) -> None:
        self.exercise_list.select(slug)
        self._show_exercise_panel(slug)

    def _show_exercise_panel(self, slug: str | None) -> None:
        if slug == self._current_slug and slug is not None:
            return
        self._current_slug = slug
        has = slug is not None
        self.sets_panel.set_showing(has)
        self.last_box.setVisible(has)
        empty = not has and self.exercise_list.count() == 0
        self.empty_label.setVisible(empty)
        self.splitter.setVisible(not empty)
        if slug is None:
            return
        model = self._log.models[slug]
        self.sets_panel.show_sets(
            model, aim_text(model.exercise, self._plan, self.unit, self._ctx.settings())
        )
        self._refresh_last_time(slug)

    def _refresh_last_time(self, slug: str) -> None:
        try:
            last = exercise_history.last_session(
                self._ctx, slug, self._log.started_at, self._log.session_id
            )
        except (OSError, HiplogError):
            last = None
        self.last_box.show_session(last, self.unit)
        try:
            note = exercises.exercise_note(self._ctx, slug)
        except (OSError, HiplogError):
            note = ""
        self.last_box.show_note(note)

    # --- saving ----------------------------------------------------------------------------

    def _run(self, command: LogCommand) -> bool:
        """Run a command through the undo stack; if it fails, keep the input and say why."""
        what = command.text()  # a refused command is deleted by the stack
        pushing, self._pushing = self._pushing, True
        try:
            failure = push(self._undo_stack, command)
        finally:
            self._pushing = pushing
        if isinstance(failure, InputError):
            self.message.say(str(failure))
            return False
        if failure is not None:
            self.message.say(
                _(
                    "Could not {action}: {error}. What you typed is kept; "
                    "fix the problem and press “Try saving again”."
                ).format(action=what, error=failure)
            )
            self.retry_button.show()
            return False
        self._clear_message()
        return True

    def _save_draft(self, slug: str, key: int) -> None:
        model = self._log.models[slug]
        try:
            model.row_of(key)
        except KeyError:
            return
        self._run(AddSetCommand(self._log, slug, key))

    def _retry(self) -> None:
        """Save every complete draft row again (after a full disk or read-only error)."""
        self.retry_button.hide()
        for slug, model in list(self._log.models.items()):
            for r in model.rows():
                if (
                    not r.saved
                    and r.complete
                    and not self._run(AddSetCommand(self._log, slug, r.key))
                ):
                    return

    def _after_change(self, slug: str | None) -> None:
        if slug is not None:
            self._refresh_records(slug)
            self._update_list_item(slug)
        self._update_status()

    def _refresh_records(self, slug: str) -> None:
        try:
            self._log.refresh_records(slug)
        except (OSError, HiplogError):
            return  # the badges stay as they were; the sets themselves are saved

    def _update_list_item(self, slug: str) -> None:
        model = self._log.models.get(slug)
        if model is None:
            return
        done = sum(1 for r in model.saved_rows() if not r.warmup)
        prs = sum(1 for r in model.saved_rows() if r.records)
        self.exercise_list.show_counts(model.exercise, done, prs)

    def _update_status(self) -> None:
        total = sum(len(m.saved_rows()) for m in self._log.models.values())
        self.header.show_saved_count(None if self._log.session_id is None else total)

    # --- session details -------------------------------------------------------------------

    def _apply_details_to_view(self, started_at: datetime, bodyweight_kg: float | None) -> None:
        self.header.show_details(started_at, bodyweight_kg, self.unit)

    def _details_edited(self) -> None:
        try:
            started, weight = self.header.typed_details(self.unit)
        except InputError as exc:  # what was typed stays, marked, until it is fixed
            self.message.say(str(exc))
            mark_invalid(self.bodyweight_edit, True)
            return
        mark_invalid(self.bodyweight_edit, False)
        if (started, weight) == (self._log.started_at, self._log.bodyweight_kg):
            return
        self._run(EditSessionCommand(self._log, started, weight, self._details_changed))

    def _details_changed(self, started_at: datetime, bodyweight_kg: float | None) -> None:
        """The session moved in time (or its bodyweight changed): targets, the last session
        and records are relative to it."""
        self._apply_details_to_view(started_at, bodyweight_kg)
        self._plan = None
        self._log.forget_earlier_sets()
        for slug in self._log.models:
            self._refresh_records(slug)
        if self._current_slug is not None:
            self._refresh_last_time(self._current_slug)

    # --- messages and keys -----------------------------------------------------------------

    def _clear_message(self) -> None:
        self.message.clear_message()
        self.retry_button.hide()

    def message_text(self) -> str:
        return self.message.shown_text()

    def _focus_next_cell(self) -> None:
        """Put the cursor on the load of the first row not saved yet."""
        model = self.current_model()
        if model is not None:
            self.sets_panel.focus_first_unsaved(model)

    def _return_pressed(self, row: int, column: int) -> None:
        QTimer.singleShot(0, lambda: self._after_return(row, column))

    def _after_return(self, row: int, column: int) -> None:
        model = self.current_model()
        if model is not None:
            self.sets_panel.move_after_return(model, row, column)

    def remove_exercise(self, slug: str) -> bool:
        """Take an exercise out of this session, its saved sets deleted with it, as one
        undoable action (a macro of the set deletions and the taking out); says so in the line
        under the exercise box. If a deletion fails, the ones done stay undoable and it says
        why."""
        model = self._log.models.get(slug)
        if model is None:
            return False
        name, saved = exercise_name(model.exercise.name), [r.key for r in model.saved_rows()]
        self._undo_stack.beginMacro(_("take {name} out of this session").format(name=name))
        self._pushing = True  # the macro lands on the stack at endMacro: not an undo or redo
        try:
            done = all(self._run(DeleteSetCommand(self._log, slug, key)) for key in saved)
            done = done and self._run(
                RemoveExerciseCommand(self._log, slug, self._take, self._put_back)
            )
        finally:
            self._undo_stack.endMacro()
            self._pushing = False
        if done:
            if saved:
                took = ngettext(
                    "Took {name} out of this session with its {count} set. Ctrl+Z puts it back.",
                    "Took {name} out of this session with its {count} sets. Ctrl+Z puts it back.",
                    len(saved),
                )
            else:
                took = _("Took {name} out of this session. Ctrl+Z puts it back.")
            self.message.note(took.format(name=name, count=len(saved)))
        return done

    def _take(self, slug: str) -> int:
        del self._log.models[slug]
        position = self.exercise_list.take(slug)
        if self._current_slug == slug:
            self._current_slug = None
            self._show_exercise_panel(self.exercise_list.current_slug())
        self.remove_button.setEnabled(self.exercise_list.count() > 0)
        return position

    def _put_back(self, slug: str, model: SetsTableModel, position: int) -> None:
        self._log.models[slug] = model
        self.exercise_list.add(model.exercise, position if position >= 0 else None)
        self._update_list_item(slug)
        self._select(slug)
        self.remove_button.setEnabled(True)

    def _undo_moved(self, index: int) -> None:
        """Say what Ctrl+Z or Ctrl+Shift+Z just did, while the Log is on screen."""
        previous, self._undo_index = self._undo_index, index
        if self._pushing or not self.isVisible() or index == previous:
            return
        if index < previous:
            self.message.note(_("Undone: {action}.").format(action=self._undo_stack.text(index)))
        else:
            self.message.note(
                _("Redone: {action}.").format(action=self._undo_stack.text(index - 1))
            )

    # --- refresh ---------------------------------------------------------------------------

    def _data_changed(self) -> None:
        if not self._log.emitting:  # this view's own change is on screen already
            super()._data_changed()

    def _sync_with_database(self) -> None:
        """Another view (History, a restore, an import) may have changed this session's sets."""
        session_id = self._log.session_id
        if session_id is None:
            return
        try:
            session = training_log.get_session(self._ctx, session_id)
        except (OSError, HiplogError):
            return
        if session is None:
            self.new_session()
            self.message.say(
                _(
                    "The session you were logging was removed (in History, or by a restore); "
                    "this is a new, empty one."
                )
            )
            return
        mine = {r.set_id for m in self._log.models.values() for r in m.saved_rows()}
        same_details = (session.started_at, session.bodyweight_kg) == (
            self._log.started_at,
            self._log.bodyweight_kg,
        )
        if mine == {e.id for e in session.sets} and same_details:
            return
        current = self._current_slug
        unsaved = self._unsaved_rows()
        self._reset(LogSession(self._ctx, self._events, session.started_at))
        self._load_session(session)
        self._keep_unsaved(unsaved)
        if current is not None and current in self._log.models:
            self._select(current)

    def _unsaved_rows(self) -> dict[str, list[SetRow]]:
        """Rows typed but not saved (a save failed, or is not done yet), by exercise."""
        return {
            slug: [r for r in model.rows() if not r.saved and (r.typed or r.write_token)]
            for slug, model in self._log.models.items()
        }

    def _keep_unsaved(self, unsaved: dict[str, list[SetRow]]) -> None:
        """Put the unsaved rows back after the session was read again (another computer added
        to it): nothing typed is lost. A row whose save did land, unheard, is in the session
        as read and is not put back (its write token says so)."""
        tokens = [r.write_token for rows in unsaved.values() for r in rows if r.write_token]
        try:
            landed = training_log.saved_write_tokens(self._ctx, tokens)
        except (OSError, HiplogError):
            landed = set()  # kept all: a retry adds nothing for a token already saved
        catalog = self._ctx.catalog()
        for slug, rows in unsaved.items():
            keep = [r for r in rows if r.write_token is None or r.write_token not in landed]
            exercise = catalog.get(slug)
            if not keep or exercise is None:
                continue
            if slug not in self._log.models:
                self._add_exercise(exercise, [])
            model = self._log.models[slug]
            for r in keep:  # before the empty row at the end
                model.insert_row(model.rowCount() - 1, r)
            self._update_list_item(slug)

    def reload(self) -> None:
        """Sessions, the catalog or the settings changed elsewhere: the exercises to pick,
        this session's sets, the plan, records, the last session and the unit may differ."""
        self._dirty = False
        self._fill_picker()
        self._plan = None
        self._log.forget_earlier_sets()
        self._sync_with_database()
        for model in self._log.models.values():
            model.set_unit(self.unit)
        if self._current_slug is not None:
            self._refresh_last_time(self._current_slug)
        self._apply_details_to_view(self._log.started_at, self._log.bodyweight_kg)
