"""History view: list, filter, calendar, session editor, undo of edits and deletes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import focus_for_keys

from hiplog.domain.models import Exercise, Length, LoadKind, SetEntry
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.services import settings_store, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.undo_support import push, undo_notices
from hiplog.ui.exercises.exercise_commands import CreateCustomExercise
from hiplog.ui.history.history_table_model import SESSION_ID_ROLE, VOLUME, HistoryTableModel
from hiplog.ui.history.history_view import HistoryView
from hiplog.ui.history.session_editor import SessionEditor

EXERCISE, LOAD, REPS, SET, WARMUP = (
    SetsTableModel.EXERCISE,
    SetsTableModel.LOAD,
    SetsTableModel.REPS,
    SetsTableModel.SET,
    SetsTableModel.WARMUP,
)

pytestmark = pytest.mark.gui

Logged = dict[str, int]
OpenEditor = Callable[[int], SessionEditor]
NOW = datetime.now().replace(hour=18, minute=0, second=0, microsecond=0)


def _log(ctx: AppContext, when: datetime, *sets: SetEntry) -> int:
    session = training_log.log_sets(ctx, list(sets), when=when)
    assert session.id is not None
    return session.id


def _thrusts(load: float, *reps: int) -> list[SetEntry]:
    return [SetEntry("barbell-hip-thrust", 0, r, load) for r in reps]


@pytest.fixture
def logged(ctx: AppContext) -> dict[str, int]:
    """Three sessions: two weeks ago, last week (thrusts + RDL), and two days ago (swings)."""
    return {
        "old": _log(ctx, NOW - timedelta(days=14), *_thrusts(60, 12, 12, 12)),
        "last_week": _log(
            ctx,
            NOW - timedelta(days=7),
            *_thrusts(62.5, 10, 9, 8),
            SetEntry("dumbbell-romanian-deadlift", 0, 10, 20.0),
        ),
        "recent": _log(ctx, NOW - timedelta(days=2), SetEntry("kettlebell-swing", 0, 15, 16.0)),
    }


def _view(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    stack: QUndoStack,
    page_size: int | None = None,
) -> HistoryView:
    """The History view, shown; `page_size` rows are loaded at a time if given."""
    view = HistoryView(ctx, events, stack)
    qtbot.addWidget(view)
    if page_size is not None:
        view.model.page_size = page_size
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, logged: Logged
) -> HistoryView:
    """The History view, shown, on the three `logged` sessions."""
    return _view(qtbot, ctx, events, undo_stack)


@pytest.fixture
def open_editor(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> OpenEditor:
    """Opens the session editor of a session; it is closed at the end of the test."""

    def open_one(session_id: int) -> SessionEditor:
        editor = SessionEditor(ctx, events, undo_stack, session_id)
        qtbot.addWidget(editor)
        return editor

    return open_one


def _session_ids(view: HistoryView) -> list[int]:
    model = view.model
    return [model.data(model.index(r, 0), SESSION_ID_ROLE) for r in range(model.rowCount())]


def test_sessions_newest_first_with_volumes(logged: Logged, view: HistoryView) -> None:
    assert _session_ids(view) == [logged["recent"], logged["last_week"], logged["old"]]
    volumes = [view.model.index(r, VOLUME).data() for r in range(3)]
    # 62.5 x 27 + 20 x 10 x 2 dumbbells = 2087.5
    assert volumes == ["240 kg", "2,088 kg", "2,160 kg"]
    assert view.model.index(1, 1).data() == "Barbell hip thrust, Romanian deadlift (dumbbells)"
    assert view.count_label.text() == "3 sessions"
    view.select_session(logged["last_week"])
    preview = view.preview.text()
    assert "Barbell hip thrust: 62.5 kg × 10, 62.5 kg × 9, 62.5 kg × 8" in preview
    assert "Romanian deadlift (dumbbells): 20 kg × 10" in preview


def test_volume_follows_the_unit_setting(
    ctx: AppContext, events: DataEvents, view: HistoryView
) -> None:
    settings_store.save(ctx, ProgressionSettings(unit=Unit.LB))
    events.settings_changed.emit()
    assert view.model.index(2, VOLUME).data() == "4,762 lb"


def test_filter_by_exercise(logged: Logged, view: HistoryView) -> None:
    view.show_exercise("barbell-hip-thrust")
    assert view.filter_combo.currentText() == "Barbell hip thrust"
    assert _session_ids(view) == [logged["last_week"], logged["old"]]
    assert view.count_label.text() == "2 sessions with this exercise"
    view.filter_combo.setCurrentIndex(0)
    assert len(_session_ids(view)) == 3


def test_typo_fix_in_last_weeks_session_can_be_undone_and_redone(
    qtbot: QtBot, ctx: AppContext, undo_stack: QUndoStack, logged: Logged, view: HistoryView
) -> None:
    assert view.select_session(logged["last_week"])
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = view.editor
    assert isinstance(editor, SessionEditor)
    model = editor.model
    # the second thrust set was logged as 9 reps; it was really 11
    assert model.index(1, REPS).data() == "9"
    assert model.setData(model.index(1, REPS), "11")
    assert model.setData(model.index(0, LOAD), "65")

    def reps() -> list[int]:
        session = training_log.get_session(ctx, logged["last_week"])
        assert session is not None
        return [s.reps for s in session.sets if s.exercise == "barbell-hip-thrust"]

    assert reps() == [10, 11, 8]
    assert view.model.index(1, VOLUME).data() == "2,238 kg"  # the list follows at once
    undo_stack.undo()
    undo_stack.undo()
    assert reps() == [10, 9, 8]
    assert model.index(1, REPS).data() == "9" and model.index(0, LOAD).data() == "62.5"
    undo_stack.redo()
    assert reps() == [10, 11, 8]
    undo_stack.redo()
    assert model.index(0, LOAD).data() == "65"
    editor.close()


def test_bad_values_are_refused_with_a_message(
    undo_stack: QUndoStack, logged: Logged, open_editor: OpenEditor
) -> None:
    editor = open_editor(logged["old"])
    model = editor.model
    assert not model.setData(model.index(0, REPS), "twelve")
    assert "Barbell hip thrust, set 1, reps" in editor.message.text()
    assert not model.setData(model.index(0, LOAD), "-5")
    assert "load" in editor.message.text()
    assert undo_stack.count() == 0
    editor.bodyweight_edit.setText("heavy")
    editor.save_details()
    assert "bodyweight" in editor.message.text()
    assert undo_stack.count() == 0


def test_warmup_toggle_details_and_delete_set_undo(
    ctx: AppContext,
    undo_stack: QUndoStack,
    logged: Logged,
    open_editor: OpenEditor,
) -> None:
    editor = open_editor(logged["last_week"])
    model = editor.model
    assert model.setData(
        model.index(0, WARMUP), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    editor.bodyweight_edit.setText("81.5")
    editor.notes_edit.setText("felt strong")
    editor.save_details()
    session = training_log.get_session(ctx, logged["last_week"])
    assert session is not None
    assert (
        session.sets[0].warmup and session.bodyweight_kg == 81.5 and session.notes == "felt strong"
    )

    editor.table.selectRow(3)  # the dumbbell RDL set
    editor.delete_selected_set()
    assert model.rowCount() == 3
    undo_stack.undo()
    assert model.rowCount() == 4
    restored = training_log.get_session(ctx, logged["last_week"])
    assert restored is not None
    assert [s.exercise for s in restored.sets].count("dumbbell-romanian-deadlift") == 1
    undo_stack.undo()  # details
    undo_stack.undo()  # warm-up
    back = training_log.get_session(ctx, logged["last_week"])
    assert back is not None and back.bodyweight_kg is None and not back.sets[0].warmup


def test_delete_session_and_undo_restores_it_whole(
    qtbot: QtBot, ctx: AppContext, undo_stack: QUndoStack, logged: Logged, view: HistoryView
) -> None:
    before = training_log.get_session(ctx, logged["last_week"])
    assert before is not None
    view.select_session(logged["last_week"])
    focus_for_keys(qtbot, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(_session_ids(view)) == 2
    assert training_log.get_session(ctx, logged["last_week"]) is None
    assert view.message.text().startswith("Deleted the session of")
    undo_stack.undo()
    ids = _session_ids(view)
    assert len(ids) == 3
    # the person sees it came back: it is selected, and the message says so (not "Deleted")
    assert view.selected_session_id() == ids[1]
    assert view.message.text().startswith("Put back the session of")
    assert f"with its {len(before.sets)} sets" in view.message.text()
    restored = training_log.get_session(ctx, ids[1])
    assert restored is not None
    assert restored.started_at == before.started_at
    strip = [(s.exercise, s.order, s.reps, s.load_kg) for s in before.sets]
    assert [(s.exercise, s.order, s.reps, s.load_kg) for s in restored.sets] == strip
    # an older edit command still finds the restored session's sets
    undo_stack.redo()
    assert len(_session_ids(view)) == 2
    undo_stack.undo()
    assert len(_session_ids(view)) == 3


def test_edit_after_delete_and_undo_still_undoes(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    undo_stack: QUndoStack,
    logged: Logged,
    open_editor: OpenEditor,
) -> None:
    editor = open_editor(logged["old"])
    assert editor.model.setData(editor.model.index(0, REPS), "13")
    view = _view(qtbot, ctx, events, undo_stack)
    view.select_session(logged["old"])
    view.delete_selected()
    assert editor.session is None and "deleted" in editor.message.text()
    undo_stack.undo()  # the session comes back with new ids
    assert editor.session is not None and editor.model.index(0, REPS).data() == "13"
    undo_stack.undo()  # the reps edit finds the restored set
    assert editor.model.index(0, REPS).data() == "12"


def test_calendar_marks_days_and_selects_a_session_beyond_the_first_page(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    start = NOW - timedelta(days=120)
    ids = [_log(ctx, start + timedelta(days=2 * n), *_thrusts(40, 10)) for n in range(40)]
    view = _view(qtbot, ctx, events, undo_stack, page_size=5)
    assert view.model.rowCount() == 5
    first = start.date()
    view.calendar.setCurrentPage(first.year, first.month)
    fmt = view.calendar.dateTextFormat(QDate(first.year, first.month, first.day))
    assert fmt.fontWeight() == 700
    view._day_clicked(QDate(first.year, first.month, first.day))
    assert view.selected_session_id() == ids[0]
    assert view.model.rowCount() == 40


def test_lazy_history_model_passes_the_model_tester(
    qtmodeltester: object, ctx: AppContext, logged: Logged
) -> None:
    from hiplog.services import history

    model = HistoryTableModel()
    model.page_size = 2
    model.set_source(lambda offset, limit: history.history_page(ctx, None, offset, limit), Unit.KG)
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.fetchMore()
    assert model.rowCount() == 3 and not model.canFetchMore()


def test_session_sets_model_passes_the_model_tester(
    qtmodeltester: object, logged: Logged, open_editor: OpenEditor
) -> None:
    editor = open_editor(logged["last_week"])
    qtmodeltester.check(editor.model)  # type: ignore[attr-defined]


def _sets_of(ctx: AppContext, session_id: int, slug: str) -> list[tuple[int, int, float | None]]:
    """(set number, reps, load) of one exercise's sets in a session, as saved."""
    session = training_log.get_session(ctx, session_id)
    assert session is not None
    return sorted((s.order, s.reps, s.load_kg) for s in session.sets_of(slug))


