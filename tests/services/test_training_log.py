"""Logging sets: whole sessions, numbering, joining the session in progress."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from hiplog.domain.errors import DatabaseError, InputError
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.storage import session_repo


def test_sets_logged_at_the_same_time_join_one_session_and_keep_counting(ctx: AppContext) -> None:
    when = datetime(2026, 11, 20, 18, 0)
    training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 1, 12, 60.0)] * 2, when)
    session = training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 1, 10, 60.0)], when)
    assert [s.order for s in session.sets] == [1, 2, 3]
    with ctx.db.reader() as tx:
        assert session_repo.count_sessions(tx) == 1


def test_without_a_date_sets_join_a_session_started_in_the_last_three_hours(
    ctx: AppContext,
) -> None:
    started = datetime.now().replace(microsecond=0) - timedelta(hours=1)
    training_log.create_session(ctx, started)
    session = training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 15)])
    assert session.started_at == started


def test_one_bad_set_means_none_are_written(ctx: AppContext) -> None:
    with pytest.raises(InputError, match="set 2"):
        training_log.log_sets(
            ctx,
            [SetEntry("glute-bridge", 1, 15), SetEntry("glute-bridge", 1, 15, rir=12)],
            datetime(2026, 1, 1),
        )
    with ctx.db.reader() as tx:
        assert session_repo.count_sessions(tx) == 0


def test_deleted_session_comes_back_whole(ctx: AppContext) -> None:
    saved = training_log.log_sets(
        ctx,
        [SetEntry("lunge", 1, 8, side="L"), SetEntry("lunge", 1, 7, side="R")],
        datetime(2026, 3, 3, 7, 0),
    )
    assert saved.id is not None
    removed = training_log.delete_session(ctx, saved.id)
    back = training_log.restore_session(ctx, removed)
    assert back.started_at == saved.started_at
    assert [(s.reps, s.side) for s in back.sets] == [(8, "L"), (7, "R")]


def test_editing_a_set_fixes_a_typo(ctx: AppContext) -> None:
    saved = training_log.log_sets(
        ctx, [SetEntry("barbell-hip-thrust", 1, 12, 600.0)], datetime(2026, 3, 3, 7, 0)
    )
    from dataclasses import replace

    training_log.update_set(ctx, replace(saved.sets[0], load_kg=60.0))
    assert saved.id is not None
    fixed = training_log.get_session(ctx, saved.id)
    assert fixed is not None and fixed.sets[0].load_kg == 60.0


def _session_count(ctx: AppContext) -> int:
    with ctx.db.reader() as tx:
        return session_repo.count_sessions(tx)


def test_the_first_set_creates_its_session_and_a_refused_one_leaves_none(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hiplog.domain.models import Session

    details = Session(started_at=datetime(2026, 11, 20, 18, 0), bodyweight_kg=70.0, notes="ok")
    with pytest.raises(InputError, match="set 1"):
        training_log.add_set_creating_session(ctx, details, SetEntry("glute-bridge", 1, 15, rir=12))

    def disk_full(*args: object) -> SetEntry:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(session_repo, "add_set", disk_full)
        with pytest.raises(DatabaseError, match="disk is full"):
            training_log.add_set_creating_session(ctx, details, SetEntry("glute-bridge", 1, 15))
    assert _session_count(ctx) == 0  # the session row went back with the set

    session_id, first = training_log.add_set_creating_session(
        ctx, details, SetEntry("glute-bridge", 1, 15)
    )
    saved = training_log.get_session(ctx, session_id)
    assert saved is not None and (saved.bodyweight_kg, saved.notes) == (70.0, "ok")
    with_id = Session(started_at=details.started_at, id=session_id)
    same_id, second = training_log.add_set_creating_session(
        ctx, with_id, SetEntry("glute-bridge", 2, 12)
    )
    assert same_id == session_id and _session_count(ctx) == 1
    assert first.id is not None and second.id is not None

    assert training_log.delete_set_and_empty_session(ctx, second.id, session_id) is False
    assert training_log.delete_set_and_empty_session(ctx, first.id, session_id) is True
    assert _session_count(ctx) == 0


def test_a_nul_character_in_a_note_or_band_is_refused_on_both_engines(ctx: AppContext) -> None:
    # PostgreSQL's text cannot hold U+0000; an edit that held one failed there with a DataError.
    saved = training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 12)], datetime(2026, 1, 5))
    for field in ("notes", "band"):
        with pytest.raises(InputError, match="NUL"):
            training_log.log_sets(ctx, [SetEntry("glute-bridge", 2, 12, **{field: "a\x00b"})])
    (entry,) = saved.sets
    with pytest.raises(InputError, match="NUL"):
        training_log.update_set(ctx, SetEntry(**{**entry.__dict__, "notes": "\x00"}))
    stored = training_log.get_session(ctx, saved.id or 0)
    assert stored is not None and [(s.notes, s.band) for s in stored.sets] == [("", None)]
