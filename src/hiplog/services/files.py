"""Writing files so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from hiplog.domain.errors import InputError

T = TypeVar("T")


def write_text_atomically(path: Path, write: Callable[[TextIO], T]) -> T:
    """Call `write` on a temporary file beside `path`, then rename it into place.

    Returns what `write` returned (a count of rows, say) once the file is in place.
    """
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise InputError(f"the folder {folder} does not exist", str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
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
        raise InputError(f"could not write the file: {exc.strerror or exc}", str(path)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
