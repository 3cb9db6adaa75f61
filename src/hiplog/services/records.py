"""Personal records of the sets being logged, against everything logged before the session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hiplog.domain.models import SetEntry
from hiplog.domain.records import RecordKind, records_in_order
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import session_repo


def earlier_sets(
    ctx: AppContext, slug: str, before: datetime, exclude_session: int | None = None
) -> list[SetEntry]:
    """Every working set of `slug` in sessions that started before `before`, oldest first."""
    with ctx.db.reader() as tx:
        sessions = session_repo.sessions_of_exercise(tx, slug, before=before)
    return [
        entry
        for session in sessions
        if exclude_session is None or session.id != exclude_session
        for entry in session.sets
        if entry.is_working
    ]


def session_records(
    ctx: AppContext,
    slug: str,
    sets: Sequence[SetEntry],
    started_at: datetime,
    session_id: int | None = None,
    history: Sequence[SetEntry] | None = None,
) -> list[tuple[RecordKind, ...]]:
    """For each of `sets` (one session, in order), the personal records it sets.

    `history` is `earlier_sets(...)` when the caller keeps it (the Log view does, so saving a
    set does not read years of history again).
    """
    exercise = ctx.catalog().get(slug)
    if exercise is None:
        return [() for _ in sets]
    if history is None:
        history = earlier_sets(ctx, slug, started_at, session_id)
    return records_in_order(history, sets, exercise, bodyweight_kg(ctx))
