"""Open a hiplog database: inspect it, back it up before a migration, migrate, and hand out
transactions."""

from __future__ import annotations

import errno
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hiplog.domain.errors import DatabaseError
from hiplog.domain.translation import _, ngettext
from hiplog.storage import athlete_repo
from hiplog.storage.athlete_scope import ATHLETE_KEY
from hiplog.storage.backup import (
    backed_up_sources,
    backup_database,
    list_backups,
    new_backup_path,
)
from hiplog.storage.engine import is_locked_error, make_engine, writable_file, write_engine
from hiplog.storage.inspection import FileState, Inspection, access_problem, inspect_database
from hiplog.storage.migrate import upgrade_to_head
from hiplog.storage.server import (
    CHANGES_CHANNEL,
    describe,
    inspect_server,
    make_server_engine,
    mask,
    parse_url,
)

UNUSABLE = (FileState.NEWER, FileState.FOREIGN, FileState.DAMAGED, FileState.UNAVAILABLE)


class UnusableDatabaseError(DatabaseError):
    """The file cannot be opened as it is; `inspection.state` says why. The file is untouched."""

    def __init__(self, path: Path | str, inspection: Inspection, server: bool = False) -> None:
        self.inspection = inspection
        reasons = {
            FileState.NEWER: (
                _(
                    "was written by a newer hiplog (schema {revision}); update hiplog to open it"
                ).format(revision=inspection.revision)
            ),
            FileState.FOREIGN: _("is not a hiplog database (it belongs to another program)"),
            FileState.DAMAGED: _("is damaged ({detail})").format(detail=inspection.detail),
            FileState.MISSING: _("is missing ({detail})").format(detail=inspection.detail),
        }
        reason = reasons.get(inspection.state, inspection.detail)
        if server and inspection.state is FileState.FOREIGN:
            reason = _("is not a hiplog database ({detail})").format(detail=inspection.detail)
        hint = (
            ""
            if server or inspection.state in (FileState.NEWER, FileState.UNAVAILABLE)
            else _(" (the window offers to restore a backup; so does `hiplog restore BACKUP`)")
        )
        if inspection.state is FileState.UNAVAILABLE:
            reason = _("cannot be opened now: {detail}; it is not damaged").format(
                detail=inspection.detail
            )
        super().__init__(
            _("the database {path} {reason}; it was left unchanged{hint}").format(
                path=path, reason=reason, hint=hint
            ),
            path=str(path),
            kind=inspection.state.value,
        )


