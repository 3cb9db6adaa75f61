"""Errors that describe bad input in words a person can act on."""

from __future__ import annotations


class HiplogError(Exception):
    """Base class for errors hiplog expects and explains."""


class InputError(HiplogError):
    """Bad input from a person or a file. The message says what is wrong and where.

    `where` is a location such as ``"out.csv line 14"`` or ``"set 2"``; it is prefixed to the
    message when present.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class DatabaseError(HiplogError):
    """The database cannot be used as it is.

    `kind` is "damaged", "foreign", "newer", "locked" or "" (other); `path` is the file.
    """

    def __init__(self, message: str, path: str | None = None, kind: str = "") -> None:
        self.message = message
        self.path = path
        self.kind = kind
        super().__init__(message)


class ConflictError(InputError):
    """A change refused because another client changed or deleted the same row since this one
    read it. The message says what the row holds now; nothing was changed."""
