"""Backups of the database, and restoring one."""

from __future__ import annotations

from pathlib import Path

from hiplog.domain.errors import InputError
from hiplog.services.context import AppContext
from hiplog.services.locations import Locations
from hiplog.storage.backup import backup_database, backup_name
from hiplog.storage.inspection import FileState, inspect_database


def backup_now(ctx: AppContext, destination: Path | None = None) -> Path:
    """A verified copy of the open database; by default in the backups folder."""
    target = destination or ctx.locations.backups / backup_name("manual")
    if target.exists():
        raise InputError("a file is already there; choose another name", str(target))
    return backup_database(ctx.db.path, target)


def restore_file(locations: Locations, source: Path) -> Path | None:
    """Replace the database with `source` after checking it and backing up the current file.

    Returns where the previous database was saved (None when there was none).
    """
    inspection = inspect_database(source, full_check=True)
    if inspection.state in (FileState.MISSING, FileState.EMPTY):
        raise InputError("there is no backup there (the file is missing or empty)", str(source))
    if inspection.state not in (FileState.CURRENT, FileState.OLDER):
        reason = {
            FileState.NEWER: "it was written by a newer hiplog",
            FileState.FOREIGN: "it is not a hiplog database",
        }.get(inspection.state, f"it is damaged ({inspection.detail})")
        raise InputError(f"cannot restore this file: {reason}", str(source))
    saved: Path | None = None
    current = locations.database
    if current.exists() and current.stat().st_size > 0:
        saved = backup_database(current, locations.backups / backup_name("pre-restore"))
    staged = current.with_name(current.name + ".restoring")
    backup_database(source, staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{current}{suffix}").unlink(missing_ok=True)
    staged.replace(current)
    return saved
