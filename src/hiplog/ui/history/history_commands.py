"""Undoable edits of logged training: one command per action in the History view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from hiplog.domain.models import Session, SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.undo_support import ServiceCommand, id_map

#: A session's editable details: start time, notes, bodyweight in kg.
SessionDetails = tuple[datetime, str, float | None]


class EditSet(ServiceCommand):
    """Change one saved set (a typo fix: load, reps, RIR, ...)."""

    def __init__(
        self, ctx: AppContext, events: DataEvents, before: SetEntry, after: SetEntry, what: str
    ) -> None:
        super().__init__(_("Edit {what} of set {number}").format(what=what, number=before.order))
        assert before.id is not None and before.id == after.id
        self._ctx, self._events = ctx, events
        self._before, self._after = before, after

    def _write(self, entry: SetEntry, was: SetEntry) -> None:
        # `was`: what the set held when shown here; another client's change since is refused.
        assert entry.id is not None
        current = id_map(self._ctx).set_id(entry.id)
        training_log.update_set(self._ctx, replace(entry, id=current), replace(was, id=current))
        self._events.sessions_changed.emit()

    def apply(self) -> None:
        self._write(self._after, self._before)

    def revert(self) -> None:
        self._write(self._before, self._after)


class DeleteSet(ServiceCommand):
    def __init__(
        self, ctx: AppContext, events: DataEvents, session_id: int, entry: SetEntry
    ) -> None:
        super().__init__(_("Delete set {number}").format(number=entry.order))
        assert entry.id is not None
        self._ctx, self._events = ctx, events
        self._session_id, self._entry = session_id, entry

    def apply(self) -> None:
        assert self._entry.id is not None
        current = id_map(self._ctx).set_id(self._entry.id)
        training_log.delete_set(self._ctx, current, replace(self._entry, id=current))
        self._events.sessions_changed.emit()

    def revert(self) -> None:
        assert self._entry.id is not None
        ids = id_map(self._ctx)
        restored = training_log.add_set(
            self._ctx, ids.session_id(self._session_id), replace(self._entry, id=None)
        )
        assert restored.id is not None
        ids.moved_set(ids.set_id(self._entry.id), restored.id)
        self._events.sessions_changed.emit()


class EditSessionDetails(ServiceCommand):
    """Change a session's start time, notes or bodyweight."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        session_id: int,
        before: SessionDetails,
        after: SessionDetails,
    ) -> None:
        super().__init__(_("Edit session details"))
        self._ctx, self._events = ctx, events
        self._session_id, self._before, self._after = session_id, before, after

    def _write(self, details: SessionDetails) -> None:
        started_at, notes, bodyweight = details
        current = id_map(self._ctx).session_id(self._session_id)
        training_log.update_session_details(self._ctx, current, started_at, notes, bodyweight)
        self._events.sessions_changed.emit()

    def apply(self) -> None:
        self._write(self._after)

    def revert(self) -> None:
        self._write(self._before)


class DeleteSession(ServiceCommand):
    """Delete a whole session; undo puts it back with every set.

    `announce(session_id, sentence)` (optional) is told after each delete (id None) and each
    put-back (the id the session has now), so the view can say so and select it."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        session_id: int,
        label: str,
        announce: Callable[[int | None, str], None] | None = None,
    ) -> None:
        super().__init__(_("Delete session {label}").format(label=label))
        self._ctx, self._events = ctx, events
        self._session_id, self._label = session_id, label
        self._deleted: Session | None = None
        self._announce = announce

    def apply(self) -> None:
        current = id_map(self._ctx).session_id(self._session_id)
        self._deleted = training_log.delete_session(self._ctx, current)
        self._events.sessions_changed.emit()
        if self._announce is not None:
            self._announce(
                None,
                _("Deleted the session of {label}. Undo with Ctrl+Z.").format(label=self._label),
            )

    def revert(self) -> None:
        deleted = self._deleted
        assert deleted is not None and deleted.id is not None
        restored = training_log.restore_session(self._ctx, deleted)
        assert restored.id is not None
        ids = id_map(self._ctx)
        ids.moved_session(deleted.id, restored.id)
        for old, new in zip(deleted.sets, restored.sets, strict=True):
            assert old.id is not None and new.id is not None
            ids.moved_set(old.id, new.id)
        self._events.sessions_changed.emit()
        if self._announce is not None:
            count = len(restored.sets)
            self._announce(
                restored.id,
                ngettext(
                    "Put back the session of {label} with its {count} set.",
                    "Put back the session of {label} with its {count} sets.",
                    count,
                ).format(label=self._label, count=count),
            )


class AddSet(ServiceCommand):
    """Add a forgotten set to a logged session; undo deletes it again."""

    def __init__(
        self, ctx: AppContext, events: DataEvents, session_id: int, entry: SetEntry, name: str
    ) -> None:
        super().__init__(_("Add set {number} of {name}").format(number=entry.order, name=name))
        self._ctx, self._events = ctx, events
        self._session_id, self._entry = session_id, replace(entry, id=None)
        self.added_id: int | None = None  # the id it got first; id_map finds it after a redo

    def apply(self) -> None:
        ids = id_map(self._ctx)
        saved = training_log.add_set(self._ctx, ids.session_id(self._session_id), self._entry)
        assert saved.id is not None
        if self.added_id is None:
            self.added_id = saved.id
        else:
            ids.moved_set(ids.set_id(self.added_id), saved.id)
        self._events.sessions_changed.emit()

    def revert(self) -> None:
        assert self.added_id is not None
        current = id_map(self._ctx).set_id(self.added_id)
        training_log.delete_set(self._ctx, current, replace(self._entry, id=current))
        self._events.sessions_changed.emit()
