"""The one base of every undo command, and the id bookkeeping the commands share.

One rule for every view (BeeRef's): a command runs when it is pushed. `push()` puts it on the
stack, whose first `redo()` runs it; `redo()` calls the subclass's `apply()` and `undo()` its
`revert()`. Both call services and then tell every view through DataEvents. Tests run a command
by calling `redo()` and `undo()` directly.

Errors are reported one way. An error hiplog expects (HiplogError: a refusal such as InputError,
a database that cannot be written) or an OSError (a full disk) leaves the command obsolete, so
the stack drops it, and nothing half-done is left: each service call is one transaction.

Refusals are never silent:
- When a command is first pushed, `push()` returns the error and the caller shows it next to
  what the person just did (an editor's message label; the Log also keeps what was typed).
- A later undo or redo can be started from anywhere (Edit menu, Ctrl+Z in any view, a dialog's
  Undo button), so its refusal is announced on the stack's `UndoNotices`:
  `undo_notices(stack).refused` (Signal(str)) carries one sentence such as
  "Could not undo Create exercise Frog pump: 'Frog pump' has logged sets now, so it stays."
  Views connect it to their message label and show it while they are visible; the main window
  can connect the same signal to its status bar. The signal lives on a small QObject owned by
  the stack (one per stack, so two windows never see each other's messages); `push()` tells the
  command which stack it belongs to, so push commands through `push()`.
  `show_when_visible(view, show)` connects a view's message label that way.

Putting a deleted row back gives it a new database id. `IdMap` remembers old -> new ids per
open database, for every view, so older commands on the stack still find the rows they refer to.
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from hiplog.domain.errors import HiplogError
from hiplog.services.context import AppContext
from hiplog.ui.common.translation import _


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


_NOTICES_NAME = "hiplog_undo_notices"


class UndoNotices(QObject):
    """What happened to undo and redo on one stack that the person needs to be told."""

    refused = Signal(str)  # an undo or redo was refused: the sentence says what and why


def undo_notices(stack: QUndoStack) -> UndoNotices:
    """The notices of one undo stack (created on first use as a child of the stack)."""
    found = stack.findChild(UndoNotices, _NOTICES_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(found, UndoNotices):
        return found
    notices = UndoNotices(stack)
    notices.setObjectName(_NOTICES_NAME)
    return notices


def show_when_visible(view: QWidget, stack: QUndoStack, show: Callable[[str], None]) -> None:
    """Show the stack's undo and redo refusals with `show` while `view` is visible: an undo
    started from another view is said where the person looks, not in a hidden page."""

    def refused(text: str) -> None:
        if view.isVisible():
            show(text)

    undo_notices(stack).refused.connect(refused)


#: The errors a command reports instead of raising: hiplog's own, and the file system's.
CommandError = HiplogError | OSError


class ServiceCommand(QUndoCommand):
    """Base class of every undo command: subclasses implement `apply` and `revert`.

    The stack's `redo()` runs `apply()` (also the first time, on push) and `undo()` runs
    `revert()`. An error becomes `failure` and makes the command obsolete; the first run's is
    left to `push()`'s caller, a later undo's or redo's is announced on the stack's
    `UndoNotices` (see the module docstring).
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.failure: CommandError | None = None
        self.notices: UndoNotices | None = None  # set by push() once the command is on a stack

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _refused(self, message: str, exc: CommandError) -> None:
        """`message` is a translated "Could not undo {action}: {reason}." or its redo."""
        self.failure = exc
        self.setObsolete(True)
        if self.notices is not None:
            reason = str(exc).rstrip(".")
            self.notices.refused.emit(message.format(action=self.text(), reason=reason))

    def redo(self) -> None:
        try:
            self.apply()
        except (HiplogError, OSError) as exc:
            self._refused(_("Could not redo {action}: {reason}."), exc)

    def undo(self) -> None:
        try:
            self.revert()
        except (HiplogError, OSError) as exc:
            self._refused(_("Could not undo {action}: {reason}."), exc)


def push(stack: QUndoStack, command: ServiceCommand) -> CommandError | None:
    """Run `command` through the stack; its error, if any (then nothing changed and nothing
    was pushed).

    Later undo and redo refusals of the command are announced on `undo_notices(stack)`.
    """
    stack.push(command)
    if command.failure is None:
        command.notices = undo_notices(stack)
    return command.failure
