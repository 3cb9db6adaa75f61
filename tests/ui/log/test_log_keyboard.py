"""The Log from the keyboard (issue 15): Tab out of the sets table at its edges, bad values kept
and marked until fixed, Escaped or undone, exercises taken out by button, menu or Delete with
undo, and a word on every undo."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import enter_text, focused, press, show_for_typing, type_set, type_text

from hiplog.domain.models import Session, SetEntry
from hiplog.services import plan as plan_service
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.widgets import is_marked_invalid
from hiplog.ui.log.log_view import LogView

pytestmark = pytest.mark.gui


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents, stack: QUndoStack) -> LogView:
    view = LogView(ctx, events, stack)
    qtbot.addWidget(view)
    show_for_typing(qtbot, view, 1100, 600)
    return view


def test_tab_leaves_the_table_at_its_last_cell_and_shift_tab_at_its_first(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    enter_text(qtbot, view.picker, "glute bridge")
    model = view.current_model()
    assert model is not None
    last_row = model.rowCount() - 1
    columns = [c for c in range(model.columnCount()) if not view.table.isColumnHidden(c)]
    view.table.setCurrentIndex(model.index(last_row, columns[-1]))
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not view.table.hasFocus())
    assert view.table.currentIndex() == model.index(last_row, columns[-1])  # no wrap round

    view.table.setCurrentIndex(model.index(0, columns[0]))
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not view.table.hasFocus())
    assert view.table.currentIndex() == model.index(0, columns[0])


def test_a_refused_value_is_kept_marked_and_cleared_by_escape(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    enter_text(qtbot, view.picker, "barbell hip thrust")
    qtbot.waitUntil(lambda: focused() is view.table)
    type_text(qtbot, "6o")
    press(qtbot, Qt.Key.Key_Tab)
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "6o"
    assert is_marked_invalid(editor)
    assert "Barbell hip thrust, next set, load" in view.message_text()
    press(qtbot, Qt.Key.Key_Escape)
    assert view.message_text() == ""


def test_a_saved_set_is_named_as_the_set_column_shows_it(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    enter_text(qtbot, view.picker, "barbell hip thrust")
    qtbot.waitUntil(lambda: focused() is view.table)
    type_set(qtbot, "60", "12")
    model = view.current_model()
    assert model is not None
    qtbot.waitUntil(lambda: len(model.saved_rows()) == 1)
    assert model.data(model.index(0, SetsTableModel.SET)) == "1"
    assert model.data(model.index(1, SetsTableModel.SET)) == "next"
    assert model.where(0, SetsTableModel.LOAD) == "Barbell hip thrust, set 1, load"
    assert model.where(1, SetsTableModel.LOAD) == "Barbell hip thrust, next set, load"


def test_an_exercise_is_taken_out_by_button_and_put_back_by_undo(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    view.show_exercise("kettlebell-swing")
    view.show_exercise("step-up")
    view.exercise_list.select("kettlebell-swing")
    view.remove_button.click()
    assert view.session_exercises() == ["glute-bridge", "step-up"]
    assert "Took Kettlebell swing out of this session" in view.message_text()
    undo_stack.undo()
    assert view.session_exercises() == ["glute-bridge", "kettlebell-swing", "step-up"]
    assert "Undone: take Kettlebell swing out of this session" in view.message_text()
    undo_stack.redo()
    assert view.session_exercises() == ["glute-bridge", "step-up"]
    assert "Redone" in view.message_text()


def test_the_context_menu_offers_to_take_an_exercise_out(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("glute-bridge")
    policy = view.exercise_list.contextMenuPolicy()
    assert policy == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in view.exercise_list.actions()] == ["Take out of this session"]


def test_a_mistyped_bodyweight_stays_as_typed_and_marked(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.bodyweight_edit.setFocus()
    type_text(qtbot, "7o")
    press(qtbot, Qt.Key.Key_Return)
    assert view.bodyweight_edit.text() == "7o"
    assert is_marked_invalid(view.bodyweight_edit)
    assert "bodyweight" in view.message_text()
    view.bodyweight_edit.selectAll()
    type_text(qtbot, "70")
    press(qtbot, Qt.Key.Key_Return)
    assert not is_marked_invalid(view.bodyweight_edit)
    assert view.bodyweight_edit.text() == "70"


def test_start_this_session_after_a_finished_session_starts_a_new_one(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    two_hours_ago = (datetime.now() - timedelta(hours=2)).replace(second=0, microsecond=0)
    done = [
        SetEntry(exercise="barbell-hip-thrust", order=i, reps=reps, load_kg=60.0)
        for i, reps in enumerate((12, 12, 10), start=1)
    ]
    training_log.restore_session(ctx, Session(started_at=two_hours_ago, sets=tuple(done)))
    view = make_view(qtbot, ctx, events, undo_stack)
    # picked up, as a restart mid-session does, with the highlighted exercise's sets shown
    assert view.session_exercises() == ["barbell-hip-thrust"]
    assert view.exercise_list.current_slug() == "barbell-hip-thrust"
    assert view.table.isVisible() and view.table.model() is view.model_for("barbell-hip-thrust")
    plan = plan_service.suggest(ctx)
    (thrust,) = plan.suggestions
    view.start_session(plan)
    assert view.session_id is None  # a new session: nothing saved in it yet
    assert view.model_for("barbell-hip-thrust") is not None
    # the plan's 'last time' and the Log's 'Last time' are the session two hours ago
    assert "12, 12 and 10" in thrust.reason
    assert f"{two_hours_ago:%a %d %b %Y}" in view.last_label.text()
    assert view.last_label.text().count("60 kg x") == 3


def test_taking_out_an_exercise_with_sets_redoes_and_says_so_once(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("kettlebell-swing")
    model = view.current_model()
    assert model is not None
    for reps in ("15", "14"):
        row = next(i for i, r in enumerate(model.rows()) if not r.saved)
        model.setData(model.index(row, SetsTableModel.LOAD), "24")
        model.setData(model.index(row, SetsTableModel.REPS), reps)
    qtbot.waitUntil(lambda: len(model.saved_rows()) == 2)
    count = undo_stack.count()
    view.exercise_list.select("kettlebell-swing")
    view.remove_button.click()
    assert undo_stack.count() == count + 1  # one step, not one per set
    assert "with its 2 sets" in view.message_text()
    assert view.session_exercises() == []
    undo_stack.undo()
    assert view.session_exercises() == ["kettlebell-swing"]
    back = view.model_for("kettlebell-swing")
    assert back is not None and [r.reps for r in back.saved_rows()] == [15, 14]
    undo_stack.redo()
    assert view.session_exercises() == []
    assert view.session_id is None or training_log.get_session(ctx, view.session_id) is None
