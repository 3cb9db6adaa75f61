"""Unexpected errors go to a log file in the platform log folder, with the full traceback.

Nothing written there or shown in a report carries a password: a server URL's is masked."""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from hiplog import __version__
from hiplog.services.locations import Locations
from hiplog.storage.server import mask as mask  # also for the command line

_LOGGER_NAME = "hiplog"


class _MaskingFormatter(logging.Formatter):
    """Every line written to the log file with passwords (a server URL's, password=...) masked."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def configure_file_log(locations: Locations) -> Path | None:
    """Send hiplog's log records to its log file, readable by its owner only (0600).

    Returns the file's path, or None when the log folder cannot be written: the log is then
    left out rather than failing or printing anything.
    """
    logger = logging.getLogger(_LOGGER_NAME)
    path = locations.log_file
    if not any(isinstance(h, logging.FileHandler) for h in logger.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            path.chmod(0o600)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            return None
        handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return path


def error_report(exc: BaseException) -> str:
    """A plain-text report a person can copy into a bug report."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return _private(exc, f"hiplog {__version__}\n{type(exc).__name__}: {exc}\n\n{trace}")


def error_line(exc: BaseException) -> str:
    """The exception's type and message, fit to show a person (the command line)."""
    return _private(exc, f"{type(exc).__name__}: {exc}")


def _private(exc: BaseException, text: str) -> str:
    """`text` without a password or the values of a row a server refused."""
    for detail in _row_details(exc):
        text = text.replace(detail, "(the row's values are left out)")
    return mask(text)


def _row_details(exc: BaseException) -> list[str]:
    """The DETAIL of each PostgreSQL error in the chain: a refused write's names the row it
    refused ("Failing row contains (...)"), a person's notes and all."""
    details: list[str] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        error = todo.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        detail = getattr(getattr(error, "diag", None), "message_detail", None)
        if isinstance(detail, str) and detail:
            details.append(detail)
        orig = getattr(error, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [error.__cause__, error.__context__]
    return details


def log_exception(locations: Locations, exc: BaseException) -> Path | None:
    """Write the exception with its traceback to the log file; returns the file's path, or
    None when there is no log file (its folder cannot be written)."""
    path = configure_file_log(locations)
    if path is None:
        # Logging with no handler would print the traceback on the terminal.
        return None
    logging.getLogger(_LOGGER_NAME).error("unexpected error\n%s", error_report(exc))
    return path
