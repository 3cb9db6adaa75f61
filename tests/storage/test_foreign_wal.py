"""A write-ahead log left beside the database by another database is never applied.

SQLite only: SQLite's write-ahead log file beside the database; a server has no such file.

A log that belongs to the file (left by a writer that was killed) is, so nothing confirmed is
lost.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import SetEntry
from hiplog.services import charts, training_log
from hiplog.services.context import AppContext
from hiplog.storage.inspection import FileState, inspect_database


def _log(path: Path, slug: str, day: int) -> None:
    ctx = AppContext.open_path(path)
    try:
        entry = SetEntry(slug, 1, reps=10, load_kg=60.0)
        training_log.log_sets(ctx, [entry], datetime(2026, 1, day, 18, 0))
    finally:
        ctx.close()


@pytest.fixture
def held_open(tmp_path: Path) -> Iterator[Path]:
    """A database (other.db) with its write-ahead log still present: a reader keeps it open."""
    other = tmp_path / "other.db"
    _log(other, "romanian-deadlift", 1)
    reader = sqlite3.connect(other)
    reader.execute("SELECT count(*) FROM sets").fetchall()
    for day in range(2, 6):
        _log(other, "romanian-deadlift", day)
    assert Path(f"{other}-wal").stat().st_size > 0
    yield other
    reader.close()


def test_a_log_from_another_database_is_refused_and_nothing_is_touched(
    tmp_path: Path, held_open: Path
) -> None:
    mine = tmp_path / "hiplog.db"
    for day in range(1, 4):
        _log(mine, "barbell-hip-thrust", day)
    shutil.copy(f"{held_open}-wal", f"{mine}-wal")
    before = mine.read_bytes(), Path(f"{mine}-wal").read_bytes()

    inspection = inspect_database(mine)
    assert inspection.state is FileState.DAMAGED
    assert "belongs to another database" in inspection.detail
    with pytest.raises(DatabaseError, match="another database"):
        AppContext.open_path(mine)
    assert (mine.read_bytes(), Path(f"{mine}-wal").read_bytes()) == before

    # Without the stray log, every set of the file is still there.
    Path(f"{mine}-wal").unlink()
    Path(f"{mine}-shm").unlink(missing_ok=True)
    ctx = AppContext.open_path(mine)
    try:
        assert len(charts.stats(ctx, "barbell-hip-thrust")) == 3
    finally:
        ctx.close()


def test_the_files_own_log_left_by_a_killed_writer_is_applied(
    tmp_path: Path, held_open: Path
) -> None:
    # A copy of the file taken with its log, as a killed writer leaves them.
    crashed = tmp_path / "crashed.db"
    shutil.copy(held_open, crashed)
    shutil.copy(f"{held_open}-wal", f"{crashed}-wal")
    assert inspect_database(crashed).state is FileState.CURRENT
    ctx = AppContext.open_path(crashed)
    try:
        assert len(charts.stats(ctx, "romanian-deadlift")) == 5
    finally:
        ctx.close()
