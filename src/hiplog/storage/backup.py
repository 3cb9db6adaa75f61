"""Copies of the database made with SQLite's online backup API, each checked after writing.

Backups live in one folder and are named ``hiplog-<kind>-<YYYY-MM-DDTHHMMSS>[-n].db``, so the
folder can be listed, sorted and pruned without opening any file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hiplog.domain.errors import DatabaseError
from hiplog.domain.translation import _
from hiplog.storage.engine import connect_by_path, sync_folder

STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
_NAME = re.compile(
    r"^hiplog-(?P<kind>[a-z0-9-]+?)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})(?:-(?P<n>\d+))?\.db$"
)

# Names of the databases whose backups a folder holds (one per line), so a missing database can be
# told from a new one beside another database's backups (see database._refuse_if_expected).
SOURCES_FILE = ".sources"
# What a backup writes before its copy is checked: ``.<final name>.<12 hex>.partial`` (and
# ``<backup name>.partial`` before December 2026).
_PARTIAL = re.compile(
    r"^(\..+\.[0-9a-f]{12}|hiplog-[a-z0-9-]+-\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?\.db)\.partial$"
)

# How many of each kind rotation keeps; kinds not listed (manual, pre-migration-*) are all kept.
KEEP = {"daily": 10, "pre-import": 10, "pre-restore": 10, "pre-repair": 10}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: what made it, when, and how big it is."""

    path: Path
    kind: str
    taken_at: datetime
    size: int


def _check(path: Path) -> None:
    conn = connect_by_path(path, read_only=True)
    try:
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise DatabaseError(
            _("the backup {path} failed its integrity check: {result}").format(
                path=path, result=result
            )
        )


def backup_database(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` (0600), verify it, and return where it went.

    The copy is written to a temporary name of its own first and gets its final name only once
    it passed integrity_check, so a failed backup never leaves a half-written file under the
    final name. An existing file is never replaced: when a backup started at the same moment
    took the name, a backup name (``hiplog-<kind>-<time>.db``) moves on to the next free one,
    and any other name is refused. The source is opened read-only: a backup never changes it.
    """
    _make_folder(destination.parent)
    partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        src = connect_by_path(source, read_only=True)
        try:
            dst = connect_by_path(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _check(partial)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        destination = _claim(partial, destination)
        if _NAME.match(destination.name):
            _record_source(destination.parent, source)
        sync_folder(destination.parent)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise DatabaseError(
            _("could not back up {source} to {destination}: {exc}").format(
                source=source, destination=destination, exc=exc
            ),
            path=str(source),
        ) from exc
    except DatabaseError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return destination


def _make_folder(folder: Path) -> None:
    """Create the backups folder (0700) if missing; a file in its place is named as such."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (FileExistsError, NotADirectoryError) as exc:
        raise DatabaseError(
            _(
                "could not back up: {folder} is a file, not a folder; move that file away and "
                "try again (nothing was changed)"
            ).format(folder=folder),
            path=str(folder),
        ) from exc


def _record_source(folder: Path, source: Path) -> None:
    """Note in `folder` that it holds backups of the database named like `source` (best effort:
    a folder that cannot take the note only loses the missing-database check's precision)."""
    ledger = folder / SOURCES_FILE
    with contextlib.suppress(OSError):
        if source.name in (backed_up_sources(folder) or set()) or "\n" in source.name:
            return
        with ledger.open("a", encoding="utf-8") as handle:
            handle.write(source.name + "\n")


def backed_up_sources(folder: Path) -> set[str] | None:
    """The database names `folder` holds backups of, or None when it keeps no such note (a
    folder from before the note existed)."""
    try:
        text = (folder / SOURCES_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return {line for line in text.splitlines() if line}


def _claim(partial: Path, destination: Path) -> Path:
    """Give `partial` the name `destination`, or the next free backup name; never replace."""
    while True:
        try:
            os.link(partial, destination)
        except FileExistsError:
            parsed = parse_backup_name(destination)
            if parsed is None:
                raise
            destination = _numbered(destination.parent, destination.name, parsed[2] + 1)
            continue
        except OSError:
            # No hard links on this file system (FAT on a USB stick): rename if still free.
            if destination.exists():
                raise
            partial.replace(destination)
            return destination
        partial.unlink()
        return destination


def _numbered(folder: Path, name: str, n: int) -> Path:
    match = _NAME.match(name)
    assert match is not None
    return folder / f"hiplog-{match['kind']}-{match['stamp']}-{n}.db"


def in_use(path: Path, wait_seconds: float = 1.0) -> bool:
    """True when another connection (another hiplog, the command line) has `path` open.

    Every open connection to a WAL database keeps a shared lock, so taking the file exclusively
    fails while one exists. Only for usable hiplog files: closing the probe may fold the log
    back into the file.
    """
    if not path.exists():
        return False
    try:
        conn = connect_by_path(path, timeout=wait_seconds)
        conn.isolation_level = None
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc).lower() or "busy" in str(exc).lower()
    finally:
        conn.close()
    return False


def backup_name(kind: str, now: datetime | None = None) -> str:
    """A file name such as ``hiplog-daily-2026-11-21T071500.db``."""
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    return f"hiplog-{kind}-{stamp}.db"


def new_backup_path(folder: Path, kind: str, now: datetime | None = None) -> Path:
    """A path in `folder` for a new backup of `kind` that no file uses yet."""
    name = backup_name(kind, now)
    path = folder / name
    n = 2
    while path.exists():
        path = folder / f"{name[:-3]}-{n}.db"
        n += 1
    return path


def parse_backup_name(path: Path) -> tuple[str, datetime, int] | None:
    """The kind, time and same-second counter in a backup's file name, or None for any other
    file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return match["kind"], taken, int(match["n"] or 1)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, newest first."""
    found: list[tuple[int, BackupInfo]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append((parsed[2], BackupInfo(path, parsed[0], parsed[1], size)))
    found.sort(key=lambda item: (item[1].taken_at, item[0]), reverse=True)
    return [info for _, info in found]


def _remove_stale_partials(folder: Path, older_than_s: float = 3600.0) -> list[Path]:
    """Half-written copies left by a backup that was killed (never ones still being written, and
    only hiplog's own ``.<name>.<12 hex>.partial``, never a person's file that ends in .partial)."""
    removed: list[Path] = []
    try:
        partials = [path for path in folder.glob("*.partial") if _PARTIAL.match(path.name)]
    except OSError:
        return removed
    now = time.time()
    for path in partials:
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > older_than_s:
                path.unlink()
                removed.append(path)
    return removed


def rotate_backups(folder: Path, keep: dict[str, int] | None = None) -> list[Path]:
    """Delete the oldest backups beyond what `keep` allows per kind; returns what was deleted.

    By default the last 10 daily, pre-import and pre-restore backups stay; every manual and
    every pre-migration backup stays for good.
    """
    keep = KEEP if keep is None else keep
    seen: dict[str, int] = {}
    removed: list[Path] = _remove_stale_partials(folder)
    for backup in list_backups(folder):
        limit = keep.get(backup.kind)
        if limit is None:
            continue
        seen[backup.kind] = seen.get(backup.kind, 0) + 1
        if seen[backup.kind] > limit:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed
