"""The schema itself refuses what no person can log, whatever the caller forgot to check."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.exc import IntegrityError

from hiplog.domain.models import Session, SetEntry
from hiplog.services.context import AppContext
from hiplog.storage import session_repo
from hiplog.storage.orm import ExerciseRow


@pytest.fixture
def ctx(fresh_ctx: AppContext) -> AppContext:
    """A new database, on SQLite and on PostgreSQL: both enforce the same constraints."""
    return fresh_ctx


@pytest.mark.parametrize(
    "entry",
    [
        SetEntry("glute-bridge", 1, reps=-1),
        SetEntry("glute-bridge", 1, reps=10, load_kg=-5.0),
        SetEntry("glute-bridge", 1, reps=10, rir=11),
        SetEntry("glute-bridge", 1, reps=10, side="X"),
        SetEntry("glute-bridge", 0, reps=10),
    ],
)
def test_impossible_sets_are_refused_by_the_schema(ctx: AppContext, entry: SetEntry) -> None:
    with pytest.raises(IntegrityError), ctx.db.transaction() as tx:
        session_repo.add_session(tx, Session(datetime(2026, 1, 1), (entry,)))
    with ctx.db.reader() as tx:
        assert session_repo.count_sessions(tx) == 0


def test_an_exercise_with_logged_sets_cannot_be_deleted(ctx: AppContext) -> None:
    with ctx.db.transaction() as tx:
        session_repo.add_session(tx, Session(datetime(2026, 1, 1), (SetEntry("lunge", 1, 8),)))
    with pytest.raises(IntegrityError), ctx.db.transaction() as tx:
        row = tx.query(ExerciseRow).filter_by(slug="lunge").one()
        tx.delete(row)
        tx.flush()


def test_deleting_a_session_deletes_its_sets(ctx: AppContext) -> None:
    with ctx.db.transaction() as tx:
        saved = session_repo.add_session(
            tx, Session(datetime(2026, 1, 1), (SetEntry("lunge", 1, 8), SetEntry("lunge", 2, 8)))
        )
    assert saved.id is not None
    with ctx.db.transaction() as tx:
        session_repo.delete_session(tx, saved.id)
    with ctx.db.reader() as tx:
        assert session_repo.session_totals(tx, [saved.id]) == []
