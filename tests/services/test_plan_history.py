"""What the suggestion rules are given: the look-back window plus just enough before it."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiplog.domain.models import SetEntry
from hiplog.services import plan as plan_service
from hiplog.services import training_log
from hiplog.services.context import AppContext


def test_history_holds_the_window_and_only_the_last_session_before_it(ctx: AppContext) -> None:
    as_of = datetime(2026, 11, 21, 12, 0)
    old = [as_of - timedelta(days=days) for days in (400, 300, 200)]
    recent = as_of - timedelta(days=3)
    for when in old:
        training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 15)], when)
    training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 1, 10, 60.0)], recent)

    history = plan_service.history_for_plan(ctx, as_of)

    # The recent session, the three last glute-bridge sessions are not needed (not trained in
    # the window), and the one session just before the window for the recovery check.
    assert [s.started_at for s in history] == [old[-1], recent]


def test_the_session_just_before_the_window_is_the_latest_one(ctx: AppContext) -> None:
    as_of = datetime(2026, 11, 21, 12, 0)
    same_time = as_of - timedelta(days=120)
    first = training_log.create_session(ctx, same_time)
    second = training_log.create_session(ctx, same_time)
    assert first.id is not None and second.id is not None and second.id > first.id
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 12)], as_of - timedelta(days=150))

    history = plan_service.history_for_plan(ctx, as_of)

    assert len(history) == 1
    assert history[0].id == second.id
