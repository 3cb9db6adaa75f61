"""Put a backup's data into a live database while every writer is kept out.

Renaming a copy over the file loses work: a writer that opened the old file just before the
rename goes on writing into it after. So a restore replaces the contents instead, in one write
transaction on the live file: it holds the database's own write lock from before the
pre-restore backup is taken until the restored rows are committed. A writer that comes in
between waits (as for any other writer) and then writes into the restored data; a writer that
committed before is in the pre-restore backup. Nothing acknowledged is lost.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Any

from hiplog.domain.errors import DatabaseError
from hiplog.domain.translation import _
from hiplog.storage.backup import backup_database
from hiplog.storage.engine import (
    BUSY_TIMEOUT_MS,
    WRITE_RETRY_SECONDS,
    connect_by_path,
    is_locked_error,
    stamp_identity,
)


def _begin_immediate(conn: Any) -> None:
    deadline = time.monotonic() + WRITE_RETRY_SECONDS
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_locked_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


def _tables(conn: Any, schema: str) -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [row[0] for row in rows]


def _columns(conn: Any, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _copy_rows(conn: Any) -> None:
    """Replace every table of main with the same table of `restored` (same schema)."""
    tables = _tables(conn, "main")
    if set(tables) != set(_tables(conn, "restored")):
        raise DatabaseError(
            _("the backup's tables differ from the database's; nothing was changed")
        )
    for table in tables:
        conn.execute(f'DELETE FROM main."{table}"')
    for table in tables:
        names = ", ".join(f'"{c}"' for c in _columns(conn, "main", table))
        conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM restored."{table}"')
    if conn.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
        raise DatabaseError(_("the backup's rows do not fit together; nothing was changed"))


def replace_contents(database: Path, staged: Path, pre_restore: Path) -> Path:
    """Copy `database` to `pre_restore` (verified), then replace its rows with `staged`'s.

    Returns where the pre-restore copy went (the next free backup name if another backup took
    that one at the same moment).

    `staged` is a verified hiplog file at the current schema revision. Both steps happen under
    the database's write lock, taken once: no other writer can commit between them. On any
    failure the database is as it was.
    """
    conn = connect_by_path(database, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.isolation_level = None
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("ATTACH DATABASE ? AS restored", (str(staged),))
        _begin_immediate(conn)
        try:
            # Read through a second connection: it sees the last committed state, which is what
            # the restore replaces, and nobody can commit until this transaction ends.
            saved = backup_database(database, pre_restore)
            stamp_identity(conn)
            _copy_rows(conn)
            conn.execute("COMMIT")
            return saved
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE restored")
        conn.close()
