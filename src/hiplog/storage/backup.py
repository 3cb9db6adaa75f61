"""Copies of the database made with SQLite's online backup API, each checked after writing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from hiplog.domain.errors import DatabaseError


def _check(path: Path) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise DatabaseError(f"the backup {path} failed its integrity check: {result}")


def backup_database(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` (0600), verify it, and return the destination.

    The copy is written to a temporary name first and renamed into place only once it passed
    integrity_check, so a failed backup never leaves a half-written file under the final name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _check(partial)
        partial.replace(destination)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise DatabaseError(f"could not back up {source} to {destination}: {exc}") from exc
    except DatabaseError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return destination


def backup_name(kind: str, now: datetime | None = None) -> str:
    """A file name such as ``hiplog-daily-2026-11-21T071500.db``."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    return f"hiplog-{kind}-{stamp}.db"
