"""The Log view: a whole session from the keyboard, undo/redo, bad input, save failures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import (
    enter_text,
    focused,
    press,
    show_for_typing,
    type_set,
    type_text,
)
from tests.ui.past_sessions import add_past_session

from hiplog.domain.models import Session, SetEntry
from hiplog.domain.records import RecordKind
from hiplog.services import exercises, training_log
from hiplog.services import plan as plan_service
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.log.log_view import LogView

LOAD, NOTES, REPS, RIR = (
    SetsTableModel.LOAD,
    SetsTableModel.NOTES,
    SetsTableModel.REPS,
    SetsTableModel.RIR,
)

pytestmark = pytest.mark.gui


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents, stack: QUndoStack) -> LogView:
    view = LogView(ctx, events, stack)
    qtbot.addWidget(view)
    show_for_typing(qtbot, view, 1100, 600)
    return view


def all_sets(ctx: AppContext) -> list[SetEntry]:
    with ctx.db.reader() as tx:
        from hiplog.storage import session_repo

        sessions = session_repo.sessions_between(tx, None, None)
    # In the order a person reads them: by session, exercise and set number.
    return sorted(
        (e for s in sessions for e in s.sets),
        key=lambda e: (e.exercise, e.order),
    )


def test_log_a_whole_session_with_the_keyboard_only(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    enter_text(qtbot, view.picker, "barbell hip thrust")
    assert view.session_exercises() == ["barbell-hip-thrust"]
    qtbot.waitUntil(lambda: focused() is view.table)

    type_set(qtbot, "60", "12")
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 1)
    # Second set: the load is already there; Tab to the reps.
    type_set(qtbot, "", "11")
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 2)
    # Third set: a heavier load typed over the pre-filled one.
    type_set(qtbot, "62.5", "8")
    qtbot.waitUntil(lambda: len(all_sets(ctx)) == 3)

    sets = all_sets(ctx)
    assert [(s.load_kg, s.reps) for s in sets] == [(60.0, 12), (60.0, 11), (62.5, 8)]
    assert [s.order for s in sets] == [1, 2, 3]
    assert view.session_id is not None
    assert view.message_text() == ""


def current_model(view: LogView) -> SetsTableModel:
    """The sets of the exercise selected in the Log."""
    model = view.current_model()
    assert model is not None
    return model


def enter_set(qtbot: QtBot, view: LogView, load: str, reps: str) -> None:
    """Type one set on the current row: load, Tab, reps, Enter."""
    model = current_model(view)
    row = view.table.currentIndex().row()
    view.table.setCurrentIndex(model.index(row, LOAD))
    view.table.setFocus()
    type_set(qtbot, load, reps)
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == row + 1)


def test_undo_and_redo_add_edit_delete_and_session_details(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("romanian-deadlift")
    enter_set(qtbot, view, "80", "10")
    enter_set(qtbot, view, "80", "9")
    assert [(s.load_kg, s.reps) for s in all_sets(ctx)] == [(80.0, 10), (80.0, 9)]

    # Edit: change the reps of the second set.
    model = current_model(view)
    assert model.setData(model.index(1, REPS), "10")
    assert [s.reps for s in all_sets(ctx)] == [10, 10]
    # Delete the first set.
    view.table.setCurrentIndex(model.index(0, LOAD))
    view.delete_selected_set()
    assert [(s.load_kg, s.reps) for s in all_sets(ctx)] == [(80.0, 10)]
    # Session details: bodyweight.
    view.bodyweight_edit.setText("72.5")
    view.bodyweight_edit.editingFinished.emit()
    session = training_log.get_session(ctx, view.session_id or -1)
    assert session is not None and session.bodyweight_kg == 72.5

    undo_stack.undo()  # bodyweight
    session = training_log.get_session(ctx, view.session_id or -1)
    assert session is not None and session.bodyweight_kg is None
    assert view.bodyweight_edit.text() == ""
    undo_stack.undo()  # delete
    assert [(s.load_kg, s.reps) for s in all_sets(ctx)] == [(80.0, 10), (80.0, 10)]
    assert [r.reps for r in model.saved_rows()] == [10, 10]
    undo_stack.undo()  # edit
    assert [s.reps for s in all_sets(ctx)] == [10, 9]
    undo_stack.undo()  # second set
    assert [s.reps for s in all_sets(ctx)] == [10]
    undo_stack.undo()  # first set: the session row goes too
    assert all_sets(ctx) == []
    assert view.session_id is None
    assert model.saved_rows() == []

    for _ in range(5):
        undo_stack.redo()
    assert [(s.load_kg, s.reps) for s in all_sets(ctx)] == [(80.0, 10)]
    session = training_log.get_session(ctx, view.session_id or -1)
    assert session is not None and session.bodyweight_kg == 72.5
    assert [(r.load_kg, r.reps) for r in model.saved_rows()] == [(80.0, 10)]


def test_invalid_input_is_refused_with_a_message_and_nothing_is_written(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    type_text(qtbot, "sixty")
    press(qtbot, Qt.Key.Key_Tab)
    # The editor stays open on the load with the bad text, and says why.
    assert "load must be a number" in view.message_text()
    assert "Barbell hip thrust" in view.message_text() or "row 1" in view.message_text()
    assert view.table.state() == view.table.State.EditingState
    press(qtbot, Qt.Key.Key_Escape)
    model = current_model(view)
    # Through the model too (a paste, a focus change): refused, row unchanged.
    assert not model.setData(model.index(0, REPS), "-3")
    assert not model.setData(model.index(0, RIR), "11")
    assert "RIR" in view.message_text()
    assert all_sets(ctx) == []
    assert view.session_id is None
    assert undo_stack.count() == 0


def test_a_failed_save_keeps_the_set_and_retrying_saves_it(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hiplog.domain.errors import DatabaseError

    real_add = training_log.add_set_creating_session
    failing = {"on": True}

    def add_set(
        c: AppContext, session: Session, entry: SetEntry, write_token: str | None = None
    ) -> tuple[int, SetEntry]:
        if failing["on"]:
            raise DatabaseError("the disk is full; free some space and try again", "t.db")
        return real_add(c, session, entry, write_token)

    monkeypatch.setattr(training_log, "add_set_creating_session", add_set)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    type_set(qtbot, "60", "12")  # the editor commits on the next turn of the event loop
    qtbot.waitUntil(lambda: "disk is full" in view.message_text())
    assert view.retry_button.isVisibleTo(view)
    assert all_sets(ctx) == []
    assert view.session_id is None  # the empty session row was not left behind
    model = current_model(view)
    kept = model.row_at(0)
    assert (kept.load_kg, kept.reps, kept.saved) == (60.0, 12, False)

    failing["on"] = False
    qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    assert [(s.load_kg, s.reps) for s in all_sets(ctx)] == [(60.0, 12)]
    assert view.message_text() == ""
    assert undo_stack.count() == 1


def test_targets_from_the_plan_and_last_session_are_shown(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 12)] * 3)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    model = current_model(view)
    drafts = [r for r in model.rows() if not r.saved]
    # All sets reached the top of the range: add 2.5 kg, back to 8 reps.
    assert [(r.load_kg, r.target_reps) for r in drafts[:3]] == [(62.5, 8)] * 3
    assert "62.5 kg" in view.target_label.text()
    assert "60 kg x 12" in view.last_label.text()


def test_a_personal_record_gets_a_badge(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 10), ("barbell-hip-thrust", 60.0, 9)])
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    enter_set(qtbot, view, "60", "11")
    enter_set(qtbot, view, "60", "8")
    model = current_model(view)
    first, second = model.saved_rows()
    assert RecordKind.MOST_REPS_AT_LOAD in first.records
    assert RecordKind.BEST_E1RM in first.records
    assert second.records == ()
    assert "PR" in model.data(model.index(0, model.columnCount() - 1))
    assert "most reps at this load" in model.data(
        model.index(0, model.columnCount() - 1), Qt.ItemDataRole.ToolTipRole
    )


def test_start_session_fills_every_suggested_exercise(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 12)] * 3)
    add_past_session(ctx, 3, [("romanian-deadlift", 70.0, r) for r in (9, 8, 8)])
    plan = plan_service.suggest(ctx)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.start_session(plan)
    assert set(view.session_exercises()) == {"barbell-hip-thrust", "romanian-deadlift"}
    rdl = view.model_for("romanian-deadlift")
    assert rdl is not None
    assert [(r.load_kg, r.target_reps) for r in rdl.rows()[:3]] == [
        (70.0, 10),
        (70.0, 9),
        (70.0, 9),
    ]
    assert len(all_sets(ctx)) == 6  # the history only: nothing is saved until a set is done
    assert view.session_id is None


def test_show_exercise_selects_it_and_notes_are_saved(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    view.show_exercise("kettlebell-swing")
    view.show_exercise("glute-bridge")
    assert view.session_exercises() == ["glute-bridge", "kettlebell-swing"]
    assert view.exercise_title.text() == "Glute bridge"
    model = current_model(view)
    assert model.setData(model.index(0, NOTES), "slow tempo")
    assert model.setData(model.index(0, REPS), "15")
    (saved,) = all_sets(ctx)
    assert (saved.exercise, saved.reps, saved.load_kg, saved.notes) == (
        "glute-bridge",
        15,
        None,
        "slow tempo",
    )


def test_sets_table_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("single-leg-hip-thrust")
    model = current_model(view)
    model.setData(model.index(0, REPS), "10")
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_changes_made_elsewhere_show_up_in_the_log(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    enter_set(qtbot, view, "60", "12")
    enter_set(qtbot, view, "60", "11")
    # Another view (History) deletes the second set.
    second = all_sets(ctx)[1]
    assert second.id is not None
    training_log.delete_set(ctx, second.id)
    events.sessions_changed.emit()
    model = current_model(view)
    assert [(r.load_kg, r.reps) for r in model.saved_rows()] == [(60.0, 12)]
    # ... and then the whole session.
    assert view.session_id is not None
    training_log.delete_session(ctx, view.session_id)
    events.sessions_changed.emit()
    assert view.session_id is None
    assert view.session_exercises() == []
    assert "removed" in view.message_text()


def test_a_new_session_starts_empty_and_undo_still_reaches_the_last_one(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    model = current_model(view)
    model.setData(model.index(0, REPS), "15")
    first_session = view.session_id
    view.new_session_button.click()
    assert view.session_id is None
    assert view.session_exercises() == []
    undo_stack.undo()
    assert all_sets(ctx) == []
    assert training_log.get_session(ctx, first_session or -1) is None


def test_loads_are_typed_and_shown_in_pounds_when_that_is_the_unit(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    from dataclasses import replace

    from hiplog.domain.units import Unit
    from hiplog.services import settings_store

    settings_store.save(ctx, replace(settings_store.load(ctx), unit=Unit.LB))
    ctx.invalidate()
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("romanian-deadlift")
    enter_set(qtbot, view, "135", "10")
    (saved,) = all_sets(ctx)
    assert saved.load_kg == pytest.approx(61.235, abs=0.001)
    model = current_model(view)
    assert model.headerData(LOAD, Qt.Orientation.Horizontal) == "Load (lb)"
    assert model.data(model.index(0, LOAD)) == "135"
    assert model.data(model.index(1, LOAD)) == "135"  # the next set, same load


def test_an_exercise_is_taken_out_with_its_sets_and_put_back_by_undo(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    view.show_exercise("kettlebell-swing")
    model = current_model(view)
    model.setData(model.index(0, REPS), "15")
    # one with a saved set goes with its set, as one undoable step
    assert view.remove_exercise("kettlebell-swing")
    assert "Took Kettlebell swing out of this session with its 1 set" in view.message_text()
    assert all_sets(ctx) == []
    undo_stack.undo()
    assert [(e.exercise, e.reps) for e in all_sets(ctx)] == [("kettlebell-swing", 15)]
    assert view.session_exercises() == ["glute-bridge", "kettlebell-swing"]
    view.exercise_list.setCurrentRow(0)
    view.exercise_list.setFocus()
    qtbot.keyClick(view.exercise_list, Qt.Key.Key_Delete)
    assert view.session_exercises() == ["kettlebell-swing"]


def test_an_unknown_exercise_name_is_refused_with_a_hint(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    enter_text(qtbot, view.picker, "zzz")
    assert "No exercise is called 'zzz'" in view.message_text()
    assert view.session_exercises() == []


def test_moving_the_session_back_in_time_updates_what_came_before(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    from PySide6.QtCore import QDateTime

    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 10)])
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    assert "60 kg x 10" in view.last_label.text()
    view.when_edit.setDateTime(QDateTime.currentDateTime().addDays(-5))
    view.when_edit.editingFinished.emit()
    assert "Nothing logged before" in view.last_label.text()
    undo_stack.undo()
    assert "60 kg x 10" in view.last_label.text()


def test_a_day_picked_in_the_calendar_pop_up_moves_the_session_at_once(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    from PySide6.QtCore import QDate

    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    enter_set(qtbot, view, "", "15")
    assert view.session_id is not None
    yesterday = date.today() - timedelta(days=1)
    day = QDate(yesterday.year, yesterday.month, yesterday.day)
    popup = view.when_edit.calendarWidget()
    popup.setSelectedDate(day)
    popup.clicked.emit(day)  # as a click on the day; the field keeps the focus
    qtbot.waitUntil(lambda: undo_stack.count() == 2)
    session = training_log.get_session(ctx, view.session_id)
    assert session is not None and session.started_at.date() == yesterday


def test_barbell_loads_name_their_plates(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 12)] * 3)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    plates = "Plates: 62.5 kg: 20 kg bar + 20 + 1.25 per side"
    assert view.target_label.text().endswith(f"{plates}.")
    model = current_model(view)
    draft = model.index(0, LOAD)
    assert model.data(draft, Qt.ItemDataRole.ToolTipRole) == f"Target: 62.5 kg\n{plates}"
    model.setData(draft, "61")
    tip = model.data(draft, Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Plates: 61 kg cannot be made; nearest 60 kg: 20 kg bar + 20 per side")
    view.show_exercise("glute-bridge")  # no bar: no plates
    bridge = current_model(view)
    assert "Plates" not in (bridge.data(bridge.index(0, LOAD), Qt.ItemDataRole.ToolTipRole) or "")


def _use_lb(ctx: AppContext) -> None:
    from dataclasses import replace

    from hiplog.domain.units import Unit
    from hiplog.services import settings_store

    settings_store.save(ctx, replace(settings_store.load(ctx), unit=Unit.LB))
    ctx.invalidate()


def test_an_exercise_outside_the_plan_starts_from_its_last_session_lighter_after_the_break(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    # Hevy NathanN: deadlift triples at 374.79 lb, then a year without hip work. The plan holds
    # nothing (the look-back is 90 days); the Log used to offer the catalog's 40 kg (88.18 lb).
    _use_lb(ctx)
    top = 374.79 * 0.45359237
    add_past_session(ctx, 375, [("conventional-deadlift", top, 3)] * 3)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("conventional-deadlift")
    model = current_model(view)
    drafts = [r for r in model.rows() if not r.saved][:3]
    # 353 lb for 5 by the estimate of the triples, 20% lighter after the break, on the 5 lb grid
    assert [model.data(model.index(i, LOAD)) for i in range(3)] == ["280"] * 3
    assert [r.target_reps for r in drafts] == [5, 5, 5]
    assert "20% lighter at 280 lb" in view.target_label.text()
    from hiplog.domain.units import Unit
    from hiplog.domain.wording import load_reps_text

    assert load_reps_text(top, 3, Unit.LB) in view.last_label.text()


def test_a_first_barbell_load_is_on_the_lb_grid(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    _use_lb(ctx)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    model = current_model(view)
    assert model.data(model.index(0, LOAD)) == "45"  # not 44.09: the catalog's 20 kg bar


def test_the_note_on_an_exercise_comes_up_with_it_and_follows_an_edit(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    exercises.set_exercise_note(ctx, "barbell-hip-thrust", "Bench at 40 cm; feet flat")
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    note = view.last_box.note_label
    assert note.isVisible() and note.text() == "Your note: Bench at 40 cm; feet flat"
    view.show_exercise("glute-bridge")
    assert not note.isVisible()
    exercises.set_exercise_note(ctx, "glute-bridge", "Mat folded twice")
    events.catalog_changed.emit()  # what the Exercises view's note command emits
    assert note.isVisible() and note.text() == "Your note: Mat folded twice"
