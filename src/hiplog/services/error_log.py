"""Unexpected errors go to a log file in the platform log folder, with the full traceback."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from hiplog import __version__
from hiplog.services.locations import Locations

_LOGGER_NAME = "hiplog"


def configure_file_log(locations: Locations) -> Path:
    """Send hiplog's log records to its log file (created on first use). Returns its path."""
    logger = logging.getLogger(_LOGGER_NAME)
    path = locations.log_file
    if not any(isinstance(h, logging.FileHandler) for h in logger.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        except OSError:
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return path


def error_report(exc: BaseException) -> str:
    """A plain-text report a person can copy into a bug report."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"hiplog {__version__}\n{type(exc).__name__}: {exc}\n\n{trace}"


def log_exception(locations: Locations, exc: BaseException) -> Path:
    """Write the exception with its traceback to the log file; returns the file's path."""
    path = configure_file_log(locations)
    logging.getLogger(_LOGGER_NAME).error("unexpected error\n%s", error_report(exc))
    return path
