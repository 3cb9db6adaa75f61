"""The SQLAlchemy engine for a hiplog database file, with its pragmas on every connection."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

# 'HPLG': marks a SQLite file as hiplog's, so another program's database is recognised as foreign.
APPLICATION_ID = 0x48504C47
BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed transaction survives a crash of the app and of the machine.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only (0600), its folder 0700, if missing."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)


def make_engine(path: Path) -> Engine:
    """An engine on `path` (created 0600 if missing) with foreign keys, WAL and FULL sync."""
    create_private_file(path)
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine
