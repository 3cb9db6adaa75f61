"""The Plan: next-session suggestions from the rules, on the history they need."""

from __future__ import annotations

from datetime import datetime, timedelta

from hiplog.domain.models import Session
from hiplog.domain.plan import Plan, build_plan
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import session_repo

# Rules look back at most this many sessions of one exercise (deload needs three).
SESSIONS_PER_EXERCISE = 3


def history_for_plan(ctx: AppContext, as_of: datetime) -> list[Session]:
    """What the rules need: every session in the look-back window and the last few sessions of
    each exercise trained in it. Nothing after `as_of`."""
    lookback = timedelta(days=ctx.settings().lookback_days)
    end = as_of + timedelta(seconds=1)
    with ctx.db.reader() as tx:
        recent = session_repo.sessions_between(tx, as_of - lookback, end)
        by_id: dict[int | None, Session] = {s.id: s for s in recent}
        sessions_with: dict[str, int] = {}
        for s in recent:
            for slug in {entry.exercise for entry in s.sets}:
                sessions_with[slug] = sessions_with.get(slug, 0) + 1
        for slug in sorted(sessions_with):
            if sessions_with[slug] >= SESSIONS_PER_EXERCISE:
                continue  # its last few sessions are all inside the window already
            for older in session_repo.sessions_of_exercise(
                tx, slug, before=end, last=SESSIONS_PER_EXERCISE
            ):
                by_id.setdefault(older.id, older)
        # The session before the window, for the recovery check between the last two sessions.
        before = session_repo.last_session_before(tx, as_of - lookback)
        if before is not None:
            by_id.setdefault(before.id, before)
    return sorted(by_id.values(), key=lambda s: (s.started_at, s.id or 0))


def suggest(ctx: AppContext, as_of: datetime | None = None) -> Plan:
    when = as_of or datetime.now().replace(second=0, microsecond=0)
    settings = ctx.settings()
    weight = bodyweight_kg(ctx)
    if weight and not settings.bodyweight_kg:
        from dataclasses import replace

        settings = replace(settings, bodyweight_kg=weight)
    return build_plan(history_for_plan(ctx, when), ctx.catalog(), settings, when)
