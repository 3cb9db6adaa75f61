"""One undo command per action in the Log view: add, edit and delete a set, change the
session's details. Each calls the training_log services and tells the views through DataEvents.

They follow the rule of every command (see ui/common/undo_support.py): pushed with `push()`,
they run at once. If the database refuses the first run (a full disk, a read-only file),
nothing is pushed, and the Log view keeps what was typed and shows why; later undo and redo
refusals are announced on the stack's notices. A set re-added by undo or redo gets a new id,
which goes into the one `id_map` every view's commands share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime

from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.translation import exercise_name
from hiplog.services import training_log
from hiplog.ui.common.set_row import SetRow
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.translation import _
from hiplog.ui.common.undo_support import ServiceCommand, id_map
from hiplog.ui.log.log_session import LogSession


@contextmanager
def _rows_still_here() -> Iterator[None]:
    """A row that is gone means the session was changed elsewhere (History, a restore)."""
    try:
        yield
    except KeyError as exc:
        raise InputError(_("that set is no longer in this session")) from exc


class LogCommand(ServiceCommand):
    """A command on the session being logged (its own session object, so undo still reaches
    a session left behind by "New session")."""

    def __init__(self, log: LogSession, text: str) -> None:
        super().__init__(text)
        self.log = log


class AddSetCommand(LogCommand):
    """Save a completed draft row as a set."""

    def __init__(self, log: LogSession, slug: str, key: int) -> None:
        model = log.model(slug)
        super().__init__(
            log, _("add a set of {name}").format(name=exercise_name(model.exercise.name))
        )
        self.slug = slug
        self.key = key
        self.position = model.row_of(key)
        self.row: SetRow = model.by_key(key)
        self.first_id: int | None = None  # the id of the first save; id_map finds it after

    @_rows_still_here()
    def apply(self) -> None:
        model = self.log.model(self.slug)
        order = self.log.next_order(self.slug)
        entry = replace(self.row.entry(self.slug), order=order, id=None)
        token = self._write_token(model)
        saved = self.log.save_set(entry, token)
        assert saved.id is not None
        if self.first_id is None:
            self.first_id = saved.id
        else:
            ids = id_map(self.log.ctx)
            ids.moved_set(ids.set_id(self.first_id), saved.id)
        try:
            model.mark_saved(self.key, saved.id, saved.order)
        except KeyError:
            model.insert_row(self.position, replace(self.row, set_id=saved.id, order=saved.order))
        if saved != replace(entry, id=saved.id, order=saved.order):
            # An earlier try had saved it (its acknowledgement lost) before the row was changed:
            # the row shows what the database holds, which can be edited as any saved set.
            model.apply_saved(self.key, saved)
        self.row = replace(model.by_key(self.key), write_token=None)
        model.ensure_trailing_draft()
        model.carry_load(self.key)
        self.log.changed(self.slug)

    def _write_token(self, model: SetsTableModel) -> str:
        """The row's write token, made on its first try and kept with the unsaved row (a retry
        is a new command on the same row)."""
        token = self.row.write_token or training_log.new_write_token()
        self.row = replace(self.row, write_token=token)
        with suppress(KeyError):  # a redo: the row is put back once saved
            model.keep_write_token(self.key, token)
        return token

    @_rows_still_here()
    def revert(self) -> None:
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        assert current.set_id is not None
        self.log.delete_set(current.set_id)
        self.position = model.row_of(self.key)
        self.row = replace(model.remove_row(self.key), set_id=None, write_token=None)
        self.log.changed(self.slug)


class EditSetCommand(LogCommand):
    """Change a saved set (load, reps, RIR, warm-up, side, band or notes)."""

    def __init__(
        self,
        log: LogSession,
        slug: str,
        key: int,
        new: SetEntry,
    ) -> None:
        model = log.model(slug)
        super().__init__(
            log, _("change a set of {name}").format(name=exercise_name(model.exercise.name))
        )
        self.slug = slug
        self.key = key
        self.old = model.by_key(key).entry(slug)
        self.new = new

    def _write(self, entry: SetEntry, was: SetEntry) -> None:
        # `was`: what the set held when shown here; another client's change since is refused.
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        entry = replace(entry, id=current.set_id, order=current.order)
        was = replace(was, id=current.set_id, order=current.order)
        training_log.update_set(self.log.ctx, entry, was)
        model.apply_saved(self.key, entry)
        self.log.changed(self.slug)

    @_rows_still_here()
    def apply(self) -> None:
        self._write(self.new, self.old)

    @_rows_still_here()
    def revert(self) -> None:
        self._write(self.old, self.new)


class DeleteSetCommand(LogCommand):
    """Delete a saved set; undo puts it back in the same place."""

    def __init__(self, log: LogSession, slug: str, key: int) -> None:
        model = log.model(slug)
        super().__init__(
            log, _("delete a set of {name}").format(name=exercise_name(model.exercise.name))
        )
        self.slug = slug
        self.key = key
        self.position = model.row_of(key)
        self.row = model.by_key(key)
        assert self.row.set_id is not None
        self.original_id = self.row.set_id
        self.token: str | None = None

    @_rows_still_here()
    def apply(self) -> None:
        model = self.log.model(self.slug)
        current = model.by_key(self.key)
        assert current.set_id is not None
        self.log.delete_set(current.set_id)
        self.position = model.row_of(self.key)
        self.row = model.remove_row(self.key)
        self.log.changed(self.slug)

    @_rows_still_here()
    def revert(self) -> None:
        model = self.log.model(self.slug)
        # One token for every try of this undo until one succeeds (as a draft's, AddSetCommand).
        self.token = self.token or training_log.new_write_token()
        saved = self.log.save_set(replace(self.row.entry(self.slug), id=None), self.token)
        self.token = None
        assert saved.id is not None
        ids = id_map(self.log.ctx)
        ids.moved_set(ids.set_id(self.original_id), saved.id)
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
    ) -> None:
        super().__init__(log, _("change the session's date or bodyweight"))
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

    @_rows_still_here()
    def apply(self) -> None:
        self._write(*self.new)

    @_rows_still_here()
    def revert(self) -> None:
        self._write(*self.old)


class RemoveExerciseCommand(LogCommand):
    """Take an exercise with no saved set out of the session (its saved sets are deleted
    first, each by its own command in the same macro); undo puts it back where it was, with
    the rows typed or planned in it. Nothing is in the database, so the view's own `take` and
    `put_back` do the work."""

    def __init__(
        self,
        log: LogSession,
        slug: str,
        take: Callable[[str], int],
        put_back: Callable[[str, SetsTableModel, int], None],
    ) -> None:
        model = log.model(slug)
        super().__init__(
            log,
            _("take {name} out of this session").format(name=exercise_name(model.exercise.name)),
        )
        self.slug = slug
        self.model = model
        self.position = 0
        self._take = take
        self._put_back = put_back

    @_rows_still_here()
    def apply(self) -> None:
        if self.log.model(self.slug).saved_rows():
            raise InputError(
                _("{name} has saved sets in this session; delete them first").format(
                    name=exercise_name(self.model.exercise.name)
                )
            )
        self.position = self._take(self.slug)

    def revert(self) -> None:
        self._put_back(self.slug, self.model, self.position)
