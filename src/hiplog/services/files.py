"""Writing files so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO, TypeVar

from hiplog.domain.errors import InputError
from hiplog.domain.translation import _

T = TypeVar("T")


SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def check_target(path: Path, *, replace: bool, protected: Iterable[Path] = ()) -> None:
    """Refuse to write a file over a database, a protected file or folder, or (unless
    `replace`) any existing file.

    `protected` holds files that must never be replaced (the database and its logs) and
    folders whose files must not be (the backups folder).
    """
    target = path.resolve()
    for guarded in protected:
        guarded = guarded.resolve()
        if target == guarded or target.parent == guarded:
            raise InputError(
                _("this is hiplog's database or one of its backups; choose another name"), str(path)
            )
    if path.is_dir():
        raise InputError(_("this is a folder; give a file name"), str(path))
    if _is_sqlite_file(path):
        raise InputError(
            _("a database file (SQLite) is there and is never replaced; choose another name"),
            str(path),
        )
    if not replace and (path.exists() or path.is_symlink()):
        raise InputError(
            _("a file is already there; choose another name (or --force to replace it)"), str(path)
        )


def _refusal(folder: Path, exc: OSError) -> str:
    """Why a file could not be written into `folder`, in a person's words."""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _(
            "could not write the file: the folder {folder} is read-only; choose another folder"
        ).format(folder=folder)
    if exc.errno == errno.ENOSPC:
        return _("could not write the file: the disk is full; free some space")
    return _("could not write the file: {value}").format(value=exc.strerror or exc)


def write_text_atomically(
    path: Path,
    write: Callable[[TextIO], T],
    *,
    replace: bool = False,
    protected: Iterable[Path] = (),
) -> T:
    """Call `write` on a temporary file beside `path`, then rename it into place.

    Returns what `write` returned (a count of rows, say) once the file is in place. An
    existing file is replaced only when `replace` says so, and never when it is a database or
    among `protected` (see check_target).
    """
    check_target(path, replace=replace, protected=protected)
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise InputError(_("the folder {folder} does not exist").format(folder=folder), str(path))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise InputError(_refusal(folder, exc), str(path)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        return result
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(_refusal(folder, exc), str(path)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
