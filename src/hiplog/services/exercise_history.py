"""What the Log view shows beside the sets being typed: the last session of an exercise, and
a session that is still going on (so a restart picks up where it left off)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiplog.domain.models import Session
from hiplog.services.context import AppContext
from hiplog.services.training_log import JOIN_WINDOW
from hiplog.storage import session_repo

#: A session that started this long ago or less is treated as still going on: the window in
#: which sets logged without a date join it (training_log.log_sets).
ONGOING_WINDOW = JOIN_WINDOW


def last_session(
    ctx: AppContext, slug: str, before: datetime, exclude_session: int | None = None
) -> Session | None:
    """The most recent session of `slug` that started before `before` (only its sets of `slug`)."""
    with ctx.db.reader() as tx:
        found = session_repo.sessions_of_exercise(tx, slug, before=before, last=2)
    found = [s for s in found if exclude_session is None or s.id != exclude_session]
    return found[-1] if found else None


def ongoing_session(ctx: AppContext, now: datetime) -> Session | None:
    """The latest session that started within the last three hours, with all its sets."""
    with ctx.db.reader() as tx:
        found = session_repo.sessions_between(tx, now - ONGOING_WINDOW, now + timedelta(seconds=1))
    return found[-1] if found else None
