"""The session being logged: its database id (once the first set is saved), its details and the
sets table of each exercise in it. Undo commands act through this object, so they keep working
when undo and redo give the session and its sets new database ids."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from hiplog.domain.models import Session, SetEntry
from hiplog.services import records, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.undo_support import id_map


class LogSession:
    """State shared by the Log view and its undo commands."""

    def __init__(self, ctx: AppContext, events: DataEvents, started_at: datetime) -> None:
        self.ctx = ctx
        self.events = events
        self.session_id: int | None = None
        #: The id the session had before its last set was deleted (undo may bring it back).
        self._dropped_id: int | None = None
        self.started_at = started_at
        self.bodyweight_kg: float | None = None
        self.notes = ""
        #: When a set was last added here (None: none since the session was opened).
        self.last_set_at: datetime | None = None
        self.models: dict[str, SetsTableModel] = {}
        #: Called after every change that reached the database (the view refreshes badges).
        self.on_changed: Callable[[str | None], None] = lambda slug: None
        #: True while this session tells the other views about its own change.
        self.emitting = False
        #: Working sets before this session, per exercise, for the record badges.
        self._earlier: dict[str, list[SetEntry]] = {}

    def model(self, slug: str) -> SetsTableModel:
        return self.models[slug]

    def save_set(self, entry: SetEntry, write_token: str | None = None) -> SetEntry:
        """Add a set to the session, creating the session with the first set (one service call,
        so nothing is left behind if it fails). With the set's `write_token`, a set an earlier
        try saved (its acknowledgement lost) is returned, not added again."""
        details = Session(
            started_at=self.started_at,
            bodyweight_kg=self.bodyweight_kg,
            notes=self.notes,
            id=self.session_id,
        )
        session_id, saved = training_log.add_set_creating_session(
            self.ctx, details, entry, write_token
        )
        if self.session_id is None and self._dropped_id is not None:
            ids = id_map(self.ctx)
            ids.moved_session(ids.session_id(self._dropped_id), session_id)
        self.session_id = session_id
        self.last_set_at = datetime.now()
        return saved

    def delete_set(self, set_id: int) -> None:
        """Delete a set, and the session with its last set, so no empty session is left."""
        assert self.session_id is not None
        if training_log.delete_set_and_empty_session(self.ctx, set_id, self.session_id):
            self._dropped_id, self.session_id = self.session_id, None

    def forget_earlier_sets(self) -> None:
        """The history before this session may have changed (or the session moved in time)."""
        self._earlier.clear()

    def refresh_records(self, slug: str) -> None:
        """Mark the saved sets of `slug` that are personal records; raises if it cannot read."""
        model = self.models.get(slug)
        if model is None:
            return
        saved = model.saved_rows()
        history = self._earlier.get(slug)
        if history is None:
            history = self._earlier[slug] = records.earlier_sets(
                self.ctx, slug, self.started_at, self.session_id
            )
        found = records.session_records(
            self.ctx,
            slug,
            [r.entry(slug) for r in saved],
            self.started_at,
            self.session_id,
            history,
        )
        model.set_records({r.key: kinds for r, kinds in zip(saved, found, strict=True)})

    def next_order(self, slug: str) -> int:
        orders = [r.order for r in self.models[slug].saved_rows()] if slug in self.models else []
        return max(orders, default=0) + 1

    def changed(self, slug: str | None) -> None:
        self.emitting = True
        try:
            self.events.sessions_changed.emit()
        finally:
            self.emitting = False
        self.on_changed(slug)
