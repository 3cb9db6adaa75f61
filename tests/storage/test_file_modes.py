"""The database, its log files and every backup are readable by the owner only.

SQLite only: the permissions of the database file and its backups; a server keeps its own files.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.models import SetEntry
from hiplog.services import backups, training_log
from hiplog.services.context import AppContext


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """With umask 0 a file gets exactly the mode hiplog asks for, so the test sees our choice."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_log_files_and_backups_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "hiplog.db"
    ctx = AppContext.open_path(path)
    try:
        training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=12)], datetime(2026, 3, 1))
        assert _mode(path) == 0o600
        for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if companion.exists():
                assert _mode(companion) == 0o600
        assert _mode(path.parent) == 0o700
        made = [
            backups.backup_now(ctx),
            backups.ensure_daily_backup(ctx),
            backups.backup_before_import(ctx),
        ]
        for backup in made:
            assert backup is not None
            assert _mode(backup) == 0o600
        assert _mode(ctx.locations.backups) == 0o700
        restored_from = made[0]
    finally:
        ctx.close()
    backups.restore_file(ctx.locations, restored_from)
    assert _mode(path) == 0o600
    for backup in backups.list_backups(ctx.locations):
        assert _mode(backup.path) == 0o600


def test_an_existing_world_readable_database_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "hiplog.db"
    AppContext.open_path(path).close()
    # Another program keeps the file open in WAL mode, so its -wal and -shm stay beside it.
    other = sqlite3.connect(path)
    try:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("CREATE TABLE IF NOT EXISTS other_notes (x)")
        other.commit()
        companions = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        for file in companions:
            file.chmod(0o644)  # as an older hiplog, a copy or a sync tool left them
        ctx = AppContext.open_path(path)
        try:
            training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=12)], datetime(2026, 3, 1))
        finally:
            ctx.close()
        assert [_mode(file) for file in companions] == [0o600, 0o600, 0o600]
    finally:
        other.close()
