"""Issue 12 as a person meets it: a full-body Strong export goes in; the Weekly tab and the Plan
show hip work only; moving an exercise from other training to hip work, in the import preview
and later in the Exercises view, changes the Plan at once, and Ctrl+Z undoes the later move."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import press, show_for_typing

from hiplog.domain.import_review import Group
from hiplog.domain.models import Role
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.exercises.exercises_view import ExercisesView
from hiplog.ui.files.import_dialog import ImportDialog
from hiplog.ui.files.import_review_panel import ImportReviewPanel
from hiplog.ui.plan.plan_view import PlanView
from hiplog.ui.progress.progress_view import WEEKLY_TAB, ProgressView

pytestmark = pytest.mark.gui

HEADER = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,Distance,"
    "Distance Unit,Seconds,Notes,Workout Notes\n"
)


def _full_body_file(folder: Path) -> Path:
    """Two recent sessions: legs and push (hip thrusts, bench, a sled drag hiplog cannot tell)
    two days ago, and an upper-body day (bench and pulldowns) four days ago."""
    now = datetime.now()
    legs = (now - timedelta(days=2)).replace(hour=18, minute=0, second=0, microsecond=0)
    upper = legs - timedelta(days=2)
    rows = [(upper, "Bench Press (Barbell)", 80, 8), (upper, "Lat Pulldown (Cable)", 50, 10)] * 3
    rows += [(legs, "Hip Thrust (Barbell)", 60, 10), (legs, "Bench Press (Barbell)", 80, 8)] * 3
    rows += [(legs, "Sled Drag", 100, 1)] * 2
    lines = [
        f"{when:%Y-%m-%d %H:%M:%S},Day,{name},{i % 3 + 1},{kg},kg,{reps},,,,,"
        for i, (when, name, kg, reps) in enumerate(rows)
    ]
    path = folder / "strong.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plan(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> PlanView:
    view = PlanView(ctx, events, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    return view


def _cards(view: PlanView) -> list[str]:
    return [card.suggestion.exercise for card in view.cards]


def _import(qtbot: QtBot, ctx: AppContext, events: DataEvents, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, events)
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    return dialog


def _group_of(panel: ImportReviewPanel, name: str) -> str:
    for top in range(panel.model.rowCount()):
        group = panel.model.item(top)
        for row in range(group.rowCount()):
            if group.child(row).text().startswith(name):
                return group.text()
    raise AssertionError(f"{name} is not in the review")


def test_moving_other_training_to_hip_work_in_the_import_preview(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    dialog = _import(qtbot, ctx, events, _full_body_file(tmp_path))
    review = dialog.review
    assert _group_of(review, "Barbell hip thrust").startswith("Catalog exercises")
    assert _group_of(review, "Bench Press (Barbell)").startswith("Other training")
    assert _group_of(review, "Sled Drag").startswith("Not sure")
    assert review.select("sled-drag")
    review.hip_button.click()
    assert _group_of(review, "Sled Drag").startswith("Your own hip exercises")
    dialog.run_import()
    assert dialog.summary is not None and dialog.summary.sets_imported == 14

    plan = _plan(qtbot, ctx, events)
    assert sorted(_cards(plan)) == ["barbell-hip-thrust", "sled-drag"]
    assert plan.plan is not None and plan.plan.next_session.sessions_last_7_days == 1

    progress = ProgressView(ctx, events, QUndoStack())
    qtbot.addWidget(progress)
    progress.show()
    progress.mode.setCurrentIndex(WEEKLY_TAB)
    weekly = progress.weekly_charts
    assert sum(weekly.sessions_item.yData) == 1  # the upper-body day is no hip session
    glutes = weekly.muscle_items["glute max"].yData
    assert sum(glutes) == 3 + 2  # hip thrusts and the sled drag; no bench press, no pulldown


def test_moving_other_training_to_hip_work_in_the_exercises_view_and_undoing_it(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    dialog = _import(qtbot, ctx, events, _full_body_file(tmp_path))
    dialog.run_import()
    assert ctx.exercise("sled-drag").role is Role.OTHER
    plan = _plan(qtbot, ctx, events)
    assert _cards(plan) == ["barbell-hip-thrust"]

    stack = QUndoStack()
    view = ExercisesView(ctx, events, stack)
    qtbot.addWidget(view)
    undo = stack.createUndoAction(view)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    view.addAction(undo)
    show_for_typing(qtbot, view, 1000, 700)
    other_group = view.proxy.index(1, 0)
    assert other_group.data().startswith("Other training")
    assert not view.list.isExpanded(other_group)  # shown apart, collapsed
    assert view.select("sled-drag")
    assert view.role_button.text() == "Move to hip work"
    view.role_button.click()
    assert ctx.exercise("sled-drag").role is Role.HIP
    assert sorted(_cards(plan)) == ["barbell-hip-thrust", "sled-drag"]  # at once

    view.list.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.exercise("sled-drag").role is Role.OTHER
    assert _cards(plan) == ["barbell-hip-thrust"]


def test_the_review_lists_groups_with_set_counts(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    dialog = _import(qtbot, ctx, events, _full_body_file(tmp_path))
    review = dialog.review
    titles = [review.model.item(i).text() for i in range(review.model.rowCount())]
    sets = [review.model.item(i, 1).text() for i in range(review.model.rowCount())]
    assert titles == [
        "Catalog exercises: 1",
        "Other training: 2",
        "Not sure (other training unless you move them): 1",
    ]
    assert sets == ["3", "9", "2"]
    assert Group.UNSURE.value == "unsure"
