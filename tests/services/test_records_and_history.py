"""Records of the sets being logged, the last session of an exercise, an ongoing session."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiplog.domain.models import Session, SetEntry
from hiplog.domain.records import RecordKind
from hiplog.services import exercise_history, records, training_log
from hiplog.services.context import AppContext

NOW = datetime(2026, 11, 21, 18, 0)


def log(ctx: AppContext, when: datetime, *sets: tuple[float, int]) -> Session:
    entries = tuple(
        SetEntry(exercise="barbell-hip-thrust", order=i, reps=reps, load_kg=load)
        for i, (load, reps) in enumerate(sets, start=1)
    )
    return training_log.restore_session(ctx, Session(started_at=when, sets=entries))


def test_session_records_compare_with_earlier_sessions_only(ctx: AppContext) -> None:
    log(ctx, NOW - timedelta(days=7), (60.0, 10))
    log(ctx, NOW + timedelta(days=7), (100.0, 12))  # a later session does not count
    today = [
        SetEntry(exercise="barbell-hip-thrust", order=1, reps=10, load_kg=62.5),
        SetEntry(exercise="barbell-hip-thrust", order=2, reps=9, load_kg=62.5),
    ]
    found = records.session_records(ctx, "barbell-hip-thrust", today, NOW)
    assert found[0] == (RecordKind.HEAVIEST_FOR_REPS, RecordKind.BEST_E1RM)
    assert found[1] == ()


def test_last_session_skips_the_session_being_logged(ctx: AppContext) -> None:
    older = log(ctx, NOW - timedelta(days=3), (60.0, 10))
    current = log(ctx, NOW, (62.5, 8))
    last = exercise_history.last_session(
        ctx, "barbell-hip-thrust", NOW + timedelta(minutes=30), current.id
    )
    assert last is not None and last.id == older.id
    assert exercise_history.last_session(ctx, "glute-bridge", NOW) is None


def test_ongoing_session_is_one_started_in_the_last_three_hours(ctx: AppContext) -> None:
    log(ctx, NOW - timedelta(days=1), (60.0, 10))
    assert exercise_history.ongoing_session(ctx, NOW) is None
    started = log(ctx, NOW - timedelta(hours=1), (60.0, 10))
    found = exercise_history.ongoing_session(ctx, NOW)
    assert found is not None and found.id == started.id
    assert exercise_history.ongoing_session(ctx, NOW + timedelta(hours=3)) is None
