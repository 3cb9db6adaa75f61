"""The SQLAlchemy engine for a hiplog database file, with its pragmas on every connection.

Transactions are real SQLite transactions: Python's sqlite3 module would otherwise commit
implicitly before DDL and start transactions late, so the engine turns that off and emits BEGIN
itself. A write transaction starts with BEGIN IMMEDIATE, which takes the write lock up front:
a second writer (the command line while the window is open) then waits for the busy timeout
instead of failing half-way when it upgrades a read to a write.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

# 'HPLG': marks a SQLite file as hiplog's, so another program's database is recognised as foreign.
APPLICATION_ID = 0x48504C47
BUSY_TIMEOUT_MS = 10_000
# How long a writer keeps retrying BEGIN IMMEDIATE when SQLite still answers "locked" after its
# own busy timeout (another process holding a long write transaction).
WRITE_RETRY_SECONDS = 30.0
# Execution option that marks a connection as one that will write: its transactions begin
# IMMEDIATE.
WRITE_OPTION = "hiplog_write"


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level; SQLAlchemy's "begin" event below emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed transaction survives a crash of the app and of the machine.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _set_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def is_locked_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def _begin(connection: Connection) -> None:
    if not connection.get_execution_options().get(WRITE_OPTION, False):
        connection.exec_driver_sql("BEGIN")
        return
    # Nothing has happened in this transaction yet, so retrying BEGIN is always safe.
    deadline = time.monotonic() + WRITE_RETRY_SECONDS
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            break
        except OperationalError as exc:
            if not is_locked_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.2)
    stamp_identity(connection.connection.dbapi_connection)


def stamp_identity(dbapi_connection: Any) -> None:
    """Write the file's identity into page 1 inside the open write transaction.

    Every hiplog write thus puts page 1, with the identity (PRAGMA user_version) in its header,
    into the write-ahead log: inspection compares it with the file's own header to recognise a
    log left beside the file by another database (see inspection.wal_problem). A file without
    an identity yet gets a random one.
    """
    cursor = dbapi_connection.cursor()
    try:
        identity = cursor.execute("PRAGMA user_version").fetchone()[0] or new_identity()
        cursor.execute(f"PRAGMA user_version = {int(identity)}")
    finally:
        cursor.close()


def writable_folder(folder: Path) -> bool:
    """Whether files can be created in `folder` (False on read-only media, even for root)."""
    return os.access(folder if str(folder) else Path(), os.W_OK)


def writable_file(path: Path) -> bool:
    """Whether `path` and its folder can be written (a read-only file or medium: False)."""
    if not writable_folder(path.parent):
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    os.close(fd)
    return True


def new_identity() -> int:
    """A random non-zero 31-bit number naming one database file (its PRAGMA user_version)."""
    return secrets.randbelow(2**31 - 1) + 1


def connect_by_path(path: Path, *, read_only: bool = False, timeout: float = 5.0) -> Any:
    """A sqlite3 connection to the file at `path`, never reading the path as a URI.

    Read-only connections need a URI; it is built from the escaped absolute path, so `?`, `#`
    and `%` in a file name stay part of the name.
    """
    if read_only:
        # In a folder nobody can write (read-only media), SQLite cannot make the shared-memory
        # file a WAL database needs, and nobody can change the file: read it as immutable.
        frozen = "&immutable=1" if not writable_folder(path.parent) else ""
        uri = f"{path.absolute().as_uri()}?mode=ro{frozen}"
        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    return sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)


def sync_folder(folder: Path) -> None:
    """Make new or renamed entries in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only (0600), its folder 0700, if missing."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        sync_folder(path.parent)


def make_private(path: Path) -> None:
    """Take away group and other access from an existing file (a database made 0644 by an
    older hiplog or a copy): best effort, since a file of another owner cannot be changed."""
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError:
        pass


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on `path` (created 0600 if missing) with foreign keys, WAL and FULL sync.

    A `read_only` engine opens the existing file read-only and never writes to it.
    """
    if read_only:
        engine = create_engine(
            "sqlite://",
            creator=lambda: connect_by_path(path, read_only=True),
            poolclass=QueuePool,
            hide_parameters=True,
            future=True,
        )
        event.listen(engine, "connect", _set_read_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    create_private_file(path)
    for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(own)
    # The file is opened by path through `creator`: a URL built from the path would read `?`
    # and `%xx` in a file name as URL syntax and open another file.
    # hide_parameters: an error's text never carries what was being saved (notes stay out of
    # error messages and the log file).
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_by_path(path),
        poolclass=QueuePool,
        hide_parameters=True,
        future=True,
    )
    event.listen(engine, "connect", _set_pragmas)
    # The write-ahead log now exists: make its name durable too, before anything is committed.
    event.listen(engine, "connect", lambda *_: sync_folder(path.parent))
    event.listen(engine, "begin", _begin)
    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions begin IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})