def _escape_from_cell(qtbot: QtBot, editor: SessionEditor) -> None:
    """Press Escape in the open cell editor: the cell keeps its value."""
    cell = editor.table.indexWidget(editor.table.currentIndex())
    assert cell is not None, "no cell is being edited"
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    assert editor.table.state() != editor.table.State.EditingState


def test_add_a_forgotten_set_with_ctrl_n_then_undo_and_redo(
    qtbot: QtBot, ctx: AppContext, undo_stack: QUndoStack, logged: Logged, view: HistoryView
) -> None:
    view.select_session(logged["last_week"])
    editor = view.open_selected()
    assert isinstance(editor, SessionEditor)
    editor.table.selectRow(1)  # a hip thrust set: the new set is a hip thrust
    assert editor.exercise_combo.currentData() == "barbell-hip-thrust"
    focus_for_keys(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    thrust = "barbell-hip-thrust"
    # set 4, filled in from set 3 (62.5 kg x 8), saved at once
    assert _sets_of(ctx, logged["last_week"], thrust) == [
        (1, 10, 62.5),
        (2, 9, 62.5),
        (3, 8, 62.5),
        (4, 8, 62.5),
    ]
    model = editor.model
    row = editor.table.currentIndex().row()
    assert [model.index(row, c).data() for c in (EXERCISE, SET, LOAD, REPS)] == [
        "Barbell hip thrust",
        "4",
        "62.5",
        "8",
    ]
    # the load cell is open for typing
    assert editor.table.currentIndex().column() == LOAD
    assert editor.table.state() == editor.table.State.EditingState
    assert "Added set 4 of Barbell hip thrust" in editor.message.text()
    assert view.model.index(1, 2).data() == "5"  # the History list counts it at once

    # it was really 70 kg: type it over the pre-filled load
    _escape_from_cell(qtbot, editor)
    assert model.setData(model.index(row, LOAD), "70")
    assert _sets_of(ctx, logged["last_week"], thrust)[-1] == (4, 8, 70.0)
    undo_stack.undo()  # the load
    undo_stack.undo()  # the set
    assert len(_sets_of(ctx, logged["last_week"], thrust)) == 3
    assert model.rowCount() == 4
    undo_stack.redo()  # the set comes back (with a new id) ...
    undo_stack.redo()  # ... and the load edit still finds it
    assert _sets_of(ctx, logged["last_week"], thrust)[-1] == (4, 8, 70.0)
    assert model.rowCount() == 5
    editor.close()


def test_add_a_forgotten_exercise_with_insert_fills_in_the_time_before(
    qtbot: QtBot,
    ctx: AppContext,
    undo_stack: QUndoStack,
    logged: Logged,
    open_editor: OpenEditor,
) -> None:
    editor = open_editor(logged["recent"])
    editor.show()
    combo = editor.exercise_combo
    assert combo.itemText(0) == "Kettlebell swing"  # this session's exercises come first
    combo.setCurrentIndex(combo.findData("barbell-hip-thrust"))
    focus_for_keys(qtbot, editor.table)
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    # set 1 of the thrust, from last week's last working set
    assert _sets_of(ctx, logged["recent"], "barbell-hip-thrust") == [(1, 8, 62.5)]
    _escape_from_cell(qtbot, editor)  # leave the load as it is
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)  # one more: set 2, same numbers
    assert _sets_of(ctx, logged["recent"], "barbell-hip-thrust") == [(1, 8, 62.5), (2, 8, 62.5)]
    # an exercise never done before starts at the bottom of its rep range, bodyweight
    combo.setCurrentIndex(combo.findData("glute-bridge"))
    _escape_from_cell(qtbot, editor)
    editor.add_set_button.click()
    low = ctx.exercise("glute-bridge").rep_range[0]
    assert _sets_of(ctx, logged["recent"], "glute-bridge") == [(1, low, None)]
    assert editor.model.rowCount() == 4
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()
    assert editor.model.rowCount() == 1
    assert _sets_of(ctx, logged["recent"], "barbell-hip-thrust") == []


