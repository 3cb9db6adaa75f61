"""Exercises view: the catalog with cues and ladders, search, custom exercises and mapping."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from hiplog.domain.models import Exercise, Length, LoadKind, SetEntry
from hiplog.services import exercises, training_log
from hiplog.services.context import AppContext, builtin_catalog
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.undo_support import undo_notices
from hiplog.ui.exercises.custom_exercise_dialog import CustomExerciseDialog
from hiplog.ui.exercises.exercises_view import ExercisesView
from hiplog.ui.exercises.map_exercise_dialog import MapExerciseDialog

pytestmark = pytest.mark.gui


def _view(qtbot: QtBot, ctx: AppContext, events: DataEvents, stack: QUndoStack) -> ExercisesView:
    view = ExercisesView(ctx, events, stack)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> ExercisesView:
    """The Exercises view, shown."""
    return _view(qtbot, ctx, events, undo_stack)


def _names(view: ExercisesView) -> list[str]:
    """The exercises listed, group by group (the group rows themselves left out)."""
    names = []
    for g in range(view.proxy.rowCount()):
        group = view.proxy.index(g, 0)
        names += [view.proxy.index(r, 0, group).data() for r in range(view.proxy.rowCount(group))]
    return names


def test_every_catalog_exercise_is_listed_with_its_cue(view: ExercisesView) -> None:
    catalog = list(builtin_catalog())
    assert len(catalog) == 24
    assert _names(view) == [ex.name for ex in catalog]
    for ex in catalog:
        view.show_exercise(ex.slug)
        text = view.details.toPlainText()
        assert ex.name in text and ex.cue in text
        for mistake in ex.mistakes:
            assert mistake in text
        assert "Length" in text and "0 sets" in text


def test_ladder_shows_previous_and_next_and_links_work(view: ExercisesView) -> None:
    view.show_exercise("hip-thrust")
    text = view.details.toPlainText()
    assert "Previous variation\nSingle-leg glute bridge" in text
    assert "Next variation\nBarbell hip thrust" in text
    assert 'href="exercise:barbell-hip-thrust"' in view.details.toHtml()
    view._link_clicked(QUrl("exercise:barbell-hip-thrust"))
    assert view.current_slug() == "barbell-hip-thrust"
    assert "heaviest near lockout" in view.details.toPlainText()


def test_search_filters_by_name_and_muscle(view: ExercisesView) -> None:
    view.search.setText("deadlift")
    assert _names(view) == [
        "Romanian deadlift (barbell)",
        "Romanian deadlift (dumbbells)",
        "Conventional deadlift",
    ]
    view.search.setText("adductor")
    assert "Deep squat (barbell)" in _names(view)
    view.search.setText("zzz")
    assert "No exercise matches" in view.details.toPlainText()


def test_create_custom_exercise_and_undo(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack, view: ExercisesView
) -> None:
    with qtbot.waitSignal(events.catalog_changed):
        dialog = view.new_custom()
        dialog.name_edit.setText("Frog pump")
        dialog.muscles_edit.setText("glute max")
        dialog.low_spin.setValue(20)
        dialog.high_spin.setValue(30)
        dialog.accept()
    assert view.current_slug() == "frog-pump"
    assert "Your own hip exercise" in view.details.toPlainText()
    assert ctx.exercise("frog-pump").rep_range == (20, 30)
    undo_stack.undo()
    assert "frog-pump" not in ctx.catalog()
    assert "Frog pump  (custom)" not in _names(view)
    undo_stack.redo()
    assert "frog-pump" in ctx.catalog()


def test_custom_exercise_dialog_refuses_bad_input(
    undo_stack: QUndoStack, view: ExercisesView
) -> None:
    dialog = view.new_custom()
    dialog.accept()
    assert dialog.message.text() == "Name: give the exercise a name"
    dialog.name_edit.setText("Barbell hip thrust")  # a catalog name
    dialog.accept()
    assert "already the exercise 'barbell-hip-thrust'" in dialog.message.text()
    dialog.name_edit.setText("Sled pull")
    dialog.low_spin.setValue(15)
    dialog.high_spin.setValue(10)
    dialog.accept()
    assert "Rep range" in dialog.message.text()
    assert undo_stack.count() == 0 and dialog.isVisible()


def test_edit_custom_exercise(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    exercises.save_custom_exercise(
        ctx,
        Exercise("", "Frog pump", LoadKind.BODYWEIGHT, Length.SHORT, ("glute max",), 3, (20, 30)),
    )
    view = _view(qtbot, ctx, events, undo_stack)
    view.show_exercise("frog-pump")
    dialog = view.edit_custom()
    assert isinstance(dialog, CustomExerciseDialog)
    assert dialog.name_edit.text() == "Frog pump"
    dialog.sets_spin.setValue(4)
    dialog.accept()
    assert ctx.exercise("frog-pump").sets == 4
    assert "4 × 20–30 reps" in view.details.toPlainText()
    undo_stack.undo()
    assert ctx.exercise("frog-pump").sets == 3


def test_map_an_imported_exercise_onto_the_catalog_moves_its_sets(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    custom = exercises.save_custom_exercise(
        ctx,
        Exercise("", "Hip Thrusts BB", LoadKind.EXTERNAL, Length.SHORT, ("glute max",), 3, (8, 12)),
    )
    when = datetime(2026, 11, 2, 18)
    training_log.log_sets(ctx, [SetEntry(custom.slug, 0, 10, 60.0)] * 2, when=when)
    training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 0, 8, 70.0)], when=when)
    view = _view(qtbot, ctx, events, undo_stack)
    view.show_exercise(custom.slug)
    assert "2 sets" in view.details.toPlainText()
    dialog = view.map_custom()
    assert isinstance(dialog, MapExerciseDialog)
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("barbell-hip-thrust"))
    assert (
        "2 logged sets" in dialog.summary.text() and "Barbell hip thrust" in dialog.summary.text()
    )
    assert dialog.confirm_button.text() == "Move 2 sets"
    with qtbot.waitSignal(events.sessions_changed):
        dialog.accept()
    assert custom.slug not in ctx.catalog()
    assert exercises.logged_set_counts(ctx)["barbell-hip-thrust"] == 3
    assert view.current_slug() == "barbell-hip-thrust"
    assert "Moved 2 sets to Barbell hip thrust" in view.message.text()
    undo_stack.undo()
    assert exercises.logged_set_counts(ctx) == {"barbell-hip-thrust": 1, custom.slug: 2}
    undo_stack.redo()
    assert exercises.logged_set_counts(ctx) == {"barbell-hip-thrust": 3}


def test_exercise_list_model_passes_the_model_tester(
    qtmodeltester: object, view: ExercisesView
) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_undo_of_create_keeps_an_exercise_that_has_sets_now(
    qtbot: QtBot, ctx: AppContext, undo_stack: QUndoStack, view: ExercisesView
) -> None:
    dialog = view.new_custom()
    dialog.name_edit.setText("Frog pump")
    dialog.accept()
    training_log.log_sets(ctx, [SetEntry("frog-pump", 0, 25)], when=datetime(2026, 11, 2, 18))
    with qtbot.waitSignal(undo_notices(undo_stack).refused) as refusal:
        undo_stack.undo()
    assert "frog-pump" in ctx.catalog()
    assert undo_stack.count() == 0  # the command that could not be undone is dropped
    why = "Could not undo Create exercise Frog pump: 'Frog pump' has logged sets now, so it stays."
    assert refusal.args == [why]
    assert view.message.text() == why  # the person is told, not left guessing


def test_show_progress_asks_for_the_exercise(
    qtbot: QtBot, events: DataEvents, view: ExercisesView
) -> None:
    view.show_exercise("good-morning")
    with qtbot.waitSignal(events.exercise_requested) as blocker:
        view.progress_button.click()
    assert blocker.args == ["good-morning"]
