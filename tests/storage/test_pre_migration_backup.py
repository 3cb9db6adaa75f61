"""No migration runs without a checked copy of the file as it was, and those copies stay.

SQLite only: the file's copy before migrating; a server migrates in one transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import SetEntry
from hiplog.services import backups, training_log
from hiplog.services.context import AppContext
from hiplog.storage import backup as storage_backup
from hiplog.storage import database
from hiplog.storage.inspection import FileState, Inspection, inspect_database


def _pretend_older(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next open see the file as an earlier schema, so it backs up and migrates."""
    seen: list[int] = []

    def older_once(path: Path, **kwargs: bool) -> Inspection:
        real = inspect_database(path, **kwargs)
        if not seen and real.state is FileState.CURRENT:
            seen.append(1)
            return Inspection(FileState.OLDER, revision="0000")
        return real

    monkeypatch.setattr(database, "inspect_database", older_once)


def test_a_migration_is_preceded_by_a_checked_backup_that_rotation_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hiplog.db"
    ctx = AppContext.open_path(path)
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=12)], datetime(2026, 1, 1))
    ctx.close()
    _pretend_older(monkeypatch)

    ctx = AppContext.open_path(path)
    ctx.close()

    (made,) = backups.list_backups(ctx.locations)
    assert made.kind == "pre-migration-0000"
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT COUNT(*) FROM sets").fetchone() == (1,)
    for day in range(1, 15):
        reopened = AppContext.open_path(path)
        backups.ensure_daily_backup(reopened, datetime(2026, 2, day))
        reopened.close()
    assert made.path in [b.path for b in backups.list_backups(ctx.locations)]


def test_no_migration_without_the_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hiplog.db"
    AppContext.open_path(path).close()
    _pretend_older(monkeypatch)

    def fail(source: Path, destination: Path) -> Path:
        raise DatabaseError(f"could not back up {source}: disk full", path=str(source))

    monkeypatch.setattr(database, "backup_database", fail)
    migrations: list[object] = []
    monkeypatch.setattr(database, "upgrade_to_head", migrations.append)
    with pytest.raises(DatabaseError):
        AppContext.open_path(path)
    assert migrations == []
    assert storage_backup.list_backups(tmp_path / "backups") == []
