"""Look at a database file before opening it for real, without changing it.

Tells a new file from a current one, one that needs migrating, one written by a newer hiplog,
another program's SQLite file, and a damaged one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from hiplog.domain.translation import _
from hiplog.storage.engine import APPLICATION_ID, connect_by_path
from hiplog.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from hiplog.storage.wal_check import wal_problem

SQLITE_MAGIC = b"SQLite format 3\x00"
OUR_TABLES = {"exercises", "sessions", "sets", "settings"}


class FileState(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"  # a known earlier schema: migrate after a backup
    NEWER = "newer"  # written by a newer hiplog: refuse
    FOREIGN = "foreign"  # another program's SQLite file: refuse
    DAMAGED = "damaged"  # not readable as SQLite, or fails its integrity check: refuse
    # Sound as far as can be told, but the disk or the system refuses it now (a full disk, no
    # permission, an I/O error): not damage, so nothing is set aside; the detail says why.
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None = None
    detail: str = ""


def inspect_database(path: Path, *, full_check: bool = False) -> Inspection:
    """Classify the file at `path`. Reads only; never writes to the file."""
    try:
        return _inspect(path, full_check)
    except OSError as exc:
        return Inspection(FileState.UNAVAILABLE, detail=access_problem(path, exc))


# SQLite's words for a refusal by the disk or the system rather than a bad file.
_ACCESS_WORDS = ("disk i/o error", "disk is full", "unable to open", "readonly", "read-only")


def access_problem(path: Path, exc: BaseException) -> str:
    """Why the file or its folder cannot be used right now, in a person's words."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code in (errno.ENOENT, errno.ENOTDIR):  # a folder such as /proc that takes no new files
        return _("no file can be made in {folder}; choose another folder").format(
            folder=path.parent
        )
    if code == errno.ENOSPC or "disk is full" in text or _disk_full(path.parent):
        return _("the disk is full; free some space")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or not os.access(path.parent, os.W_OK):
        return _("the file or its folder cannot be written to (read-only)")
    return _("the disk refused it ({value})").format(value=getattr(exc, "strerror", None) or exc)


def _disk_full(folder: Path) -> bool:
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024


# The longest suffix of a file named after the database: SQLite's 'NAME-journal' and a restore's
# staged copy 'NAME.restoring'.
_LONGEST_SUFFIX = max(len("-journal"), len(".restoring"))


def _name_too_long(path: Path) -> str | None:
    """Why the file's name leaves no room for the files SQLite and hiplog put beside it."""
    try:
        limit = os.pathconf(path.parent if path.parent.is_dir() else "/", "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    room = limit - _LONGEST_SUFFIX
    if len(os.fsencode(path.name)) <= room:
        return None
    return _(
        "its name is too long ({size} bytes; at most {room}, since files named after it go "
        "beside it); choose a shorter name"
    ).format(size=len(os.fsencode(path.name)), room=room)


def _inspect(path: Path, full_check: bool) -> Inspection:
    too_long = _name_too_long(path)
    if too_long is not None:
        return Inspection(FileState.UNAVAILABLE, detail=too_long)
    if not path.exists():
        if path.is_symlink():  # a link whose target is gone: creating the file would fail
            return Inspection(
                FileState.UNAVAILABLE,
                detail=_("it is a link to {value}, which does not exist").format(
                    value=path.readlink()
                ),
            )
        return Inspection(FileState.MISSING)
    if path.is_dir():
        return Inspection(FileState.DAMAGED, detail=_("it is a folder, not a file"))
    if not path.is_file():
        return Inspection(
            FileState.UNAVAILABLE, detail=_("it is not a regular file (a pipe or a device)")
        )
    size = path.stat().st_size
    if size == 0:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return Inspection(FileState.DAMAGED, detail=_("the file is empty but its log is not"))
        return Inspection(FileState.EMPTY)
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(header):
            return Inspection(FileState.DAMAGED, detail=_("the file is cut short"))
        return Inspection(FileState.DAMAGED, detail=_("it is not a SQLite database file"))
    if len(header) < 100 or size % 512 or _shorter_than_header_says(header, size, path):
        return Inspection(FileState.DAMAGED, detail=_("the file is cut short"))
    foreign_log = wal_problem(path, header)
    if foreign_log is not None:
        return Inspection(FileState.DAMAGED, detail=foreign_log)
    try:
        conn = connect_by_path(path, read_only=True)
        try:
            check = "integrity_check" if full_check else "quick_check"
            result = conn.execute(f"PRAGMA {check}(1)").fetchone()
            if not result or result[0] != "ok":
                detail = result[0] if result else "no answer"
                return Inspection(
                    FileState.DAMAGED, detail=_("SQLite reports: {detail}").format(detail=detail)
                )
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if any(word in str(exc).lower() for word in _ACCESS_WORDS):
            return Inspection(FileState.UNAVAILABLE, detail=access_problem(path, exc))
        return Inspection(FileState.DAMAGED, detail=_("SQLite reports: {exc}").format(exc=exc))
    if app_id not in (0, APPLICATION_ID):
        # Another program marked this file as its own.
        return Inspection(FileState.FOREIGN, detail=_("it belongs to another program"))
    if not tables:
        if user_version != 0:
            return Inspection(FileState.FOREIGN, detail=_("it belongs to another program"))
        return Inspection(FileState.EMPTY)
    if app_id != APPLICATION_ID and not tables >= OUR_TABLES:
        return Inspection(FileState.FOREIGN, detail=_("it belongs to another program"))
    return by_revision(revision)


def by_revision(revision: str | None) -> Inspection:
    """A database of hiplog's tables, by its schema revision: current, older (to migrate),
    newer (from a later hiplog) or damaged (none recorded). Files and servers alike."""
    if revision is None:
        return Inspection(FileState.DAMAGED, detail=_("it has no schema version"))
    if revision not in KNOWN_REVISIONS:
        return Inspection(FileState.NEWER, revision=revision)
    if revision != HEAD_REVISION:
        return Inspection(FileState.OLDER, revision=revision)
    return Inspection(FileState.CURRENT, revision=revision)


def _shorter_than_header_says(header: bytes, size: int, path: Path) -> bool:
    """True when the header's page count says the file should be longer than it is.

    With a write-ahead log beside the file, pages may still live in the log, so the check is
    skipped then.
    """
    if Path(f"{path}-wal").exists():
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]
    return header_valid and pages * page_size > size
