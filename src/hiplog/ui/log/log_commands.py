"""One undo command per action in the Log view: add, edit and delete a set, change the
session's details. Each calls the training_log services and tells the views through DataEvents.

A command is first run with `apply()`, before it is pushed on the undo stack: if the database
refuses the change (a full disk, a read-only file), the error reaches the Log view, which keeps
what was typed and shows why, and nothing is pushed. The stack's own first `redo()` is then a
no-op. Later undo and redo failures are reported through `LogSession`'s owner (`report`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtGui import QUndoCommand

from hiplog.domain.errors import HiplogError
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.ui.log.log_session import LogSession
from hiplog.ui.log.sets_table_model import SetRow

Reporter = Callable[[str], None]


def _ignore(message: str) -> None:
    return None


class LogCommand(QUndoCommand):
    """Applied once by `apply()`; the stack's first `redo()` does nothing."""

    def __init__(self, log: LogSession, text: str, report: Reporter = _ignore) -> None:
        super().__init__(text)
        self.log = log
        self.report = report
        self._applied = False

    def apply(self) -> None:
        """Run the change now; raises if the database refuses it."""
        self.do()
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._guard(self.do)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except (OSError, HiplogError) as exc:
            self.report(f"Could not {self.text()}: {exc}")
            self.setObsolete(True)
        except KeyError:
            # The row is gone: the session was changed elsewhere (History, a restore).
            self.report(f"Could not {self.text()}: that set is no longer in this session.")
            self.setObsolete(True)

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddSetCommand(LogCommand):
    """Save a completed draft row as a set."""

    def __init__(self, log: LogSession, slug: str, key: int, report: Reporter = _ignore) -> None:
        model = log.model(slug)
        super().__init__(log, f"add a set of {model.exercise.name}", report)
        self.slug = slug
        self.key = key
        self.position = model.row_of(key)
        self.row: SetRow = model.by_key(key)

    def do(self) -> None:
        model = self.log.model(self.slug)
        order = self.log.next_order(self.slug)
        entry = replace(self.row.entry(self.slug), order=order, id=None)
        saved = self.log.save_set(entry)
        assert saved.id is not None
        try:
            model.mark_saved(self.key, saved.id, saved.order)
        except KeyError:
            model.insert_row(self.position, replace(self.row, set_id=saved.id, order=saved.order))
        self.row = model.by_key(self.key)
        model.ensure_trailing_draft()
        model.carry_load(self.key)
        self.log.changed(self.slug)

    def revert(self) -> None:
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        assert current.set_id is not None
        training_log.delete_set(self.log.ctx, current.set_id)
        self.position = model.row_of(self.key)
        self.row = replace(model.remove_row(self.key), set_id=None)
        self.log.drop_session_if_empty()
        self.log.changed(self.slug)


class EditSetCommand(LogCommand):
    """Change a saved set (load, reps, RIR, warm-up, side, band or notes)."""

    def __init__(
        self,
        log: LogSession,
        slug: str,
        key: int,
        new: SetEntry,
        report: Reporter = _ignore,
    ) -> None:
        model = log.model(slug)
        super().__init__(log, f"change a set of {model.exercise.name}", report)
        self.slug = slug
        self.key = key
        self.old = model.by_key(key).entry(slug)
        self.new = new

    def _write(self, entry: SetEntry) -> None:
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        entry = replace(entry, id=current.set_id, order=current.order)
        training_log.update_set(self.log.ctx, entry)
        model.apply_saved(self.key, entry)
        self.log.changed(self.slug)

    def do(self) -> None:
        self._write(self.new)

    def revert(self) -> None:
        self._write(self.old)


class DeleteSetCommand(LogCommand):
    """Delete a saved set; undo puts it back in the same place."""

    def __init__(self, log: LogSession, slug: str, key: int, report: Reporter = _ignore) -> None:
        model = log.model(slug)
        super().__init__(log, f"delete a set of {model.exercise.name}", report)
        self.slug = slug
        self.key = key
        self.position = model.row_of(key)
        self.row = model.by_key(key)

    def do(self) -> None:
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        assert current.set_id is not None
        training_log.delete_set(self.log.ctx, current.set_id)
        self.position = model.row_of(self.key)
        self.row = model.remove_row(self.key)
        self.log.drop_session_if_empty()
        self.log.changed(self.slug)

    def revert(self) -> None:
        model = self.log.model(self.slug)
        saved = self.log.save_set(replace(self.row.entry(self.slug), id=None))
        assert saved.id is not None
        model.insert_row(self.position, replace(self.row, set_id=saved.id, order=saved.order))
        self.log.changed(self.slug)


class EditSessionCommand(LogCommand):
    """Change the session's start time or bodyweight (saved at once if the session exists)."""

    def __init__(
        self,
        log: LogSession,
        started_at: datetime,
        bodyweight_kg: float | None,
        apply_to_view: Callable[[datetime, float | None], None],
        report: Reporter = _ignore,
    ) -> None:
        super().__init__(log, "change the session's date or bodyweight", report)
        self.old = (log.started_at, log.bodyweight_kg)
        self.new = (started_at, bodyweight_kg)
        self.apply_to_view = apply_to_view

    def _write(self, started_at: datetime, bodyweight_kg: float | None) -> None:
        if self.log.session_id is not None:
            training_log.update_session_details(
                self.log.ctx, self.log.session_id, started_at, self.log.notes, bodyweight_kg
            )
        self.log.started_at, self.log.bodyweight_kg = started_at, bodyweight_kg
        self.apply_to_view(started_at, bodyweight_kg)
        if self.log.session_id is not None:
            self.log.changed(None)

    def do(self) -> None:
        self._write(*self.new)

    def revert(self) -> None:
        self._write(*self.old)
