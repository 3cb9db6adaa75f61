"""The Plan while a program is followed: the day, its order, the quiet line, another day today."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.past_sessions import add_past_session

from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.plan.plan_view import PlanView

pytestmark = pytest.mark.gui


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> PlanView:
    view = PlanView(ctx, events, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    return view


def test_without_a_program_the_plan_says_so_and_offers_programs(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 10)] * 3)
    view = make_view(qtbot, ctx, events)
    assert view.program_label.text().startswith("No program")
    assert not view.day_combo.isVisible()
    assert view.programs_button.isVisible()
    with qtbot.waitSignal(view.programs_requested):
        view.programs_button.click()


def test_the_day_in_its_order_with_a_quiet_line_and_another_day_for_today(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    programs.use_program(ctx, "Gym with a barbell", at=datetime.now() - timedelta(days=5))
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 10)] * 3 + [("lunge", None, 10)])
    view = make_view(qtbot, ctx, events)
    assert view.program_label.text() == "<b>Day B</b> of Gym with a barbell; next: Day A"
    # the day's order, not heaviest first: the back extension comes before the squat
    assert [c.suggestion.exercise for c in view.cards] == [
        "horizontal-back-extension",
        "deep-squat",
        "cable-pull-through",
    ]
    assert view.others_label.text() == (
        "Also trained this week, not part of Day B: Barbell hip thrust, Lunge."
    )
    view.day_combo.setCurrentIndex(0)
    view.day_combo.activated.emit(0)
    assert view.plan is not None and view.plan.program is not None
    assert view.plan.program.day == "Day A"
    with qtbot.waitSignal(view.start_requested) as started:
        view.start_button.click()
    assert [s.exercise for s in started.args[0].suggestions][1] == "barbell-hip-thrust"
    run = programs.active_run(ctx)
    assert run is not None and [p.day for p in run.picks] == [0]
    events.programs_changed.emit()  # the pick is made: the view shows the rotation's day again
    assert view.plan is not None and view.plan.program is not None
    assert view.plan.program.day == "Day A"  # the pick reaches the session about to start
