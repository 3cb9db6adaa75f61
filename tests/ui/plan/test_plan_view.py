"""The Plan view: cards in session order, timing and warnings in words, the empty state."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.past_sessions import add_past_session

from hiplog.domain.plan import Plan
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.timing import NextSession
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.plan.plan_view import PlanView, timing_lines

pytestmark = pytest.mark.gui


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> PlanView:
    view = PlanView(ctx, events, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    return view


def test_warm_up_first_then_heavy_compound_lifts_then_bodyweight_work(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    sets: list[tuple[str, float | None, int]] = [("glute-bridge", None, 15)] * 3
    sets += [("bird-dog", None, 8)] * 2
    sets += [("kettlebell-swing", 16.0, 15)] * 3
    sets += [("barbell-hip-thrust", 60.0, 10)] * 3 + [("romanian-deadlift", 70.0, 9)] * 3
    add_past_session(ctx, 3, sets)
    view = make_view(qtbot, ctx, events)
    order = [c.suggestion.exercise for c in view.cards]
    assert order == [
        "bird-dog",
        "barbell-hip-thrust",
        "romanian-deadlift",
        "kettlebell-swing",
        "glute-bridge",
    ]
    thrust = view.cards[1]
    assert thrust.prescription.text() == "3 x 11 at 60 kg"
    # The Start button hands over the plan in this same order.
    with qtbot.waitSignal(view.start_requested) as signal:
        view.start_button.click()
    plan = signal.args[0]
    assert isinstance(plan, Plan)
    assert [s.exercise for s in plan.suggestions] == order


def test_timing_and_warnings_are_in_plain_words(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    add_past_session(ctx, 1, [("barbell-hip-thrust", 60.0, 10)] * 3)
    view = make_view(qtbot, ctx, events)
    text = view.timing_label.text()
    assert "Next session: from" in text
    assert "1 session in the last 7 days (the target is 2 to 3 a week)" in text
    assert "recovering" in text.lower()
    assert view.warnings_label.isVisible()
    assert "Worth knowing" in view.warnings_label.text()
    assert "low-volume" not in view.warnings_label.text()  # messages, not codes


def test_timing_lines_for_each_status() -> None:
    now = datetime(2026, 11, 21, 12, 0)
    plan = Plan(
        as_of=now,
        next_session=NextSession(
            earliest=now - timedelta(hours=5), sessions_last_7_days=3, status="ahead"
        ),
        suggestions=(),
        warnings=(),
    )
    lines = timing_lines(plan, now)
    assert lines[0].startswith("Next session: any time now")
    assert "3 sessions" in lines[1]
    assert "rest day" in lines[2]


def test_timing_lines_say_the_recovery_time_and_weekly_target_of_the_settings() -> None:
    now = datetime(2026, 11, 21, 12, 0)
    settings = replace(ProgressionSettings(), recovery_hours=72.0, sessions_per_week=(3, 4))

    def lines_for(status: str) -> list[str]:
        timing = NextSession(
            earliest=now + timedelta(hours=5), sessions_last_7_days=2, status=status
        )
        plan = Plan(as_of=now, next_session=timing, suggestions=(), warnings=())
        return timing_lines(plan, now, settings)

    assert "(the target is 3 to 4 a week)" in lines_for("behind")[1]
    assert lines_for("recover")[2] == (
        "Still recovering: your hips get 72 hours between hard sessions."
    )
    assert lines_for("ahead")[2].startswith("Four or more sessions in the last 7 days")
    assert lines_for("behind")[2].startswith("Fewer than 3 sessions in the last 7 days")


def test_without_history_it_explains_what_to_do_first(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    view = make_view(qtbot, ctx, events)
    assert view.cards == []
    assert view.empty.isVisible()
    assert not view.start_button.isEnabled()
    assert "Open the Log" in view.empty_label.text()
    # Logging a session elsewhere updates the plan.
    add_past_session(ctx, 2, [("glute-bridge", None, 15)] * 3)
    events.sessions_changed.emit()
    assert [c.suggestion.exercise for c in view.cards] == ["glute-bridge"]
    assert view.start_button.isEnabled()


def test_barbell_cards_show_the_plates_per_side(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    sets: list[tuple[str, float | None, int]] = [("barbell-hip-thrust", 60.0, 10)] * 3
    sets += [("romanian-deadlift", 70.0, 9)] * 3 + [("kettlebell-swing", 16.0, 15)] * 3
    add_past_session(ctx, 3, sets)
    view = make_view(qtbot, ctx, events)
    plates = {c.suggestion.exercise: c.plates for c in view.cards}
    # a hip thrust starts with a full-size bumper on each side
    assert plates["barbell-hip-thrust"].text() == "Plates: 60 kg: 20 kg bar + 20 per side"
    assert plates["romanian-deadlift"].text() == "Plates: 70 kg: 20 kg bar + 25 per side"
    assert plates["romanian-deadlift"].isVisible()
    assert not plates["kettlebell-swing"].isVisible()
