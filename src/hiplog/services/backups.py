"""Backups of the database, restoring one, and what to do with a file hiplog cannot open.

Automatic backups: one a day at the first start of the window, one before every migration,
one before every import and one before every restore. Rotation keeps the last 10 of each
automatic kind except pre-migration backups, which all stay, as do the ones made by hand.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from pathlib import Path

from hiplog.domain.errors import DatabaseError, InputError
from hiplog.domain.translation import _
from hiplog.services.context import AppContext
from hiplog.services.locations import Locations
from hiplog.storage import backup as storage_backup
from hiplog.storage.backup import BackupInfo, backup_database, new_backup_path
from hiplog.storage.database import UnusableDatabaseError, open_database
from hiplog.storage.engine import sync_folder
from hiplog.storage.inspection import FileState, inspect_database
from hiplog.storage.restore import replace_contents

__all__ = [
    "BackupInfo",
    "backup_before_import",
    "backup_now",
    "ensure_daily_backup",
    "list_backups",
    "newest_good_backup",
    "restore_file",
    "restore_into",
    "restore_newest_good",
    "rotate_backups",
    "set_aside",
    "start_new_file",
]

_log = logging.getLogger("hiplog")
USABLE = (FileState.CURRENT, FileState.OLDER)


def list_backups(locations: Locations) -> list[BackupInfo]:
    """Every backup in the backups folder, newest first."""
    return storage_backup.list_backups(locations.backups)


def rotate_backups(folder: Path) -> list[Path]:
    """Keep the last 10 daily (and pre-import, pre-restore) backups and every pre-migration and
    manual one; delete the rest. Returns the deleted files."""
    return storage_backup.rotate_backups(folder)


def backup_now(ctx: AppContext, destination: Path | None = None) -> Path:
    """A verified copy of the open database; by default in the backups folder."""
    if destination is not None and destination.exists():
        raise InputError(_("a file is already there; choose another name"), str(destination))
    if ctx.db.path is None:
        return server_backup(ctx, "manual", destination)
    target = destination or new_backup_path(ctx.locations.backups, "manual")
    return backup_database(ctx.db.path, target)


def server_backup(ctx: AppContext, kind: str, destination: Path | None = None) -> Path:
    """A server database's backup: its JSON export, by default in the local backups folder as
    hiplog-KIND-TIME.json (dumps of the server itself are its administrator's job). It holds
    every athlete, or only the one named (`--athlete`)."""
    from hiplog.services.import_export import export_json

    folder = ctx.locations.backups
    target = destination or _free_json_path(folder, kind)
    if destination is None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    export_json(ctx, target, into_backups=destination is None, everyone=not ctx.athlete_chosen)
    return target


def _free_json_path(folder: Path, kind: str) -> Path:
    """hiplog-KIND-TIME.json, or -2.json, -3.json ... when that second has one already."""
    base = new_backup_path(folder, kind).with_suffix(".json")
    path, n = base, 2
    while path.exists():
        path, n = base.with_name(f"{base.stem}-{n}.json"), n + 1
    return path


def _automatic_backup(ctx: AppContext, kind: str, now: datetime | None = None) -> Path:
    if ctx.db.path is None:
        return server_backup(ctx, kind)
    folder = ctx.locations.backups
    path = backup_database(ctx.db.path, new_backup_path(folder, kind, now))
    rotate_backups(folder)
    return path


def ensure_daily_backup(ctx: AppContext, now: datetime | None = None) -> Path | None:
    """Write today's daily backup unless there is one already; returns it when written.

    Meant for the start of the window. A failure is logged and returns None: it must not keep
    a person from their data (the next start tries again).
    """
    if ctx.db.path is None:
        return None  # the server's own backups are its administrator's job
    today = (now or datetime.now()).date()
    folder = ctx.locations.backups
    if any(
        b.kind == "daily" and b.taken_at.date() == today
        for b in storage_backup.list_backups(folder)
    ):
        return None
    try:
        return _automatic_backup(ctx, "daily", now)
    except DatabaseError as exc:
        _log.warning("the daily backup failed: %s", exc)
        return None


def backup_before_import(ctx: AppContext) -> Path:
    """A verified copy of the database made just before an import changes it."""
    return _automatic_backup(ctx, "pre-import")


def newest_good_backup(locations: Locations) -> BackupInfo | None:
    """The newest backup that passes a full integrity check and that this hiplog can open."""
    for info in list_backups(locations):
        if inspect_database(info.path, full_check=True).state in USABLE:
            return info
    return None


def _looks_like_an_export(source: Path) -> bool:
    try:
        with source.open("rb") as handle:
            start = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return start.startswith((b"{", b"[")) or b"," in start.split(b"\n", 1)[0]


def _check_restorable(source: Path) -> None:
    inspection = inspect_database(source, full_check=True)
    if inspection.state is FileState.DAMAGED and _looks_like_an_export(source):
        raise InputError(
            _(
                "this is an export (JSON or CSV), not a backup: bring it in with `hiplog "
                "import FILE` (File > Import... in the window)"
            ),
            str(source),
        )
    if inspection.state in (FileState.MISSING, FileState.EMPTY):
        raise InputError(_("there is no backup there (the file is missing or empty)"), str(source))
    if inspection.state not in USABLE:
        reason = {
            FileState.NEWER: _("it was written by a newer hiplog"),
            FileState.FOREIGN: _("it is not a hiplog database"),
        }.get(inspection.state, _("it is damaged ({detail})").format(detail=inspection.detail))
        raise InputError(_("cannot restore this file: {reason}").format(reason=reason), str(source))


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def set_aside(locations: Locations, now: datetime | None = None) -> Path | None:
    """Rename a database hiplog cannot use to ``hiplog-<kind>-<stamp>.db`` beside it.

    The file's bytes are never touched: it is only renamed, together with its log files, so a
    new or restored database can take its place. Returns the new name (None when there was
    no file).
    """
    current = locations.database
    if not current.exists():
        return None
    state = inspect_database(current).state
    kind = state.value if state in (FileState.NEWER, FileState.FOREIGN) else "damaged"
    target = new_backup_path(current.parent, kind, now)
    current.rename(target)
    for companion, moved in zip(_companions(current), _companions(target), strict=True):
        if companion.exists():
            companion.rename(moved)
    sync_folder(current.parent)
    return target


def _install(source: Path, locations: Locations) -> Path | None:
    """Put a verified copy of `source` where the database is missing or cannot be used.

    The copy is staged (and checked) first; only then is an unusable file renamed aside and the
    copy renamed into place, so a failure (a full disk) leaves everything where it was.
    Returns where the unusable file went.
    """
    database = locations.database
    staged = database.with_name(database.name + ".restoring")
    backup_database(source, staged)
    try:
        empty = inspect_database(database).state in (FileState.MISSING, FileState.EMPTY)
        aside = None if empty else set_aside(locations)
    except OSError:
        staged.unlink(missing_ok=True)
        raise
    for companion in _companions(database):
        companion.unlink(missing_ok=True)
    staged.replace(database)
    sync_folder(database.parent)
    return aside


def _stage(source: Path, locations: Locations) -> Path:
    """A verified copy of `source` at the current schema, in the backups folder (hidden name)."""
    staged = locations.backups / f".restoring-{uuid.uuid4().hex}.db"
    backup_database(source, staged)
    try:
        if inspect_database(staged).state is FileState.OLDER:
            open_database(staged).close()
    except BaseException:
        _remove_with_companions(staged)
        raise
    return staged


def _remove_with_companions(path: Path) -> None:
    for leftover in (path, *_companions(path)):
        leftover.unlink(missing_ok=True)


def _replace_usable(database: Path, source: Path, locations: Locations) -> Path:
    """Restore `source` into the usable `database` in place; returns the pre-restore backup."""
    if inspect_database(database).state is FileState.OLDER:
        open_database(database, backups_dir=locations.backups).close()
    # Rotation first: the copy about to be taken is never the one it deletes, even when the
    # clock went back and that copy's name sorts as the oldest.
    rotate_backups(locations.backups)
    staged = _stage(source, locations)
    try:
        pre_restore = replace_contents(
            database, staged, new_backup_path(locations.backups, "pre-restore")
        )
    finally:
        _remove_with_companions(staged)
    return pre_restore


def _refuse_if_in_use(database: Path) -> None:
    if storage_backup.in_use(database):
        raise InputError(
            _(
                "hiplog is open on this database in another window or command; restore "
                "from that window (File > Restore...) or close it first"
            ),
            str(database),
        )


def _refuse_if_unavailable(database: Path) -> FileState:
    inspection = inspect_database(database)
    if inspection.state is FileState.UNAVAILABLE:
        raise UnusableDatabaseError(database, inspection)
    return inspection.state


def _refuse_on_server(url: str | None) -> None:
    if url:
        raise InputError(
            _(
                "a backup file is restored into a database file only; on a server, bring a JSON "
                "backup in with `hiplog import FILE`, or ask the server's administrator to "
                "restore a dump (nothing was changed)"
            ),
            "restore",
        )


def restore_file(locations: Locations, source: Path) -> Path | None:
    """Replace the database with `source` after checking it and saving the current file.

    A usable current database is backed up first (``pre-restore``) and its rows replaced under
    its write lock, so no writer loses work; one hiplog cannot open is renamed aside instead,
    untouched. Returns where the previous database went (None when there was none).
    """
    _refuse_on_server(locations.database_url)
    _check_restorable(source)
    current = locations.database
    state = _refuse_if_unavailable(current)
    if state in USABLE:
        _refuse_if_in_use(current)
        return _replace_usable(current, source, locations)
    return _install(source, locations)


def restore_into(ctx: AppContext, source: Path) -> Path | None:
    """Restore `source` under an open context and reopen it, for the window.

    Returns where the previous database was saved. When the backup cannot be used, nothing
    changes and InputError says why; the context stays open on the current data.
    """
    _refuse_on_server(ctx.locations.database_url)
    assert ctx.db.path is not None
    _check_restorable(source)
    try:
        return _replace_usable(ctx.db.path, source, ctx.locations)
    finally:
        ctx.reopen()


def restore_newest_good(locations: Locations) -> tuple[BackupInfo, Path | None]:
    """Put the newest good backup in place of an unusable database (renamed aside first).

    Returns the backup used and where the unusable file went.
    """
    newest = newest_good_backup(locations)
    if newest is None:
        raise InputError(_("there is no usable backup"), str(locations.backups))
    return newest, _install(newest.path, locations)


def start_new_file(locations: Locations) -> Path | None:
    """Rename an unusable database aside and create a new, empty one in its place (the person
    chose it, so the backups beside it do not make the missing file an error)."""
    aside = set_aside(locations)
    open_database(locations.database, new_file=True).close()
    return aside
