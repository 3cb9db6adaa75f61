"""A database that was there and is gone is not a first start: no new empty file is made where
backups (or a half-done restore) say one was expected.

SQLite only: a missing file beside its backups; a server that is gone is unreachable (tests/ui).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.storage.database import UnusableDatabaseError


def _with_backup(tmp_path: Path) -> AppContext:
    ctx = AppContext.open_path(tmp_path / "hiplog.db")
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=12)], datetime(2026, 1, 5, 18))
    return ctx


def test_a_missing_database_beside_its_backups_is_refused_not_created(tmp_path: Path) -> None:
    from hiplog.services import backups

    ctx = _with_backup(tmp_path)
    backups.backup_now(ctx)
    ctx.close()
    (tmp_path / "hiplog.db").unlink()
    with pytest.raises(UnusableDatabaseError, match="backups") as caught:
        AppContext.open_path(tmp_path / "hiplog.db")
    assert "is missing" in str(caught.value) and "left unchanged" in str(caught.value)
    assert not (tmp_path / "hiplog.db").exists()


def test_a_half_done_restore_is_refused_not_started_anew(tmp_path: Path) -> None:
    (tmp_path / "hiplog.db.restoring").write_bytes(b"staged")
    with pytest.raises(UnusableDatabaseError, match="restore stopped half-way"):
        AppContext.open_path(tmp_path / "hiplog.db")
    assert not (tmp_path / "hiplog.db").exists()


def test_a_first_start_still_creates_the_database(tmp_path: Path) -> None:
    AppContext.open_path(tmp_path / "new" / "hiplog.db").close()
    assert (tmp_path / "new" / "hiplog.db").is_file()


def test_a_new_database_beside_another_databases_backups_is_a_first_start(
    tmp_path: Path,
) -> None:
    from hiplog.services import backups

    ctx = _with_backup(tmp_path)
    backups.backup_now(ctx)
    ctx.close()
    AppContext.open_path(tmp_path / "second.db").close()
    assert (tmp_path / "second.db").is_file()


def test_backups_from_before_the_note_still_stop_a_new_empty_file(tmp_path: Path) -> None:
    from hiplog.services import backups

    ctx = _with_backup(tmp_path)
    backups.backup_now(ctx)
    ctx.close()
    (tmp_path / "backups" / ".sources").unlink()
    (tmp_path / "hiplog.db").unlink()
    with pytest.raises(UnusableDatabaseError, match="backups"):
        AppContext.open_path(tmp_path / "hiplog.db")