def test_a_refused_undo_is_shown_in_the_editor_and_the_list(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    undo_stack: QUndoStack,
    logged: Logged,
) -> None:
    assert push(undo_stack, CreateCustomExercise(ctx, events, _frog_pump())) is None
    # sets were logged to it outside the undo history (another window, an import)
    training_log.log_sets(ctx, [SetEntry("frog-pump", 0, 25)], when=NOW - timedelta(days=2))
    view = _view(qtbot, ctx, events, undo_stack)
    view.select_session(logged["recent"])
    editor = view.open_selected()
    assert isinstance(editor, SessionEditor)
    with qtbot.waitSignal(undo_notices(undo_stack).refused):
        undo_stack.undo()
    why = "Could not undo Create exercise Frog pump: 'Frog pump' has logged sets now, so it stays."
    assert editor.message.text() == why
    assert view.message.text() == why
    assert "frog-pump" in ctx.catalog() and undo_stack.count() == 0
    editor.close()


def test_calendar_and_list_stay_in_step_years_back(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    """Three years of sessions every fourth day, the list loaded a few rows at a time."""
    first = (NOW - timedelta(days=3 * 365)).replace(hour=7)
    ids = [_log(ctx, first + timedelta(days=4 * n), *_thrusts(40, 10)) for n in range(274)]
    evening = _log(ctx, first.replace(hour=19), *_thrusts(45, 8))  # two sessions that day
    view = _view(qtbot, ctx, events, undo_stack, page_size=20)
    assert view.selected_session_id() == ids[-1]  # the newest is selected on open
    assert "Barbell hip thrust: 40 kg × 10" in view.preview.text()

    day = first.date() + timedelta(days=4)
    view.calendar.setCurrentPage(day.year, day.month)  # page back three years
    view._day_clicked(QDate(day.year, day.month, day.day))
    assert view.selected_session_id() == ids[1]
    assert view.calendar.selectedDate() == QDate(day.year, day.month, day.day)

    # arrow keys in the calendar: four days on is the next session, the days between are rest
    grid = view.calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert grid is not None
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert "No session on" in view.message.text()
    assert view.selected_session_id() == ids[1]
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert view.selected_session_id() == ids[2] and view.message.text() == ""

    # moving in the list moves the calendar, even across a month and year
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.selected_session_id() == evening  # newest first: the evening, then the morning
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    row = view.model.history_row(view.table.currentIndex().row())
    assert row.session_id == ids[0]
    started = row.started_at
    assert view.calendar.selectedDate() == QDate(started.year, started.month, started.day)
    assert (view.calendar.yearShown(), view.calendar.monthShown()) == (started.year, started.month)

    # of two sessions on one day, the one picked in the list stays picked
    view._day_clicked(QDate(started.year, started.month, started.day))
    assert view.selected_session_id() == ids[0]
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert view.selected_session_id() == evening

    # a change elsewhere refreshes the list without losing the place three years back
    loaded = view.model.rowCount()
    events.sessions_changed.emit()
    assert view.selected_session_id() == evening and view.model.rowCount() == loaded


def test_double_click_on_a_calendar_day_opens_its_session(
    logged: Logged, view: HistoryView
) -> None:
    day = (NOW - timedelta(days=7)).date()
    view.calendar.activated.emit(QDate(day.year, day.month, day.day))
    editor = view.editor
    assert isinstance(editor, SessionEditor) and editor.session is not None
    assert editor.session.id == logged["last_week"]
    editor.close()
    rest_day = (NOW - timedelta(days=6)).date()
    view.calendar.activated.emit(QDate(rest_day.year, rest_day.month, rest_day.day))
    assert "No session on" in view.message.text()


def test_the_editors_undo_reaches_only_what_was_done_in_it(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    undo_stack: QUndoStack,
    logged: Logged,
) -> None:
    # Something done elsewhere before the editor opened (another view's command on the stack).
    push(undo_stack, CreateCustomExercise(ctx, events, _frog_pump()))
    view = _view(qtbot, ctx, events, undo_stack)
    assert view.select_session(logged["last_week"])
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = view.editor
    assert isinstance(editor, SessionEditor)
    assert not editor.undo_action.isEnabled()  # the exercise created elsewhere is out of reach
    assert editor.model.setData(editor.model.index(1, REPS), "11")
    assert editor.undo_action.isEnabled()
    assert editor.undo_action.text().startswith("Undo ")
    editor.undo_action.trigger()
    assert not editor.undo_action.isEnabled() and editor.redo_action.isEnabled()
    assert ctx.catalog().get("frog-pump") is not None
    editor.close()


def _frog_pump() -> Exercise:
    return Exercise(
        slug="",
        name="Frog pump",
        load_kind=LoadKind.BODYWEIGHT,
        length=Length.SHORT,
        muscles=("glute max",),
        sets=3,
        rep_range=(15, 30),
        custom=True,
    )
