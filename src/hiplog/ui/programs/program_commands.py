"""Undoable changes to programs: every edit in the editor, and following a program.

An edit is stored as the whole program before and after it (a program is a few dozen rows), so
one command covers adding, removing, moving, renaming and changing days and entries alike.
"""

from __future__ import annotations

from datetime import datetime

from hiplog.domain.programs import Program, ProgramRun
from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _
from hiplog.ui.common.undo_support import ServiceCommand


class ChangeProgram(ServiceCommand):
    """Replace `before` by `after`: None before creates a program, None after deletes one."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        text: str,
        before: Program | None,
        after: Program | None,
    ) -> None:
        super().__init__(text)
        self._ctx, self._events = ctx, events
        self.before, self.after = before, after
        self._runs: list[ProgramRun] = []  # a deleted program's runs, put back on undo

    def _put(self, old: Program | None, new: Program | None) -> None:
        if new is None:
            assert old is not None
            self._runs = programs.delete_program(self._ctx, old.name)
        elif old is None and self._runs:
            programs.restore_program(self._ctx, new, self._runs)
        else:
            programs.save_program(self._ctx, new, replacing=None if old is None else old.name)
        self._events.programs_changed.emit()

    def apply(self) -> None:
        self._put(self.before, self.after)

    def revert(self) -> None:
        self._put(self.after, self.before)


class FollowProgram(ServiceCommand):
    """Follow a program (a starter is copied first) from its first day, or none (name None)."""

    def __init__(self, ctx: AppContext, events: DataEvents, name: str | None) -> None:
        super().__init__(
            _("Follow {name}").format(name=name) if name else _("Stop following a program")
        )
        self._ctx, self._events = ctx, events
        self._name = name
        self._at = datetime.now().replace(second=0, microsecond=0)
        self._previous: ProgramRun | None = None
        self._copied: str | None = None

    def apply(self) -> None:
        self._previous = programs.active_run(self._ctx)
        own = {p.name for p in programs.own_programs(self._ctx)}
        followed = programs.use_program(self._ctx, self._name, at=self._at)
        self._copied = followed.name if followed and followed.name not in own else None
        self._events.programs_changed.emit()

    def revert(self) -> None:
        programs.undo_use(self._ctx, self._at, self._previous)
        if self._copied is not None:
            programs.delete_program(self._ctx, self._copied)
        self._events.programs_changed.emit()
