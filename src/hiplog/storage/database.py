"""Open a hiplog database: inspect it, back it up before a migration, migrate, and hand out
transactions."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hiplog.domain.errors import DatabaseError
from hiplog.storage.backup import (
    backed_up_sources,
    backup_database,
    list_backups,
    new_backup_path,
)
from hiplog.storage.engine import is_locked_error, make_engine, writable_file, write_engine
from hiplog.storage.inspection import FileState, Inspection, access_problem, inspect_database
from hiplog.storage.migrate import upgrade_to_head

UNUSABLE = (FileState.NEWER, FileState.FOREIGN, FileState.DAMAGED, FileState.UNAVAILABLE)


class UnusableDatabaseError(DatabaseError):
    """The file cannot be opened as it is; `inspection.state` says why. The file is untouched."""

    def __init__(self, path: Path, inspection: Inspection) -> None:
        self.inspection = inspection
        reasons = {
            FileState.NEWER: (
                f"was written by a newer hiplog (schema {inspection.revision}); "
                "update hiplog to open it"
            ),
            FileState.FOREIGN: "is not a hiplog database (it belongs to another program)",
            FileState.DAMAGED: f"is damaged ({inspection.detail})",
            FileState.MISSING: f"is missing ({inspection.detail})",
        }
        reason = reasons.get(inspection.state, inspection.detail)
        hint = (
            ""
            if inspection.state in (FileState.NEWER, FileState.UNAVAILABLE)
            else " (the window offers to restore a backup; so does `hiplog restore BACKUP`)"
        )
        if inspection.state is FileState.UNAVAILABLE:
            reason = f"cannot be opened now: {inspection.detail}; it is not damaged"
        super().__init__(
            f"the database {path} {reason}; it was left unchanged{hint}",
            path=str(path),
            kind=inspection.state.value,
        )


class Database:
    """One open database file. Every write goes through `transaction()`: all or nothing."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        # Opened from a read-only file or medium: reading works, every write is refused.
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(write_engine(engine), expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        It holds the write lock from its start (waiting for another writer if needed). When the
        disk or the folder refuses the write, nothing of it is kept and a DatabaseError says why;
        the same call can simply be made again.
        """
        if self.read_only:
            raise DatabaseError(
                f"could not save to {self.path}: the file or its folder is read-only; copy it "
                "somewhere you can write, or restore it (nothing was changed)",
                path=str(self.path),
                kind="read-only",
            )
        try:
            with self._writers.begin() as session:
                yield session
        except (OperationalError, sqlite3.OperationalError, OSError) as exc:
            raise write_failure(self.path, exc) from exc

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def write_failure(path: Path, exc: BaseException) -> DatabaseError:
    """A DatabaseError that tells a person why a write failed and what to do about it."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    code = getattr(orig, "errno", None)
    kind = ""
    if code == errno.ENOSPC or "disk is full" in text:
        reason = "the disk is full; free some space"
    elif (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or ("read-only" in text or "unable to open" in text)
    ):
        reason = "the file or its folder is read-only; check the folder's permissions"
    elif is_locked_error(orig):
        reason = "another program kept the database busy; close it"
        kind = "locked"
    else:
        reason = f"the disk reported an error ({orig}); check the disk"
    return DatabaseError(
        f"could not save to {path}: {reason} and try again (nothing was changed)",
        path=str(path),
        kind=kind,
    )


def _refuse_if_expected(path: Path, backups_dir: Path | None) -> None:
    """A missing file is a first start only when nothing says a database was there: backups in
    its backups folder, or a restore's staged copy beside it (a restore that failed half-way),
    mean the file was lost, and an empty new one would hide that."""
    staged = path.with_name(path.name + ".restoring")
    backups = list_backups(backups_dir) if backups_dir is not None else []
    if backups and backups_dir is not None:
        # Several databases may share a folder (and so a backups folder): only backups of this
        # one say it was there. A folder without the note (older hiplog) counts as this one's.
        sources = backed_up_sources(backups_dir)
        if sources is not None and path.name not in sources:
            backups = []
    if not (backups or staged.exists()):
        return
    if backups:
        detail = (
            f"its backups folder {backups_dir} holds {len(backups)} backups, so this is not a "
            "first start; restore one, or move that folder away to start a new database"
        )
    else:
        detail = f"a restore stopped half-way; its verified copy is {staged}"
    raise UnusableDatabaseError(path, Inspection(FileState.MISSING, detail=detail))


def open_database(
    path: Path, backups_dir: Path | None = None, *, new_file: bool = False
) -> Database:
    """Open (creating or migrating as needed) the database at `path`.

    `new_file` is the person's choice to start a new file where one was lost (otherwise a missing
    file beside backups is refused, `_refuse_if_expected`). A damaged, foreign or newer file
    raises UnusableDatabaseError and is not modified. Before a migration of an existing file,
    a verified copy is written to `backups_dir`.
    """
    inspection = inspect_database(path)
    if inspection.state in UNUSABLE:
        raise UnusableDatabaseError(path, inspection)
    if inspection.state is FileState.MISSING and not new_file:
        _refuse_if_expected(path, backups_dir)
    if inspection.state is FileState.CURRENT and not writable_file(path):
        return Database(path, make_engine(path, read_only=True), read_only=True)
    if inspection.state is FileState.OLDER and backups_dir is not None:
        # Kept for good (rotation never deletes these); no migration runs without one.
        backup_database(path, new_backup_path(backups_dir, f"pre-migration-{inspection.revision}"))
    engine = None
    try:
        engine = make_engine(path)  # creates the file (0600) when it is new
        with engine.connect():
            pass
    except (OperationalError, sqlite3.Error, OSError) as exc:
        if engine is not None:
            engine.dispose()
        orig = getattr(exc, "orig", None) or exc
        detail = access_problem(path, orig)
        raise UnusableDatabaseError(path, Inspection(FileState.UNAVAILABLE, detail=detail)) from exc
    if inspection.state is not FileState.CURRENT:
        upgrade_to_head(write_engine(engine))
    return Database(path, engine)
