"""The history list: newest first, volumes from aggregates, filter, positions and days."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hiplog.domain.models import SetEntry
from hiplog.services import history, settings_store, training_log
from hiplog.services.context import AppContext


def _log(ctx: AppContext, when: datetime, *sets: SetEntry, bodyweight: float | None = None) -> int:
    session = training_log.create_session(ctx, when, bodyweight_kg=bodyweight)
    assert session.id is not None
    for entry in sets:
        training_log.add_set(ctx, session.id, entry)
    return session.id


def test_sessions_are_listed_newest_first_with_volume(ctx: AppContext) -> None:
    _log(ctx, datetime(2026, 11, 2, 18), SetEntry("barbell-hip-thrust", 1, 10, 60.0))
    _log(
        ctx,
        datetime(2026, 11, 9, 18),
        SetEntry("barbell-hip-thrust", 1, 5, 20.0, warmup=True),
        SetEntry("barbell-hip-thrust", 2, 12, 60.0),
        SetEntry("barbell-hip-thrust", 3, 10, 60.0),
        SetEntry("dumbbell-romanian-deadlift", 1, 10, 20.0),
    )
    rows = history.history_page(ctx)
    assert [r.started_at.day for r in rows] == [9, 2]
    newest = rows[0]
    assert newest.exercises == ("Barbell hip thrust", "Romanian deadlift (dumbbells)")
    assert newest.sets == 4 and newest.working_sets == 3
    # warm-up left out; a pair of dumbbells counts twice
    assert newest.volume_kg == pytest.approx(22 * 60 + 10 * 20 * 2)
    assert rows[1].volume_kg == pytest.approx(600)


def test_bodyweight_share_uses_the_session_bodyweight_else_the_setting_else_the_latest(
    ctx: AppContext,
) -> None:
    assert history.history_page(ctx) == []
    _log(ctx, datetime(2026, 11, 5, 18), SetEntry("step-up", 1, 10))
    assert history.history_page(ctx)[0].volume_kg == 0  # no bodyweight known yet
    _log(ctx, datetime(2026, 11, 2, 18), SetEntry("step-up", 1, 10), bodyweight=80.0)
    rows = history.history_page(ctx)
    assert rows[1].volume_kg == pytest.approx(800)
    assert rows[0].volume_kg == pytest.approx(800)  # the latest bodyweight known: 80 kg
    settings_store.save(ctx, settings_store.load(ctx).__class__(bodyweight_kg=70.0))
    assert history.history_page(ctx)[0].volume_kg == pytest.approx(700)  # typed in Settings


def test_filter_paging_position_and_days(ctx: AppContext) -> None:
    ids = [
        _log(ctx, datetime(2026, 10, day, 18), SetEntry(slug, 1, 10, 40.0))
        for day, slug in [(1, "good-morning"), (3, "barbell-hip-thrust"), (6, "good-morning")]
    ]
    only = history.history_page(ctx, exercise="good-morning")
    assert [r.session_id for r in only] == [ids[2], ids[0]]
    assert history.session_count(ctx) == 3
    assert history.session_count(ctx, "good-morning") == 2
    assert [r.session_id for r in history.history_page(ctx, offset=1, limit=1)] == [ids[1]]
    assert history.position_of(ctx, ids[0]) == 2
    assert history.position_of(ctx, ids[0], "good-morning") == 1
    days = history.training_days(ctx, date(2026, 10, 1), date(2026, 10, 31))
    assert days == {
        date(2026, 10, 1): [ids[0]],
        date(2026, 10, 3): [ids[1]],
        date(2026, 10, 6): [ids[2]],
    }


def test_a_session_without_sets_is_listed_and_does_not_end_the_paging(ctx: AppContext) -> None:
    full = [
        _log(ctx, datetime(2026, 10, d, 18), SetEntry("good-morning", 1, 10, 40.0)) for d in (1, 3)
    ]
    empty = training_log.create_session(ctx, datetime(2026, 10, 2, 18)).id
    first = history.history_page(ctx, limit=2)
    assert [r.session_id for r in first] == [full[1], empty]
    assert first[1].exercises == () and first[1].sets == 0
    assert [r.session_id for r in history.history_page(ctx, offset=2, limit=2)] == [full[0]]
