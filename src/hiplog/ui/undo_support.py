"""Undo commands that call services, and the id bookkeeping they share.

A command's redo/undo calls a service and then tells every view through DataEvents. A service
that refuses (InputError) leaves the command obsolete, so the stack drops it; whoever pushed it
reads `failure` and shows the message.

Putting a deleted row back gives it a new database id. `IdMap` remembers old -> new ids per
open database, so older commands on the stack still find the rows they refer to.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtGui import QUndoCommand, QUndoStack

from hiplog.domain.errors import InputError
from hiplog.services.context import AppContext


class IdMap:
    """Where a set or session that was deleted and put back lives now."""

    def __init__(self) -> None:
        self._sets: dict[int, int] = {}
        self._sessions: dict[int, int] = {}

    @staticmethod
    def _follow(table: dict[int, int], original: int) -> int:
        current, seen = original, {original}
        while current in table and table[current] not in seen:
            current = table[current]
            seen.add(current)
        return current

    def set_id(self, original: int) -> int:
        return self._follow(self._sets, original)

    def session_id(self, original: int) -> int:
        return self._follow(self._sessions, original)

    def moved_set(self, old: int, new: int) -> None:
        if old != new:
            self._sets[old] = new
        else:
            self._sets.pop(old, None)

    def moved_session(self, old: int, new: int) -> None:
        if old != new:
            self._sessions[old] = new
        else:
            self._sessions.pop(old, None)


_ID_MAPS: WeakKeyDictionary[AppContext, IdMap] = WeakKeyDictionary()


def id_map(ctx: AppContext) -> IdMap:
    """The id map of one open database."""
    found = _ID_MAPS.get(ctx)
    if found is None:
        found = _ID_MAPS[ctx] = IdMap()
    return found


class ServiceCommand(QUndoCommand):
    """Base class: subclasses implement `apply` and `revert`; errors become `failure`."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.failure: InputError | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.apply()
        except InputError as exc:
            self.failure = exc
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.revert()
        except InputError as exc:
            self.failure = exc
            self.setObsolete(True)


def push(stack: QUndoStack, command: ServiceCommand) -> InputError | None:
    """Run `command` through the stack; the service's refusal, if any (then nothing changed)."""
    stack.push(command)
    return command.failure
