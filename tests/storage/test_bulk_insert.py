"""Imports write many sessions at once: every set must land in its own session, in order.
The first two tests run on both engines; the index rebuild is SQLite's alone."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from hiplog.domain.models import Session, SetEntry
from hiplog.services.context import AppContext
from hiplog.storage import session_repo


def test_bulk_insert_keeps_every_set_with_its_session(fresh_ctx: AppContext) -> None:
    start = datetime(2020, 1, 6, 18, 0)
    sessions = [
        Session(
            # Pairs of sessions share a start time, and some sessions have no sets at all.
            started_at=start + timedelta(days=i // 2),
            sets=tuple(
                SetEntry("glute-bridge", n, reps=i, load_kg=None if n == 1 else 20.0 + n)
                for n in range(1, i % 4 + 1)
            ),
            notes=f"session {i}",
            bodyweight_kg=70.0 + i % 3,
        )
        for i in range(300)
    ]
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        with ctx.db.transaction() as tx:
            written = session_repo.add_sessions_bulk(tx, sessions)
        with ctx.db.reader() as tx:
            back = list(session_repo.iter_all_sessions(tx))
    finally:
        ctx.close()

    assert written == sum(len(s.sets) for s in sessions)
    assert [s.notes for s in back] == [s.notes for s in sessions]
    for mine, theirs in zip(sessions, back, strict=True):
        assert theirs.started_at == mine.started_at
        assert theirs.bodyweight_kg == mine.bodyweight_kg
        assert [(e.order, e.reps, e.load_kg) for e in theirs.sets] == [
            (e.order, e.reps, e.load_kg) for e in mine.sets
        ]


def test_bulk_insert_of_nothing_writes_nothing(fresh_ctx: AppContext) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        with ctx.db.transaction() as tx:
            assert session_repo.add_sessions_bulk(tx, []) == 0
        with ctx.db.reader() as tx:
            assert session_repo.count_sessions(tx) == 0
    finally:
        ctx.close()


def _schema(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


def _sessions(count: int, reps: int = 5) -> list[Session]:
    start = datetime(2021, 3, 1, 7, 30)
    return [
        Session(
            started_at=start + timedelta(days=i),
            sets=tuple(SetEntry("glute-bridge", n, reps=reps) for n in range(1, 4)),
        )
        for i in range(count)
    ]


def test_a_large_bulk_insert_leaves_the_schema_and_its_indexes_as_they_were(
    tmp_path: Path,
) -> None:
    # A bulk insert that at least doubles the sets table rebuilds its indexes afterwards.
    path = tmp_path / "t.db"
    ctx = AppContext.open_path(path)
    try:
        before = _schema(path)
        with ctx.db.transaction() as tx:
            session_repo.add_sessions_bulk(tx, _sessions(200))
        with ctx.db.transaction() as tx:  # a small one into the now larger table
            session_repo.add_sessions_bulk(tx, _sessions(3))
        with ctx.db.reader() as tx:
            assert session_repo.count_sessions(tx) == 203
    finally:
        ctx.close()
    assert _schema(path) == before
    assert any(name == "ix_sets_session" for name, _ in before)


def test_a_bulk_insert_that_fails_changes_neither_the_data_nor_the_schema(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.db"
    ctx = AppContext.open_path(path)
    try:
        with ctx.db.transaction() as tx:
            session_repo.add_sessions_bulk(tx, _sessions(2))
        before = _schema(path)
        bad = [*_sessions(50), *_sessions(1, reps=-1)]  # refused by the schema's reps check
        with pytest.raises(IntegrityError), ctx.db.transaction() as tx:
            session_repo.add_sessions_bulk(tx, bad)
        with ctx.db.reader() as tx:
            assert session_repo.count_sessions(tx) == 2
    finally:
        ctx.close()
    assert _schema(path) == before