class Database:
    """One open database: a file, or a PostgreSQL database when `server` is set (then `path`
    is None and `where` names the server). Every write goes through `transaction()`: all or
    nothing."""

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        read_only: bool = False,
        where: str = "",
        url: URL | None = None,
    ) -> None:
        self.path = path
        self.where = where or str(path)
        self.url = url
        self.server = url is not None
        # Names this client in the NOTIFY that ends each of its write transactions on a server,
        # so its own commits are told from other clients' (server_changes).
        self.token = uuid.uuid4().hex
        self.engine = engine
        # Opened from a read-only file or medium: reading works, every write is refused.
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(write_engine(engine), expire_on_commit=False)
        # The athlete every transaction works for (storage/athlete_scope.py); until one is
        # chosen, the first of the file.
        self._athlete_id: int | None = None

    @property
    def athlete_id(self) -> int:
        if self._athlete_id is None:
            with self._sessions() as session:
                self._athlete_id = athlete_repo.first_athlete_id(session)
        return self._athlete_id

    def use_athlete(self, athlete_id: int) -> None:
        """Work for another athlete from the next transaction on."""
        self._athlete_id = athlete_id

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises.

        It holds the write lock from its start (waiting for another writer if needed). When the
        disk or the folder refuses the write, nothing of it is kept and a DatabaseError says why;
        the same call can simply be made again.
        """
        if self.read_only:
            raise DatabaseError(
                _(
                    "could not save to {path}: the file or its folder is read-only; copy it "
                    "somewhere you can write, or restore it (nothing was changed)"
                ).format(path=self.where),
                path=self.where,
                kind="read-only",
            )
        committing = False
        try:
            with self._writers.begin() as session:
                session.info[ATHLETE_KEY] = self.athlete_id
                yield session
                transaction = session.get_transaction()
                if self.server and transaction is not None and transaction.is_active:
                    # Not after a rollback inside the block (a dry run): nothing to announce.
                    session.execute(
                        text("SELECT pg_notify(:channel, :token)"),
                        {"channel": CHANGES_CHANNEL, "token": self.token},
                    )
                committing = True
        except (OperationalError, sqlite3.OperationalError, OSError) as exc:
            if self.server and isinstance(exc, OperationalError):
                raise server_failure(self.where, exc, committing) from exc
            raise write_failure(self.path or self.where, exc) from exc

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            session.info[ATHLETE_KEY] = self.athlete_id
            yield session

    def close(self) -> None:
        self.engine.dispose()


class ServerUnreachableError(DatabaseError):
    """The server could not be reached (at start, or while saving): nothing was changed."""


# query_canceled (the statement timeout) and lock_not_available (the lock timeout).
_TOOK_TOO_LONG = ("57014", "55P03")


def server_failure(where: str, exc: OperationalError, committing: bool = False) -> DatabaseError:
    """Why a write to the server failed, with the server named and no password. The server
    going away (or the network) is the usual cause; the write can be made again later.
    `committing`: the connection went during the COMMIT, so the server may have kept the
    write without the client hearing so (a set saved again with its write token is not
    added twice)."""
    orig = getattr(exc, "orig", None) or exc
    detail = mask(str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__)
    # The server's own reasons, by SQLSTATE (its words may be in another language).
    state = str(getattr(orig, "sqlstate", "") or "")
    if state.startswith("53"):  # disk full, out of memory, too many connections
        return DatabaseError(
            _(
                "could not save to {server}: the server has no room for it ({detail}); nothing "
                "was saved. Whoever runs the server can free space"
            ).format(server=where, detail=detail),
            path=where,
            kind="server",
        )
    if state in _TOOK_TOO_LONG or "canceling statement" in detail:
        return DatabaseError(
            _(
                "could not save to {server}: the server took too long ({detail}); nothing was "
                "changed"
            ).format(server=where, detail=detail),
            path=where,
            kind="server",
        )
    if committing:
        return ServerUnreachableError(
            _(
                "could not save to {server}: the connection to the server was lost as the "
                "change was committed ({detail}); the server may have kept it"
            ).format(server=where, detail=detail),
            path=where,
            kind="unreachable",
        )
    return ServerUnreachableError(
        _(
            "could not save to {server}: the connection to the server was lost ({detail}); "
            "nothing was saved"
        ).format(server=where, detail=detail),
        path=where,
        kind="unreachable",
    )


def write_failure(path: Path | str, exc: BaseException) -> DatabaseError:
    """A DatabaseError that tells a person why a write failed and what to do about it."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    code = getattr(orig, "errno", None)
    kind = ""
    if code == errno.ENOSPC or "disk is full" in text:
        reason = _("the disk is full; free some space")
    elif (
        code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or "readonly" in text
        or ("read-only" in text or "unable to open" in text)
    ):
        reason = _("the file or its folder is read-only; check the folder's permissions")
    elif is_locked_error(orig):
        reason = _("another program kept the database busy; close it")
        kind = "locked"
    else:
        reason = _("the disk reported an error ({orig}); check the disk").format(orig=orig)
    return DatabaseError(
        _("could not save to {path}: {reason} and try again (nothing was changed)").format(
            path=path, reason=reason
        ),
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
        detail = ngettext(
            "its backups folder {folder} holds {count} backup, so this is not a first start; "
            "restore it, or move that folder away to start a new database",
            "its backups folder {folder} holds {count} backups, so this is not a first start; "
            "restore one, or move that folder away to start a new database",
            len(backups),
        ).format(folder=backups_dir, count=len(backups))
    else:
        detail = _("a restore stopped half-way; its verified copy is {file}").format(file=staged)
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


def open_server_database(url: str) -> Database:
    """Open the PostgreSQL database at `url`, creating the schema in an empty one.

    A database holding other tables, or written by a newer hiplog, raises UnusableDatabaseError
    and is not touched; an unreachable server raises ServerUnreachableError naming it.
    """
    parsed = parse_url(url)
    where = describe(parsed)
    engine = make_server_engine(parsed)
    try:
        inspection = inspect_server(engine)
    except OperationalError as exc:
        engine.dispose()
        orig = getattr(exc, "orig", None) or exc
        first = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
        raise ServerUnreachableError(
            _("could not reach the PostgreSQL server: {server} ({detail})").format(
                server=where, detail=mask(first)
            ),
            path=where,
            kind="unreachable",
        ) from exc
    if inspection.state in UNUSABLE:
        engine.dispose()
        raise UnusableDatabaseError(where, inspection, server=True)
    if inspection.state is not FileState.CURRENT:
        upgrade_to_head(engine)
    return Database(None, engine, where=where, url=parsed)
