"""A full disk or a read-only folder while saving: a clear error, nothing half-written, and
the same save works once the problem is gone.

SQLite only: a full disk or read-only folder under the file; a lost server: tests/ui/log.

CI runs as root, where file modes do not stop writes, so the failures are injected into the
statements the database runs.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import SetEntry
from hiplog.services import import_export, training_log
from hiplog.services.context import AppContext

SETS = [
    SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=80.0),
    SetEntry("barbell-hip-thrust", 1, reps=9, load_kg=80.0),
    SetEntry("romanian-deadlift", 1, reps=8, load_kg=70.0),
]


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_path(tmp_path / "hiplog.db")
    training_log.log_sets(context, SETS[:1], datetime(2026, 1, 1, 18, 0))
    yield context
    context.close()


def _export(ctx: AppContext, path: Path) -> str:
    import_export.export_csv(ctx, path, replace=True)
    return path.read_text("utf-8")


class _Failure:
    """Raises `error` on the first statement matching `when` (or on COMMIT) while armed."""

    def __init__(self, ctx: AppContext, error: BaseException, when: str) -> None:
        self.error = error
        self.when = when
        self.armed = True
        self.engine = ctx.db.engine
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "commit", self._commit)

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.armed and self.when != "COMMIT" and statement.lstrip().startswith(self.when):
            raise self.error

    def _commit(self, _conn: Any) -> None:
        if self.armed and self.when == "COMMIT":
            raise self.error

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)


FAILURES = {
    "disk full (SQLite)": (sqlite3.OperationalError("database or disk is full"), "full"),
    "disk full (OS)": (OSError(errno.ENOSPC, "No space left on device"), "full"),
    "read-only folder": (
        sqlite3.OperationalError("attempt to write a readonly database"),
        "read-only",
    ),
    "read-only file system": (OSError(errno.EROFS, "Read-only file system"), "read-only"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize("when", ["INSERT INTO sets", "INSERT INTO sessions", "COMMIT"])
def test_a_failed_save_changes_nothing_says_why_and_can_be_retried(
    ctx: AppContext, tmp_path: Path, failure: str, when: str
) -> None:
    error, words = FAILURES[failure]
    before = _export(ctx, tmp_path / "before.csv")
    injected = _Failure(ctx, error, when)
    try:
        with pytest.raises(DatabaseError) as info:
            training_log.log_sets(ctx, SETS, datetime(2026, 1, 8, 18, 0))
        message = str(info.value)
        assert words in message
        assert "try again" in message
        assert str(ctx.db.path) in message
        assert _export(ctx, tmp_path / "after.csv") == before  # nothing partial was written
    finally:
        injected.remove()

    session = training_log.log_sets(ctx, SETS, datetime(2026, 1, 8, 18, 0))  # the retry

    stored = training_log.get_session(ctx, session.id or 0)
    assert stored is not None
    assert [(s.exercise, s.reps, s.load_kg) for s in stored.sets] == [
        (s.exercise, s.reps, s.load_kg) for s in SETS
    ]
    rows = _export(ctx, tmp_path / "retried.csv").splitlines()
    assert len(rows) == len(before.splitlines()) + len(SETS)


def test_a_failed_edit_keeps_the_old_values(ctx: AppContext, tmp_path: Path) -> None:
    first = training_log.get_session(ctx, 1)
    assert first is not None
    entry = first.sets[0]
    injected = _Failure(ctx, OSError(errno.ENOSPC, "No space left on device"), "UPDATE")
    try:
        with pytest.raises(DatabaseError):
            training_log.update_set(ctx, entry.__class__(**{**entry.__dict__, "reps": 3}))
    finally:
        injected.remove()
    again = training_log.get_session(ctx, 1)
    assert again is not None and again.sets[0].reps == entry.reps
