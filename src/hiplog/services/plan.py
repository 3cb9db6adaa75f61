"""The Plan: next-session suggestions from the rules, on the history they need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from hiplog.domain.models import Session
from hiplog.domain.plan import Plan, build_plan
from hiplog.domain.program_plan import build_program_plan
from hiplog.domain.programs import program_slugs
from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import session_repo

# Rules look back at most this many sessions of one exercise (deload needs three).
SESSIONS_PER_EXERCISE = 3


def history_for_plan(ctx: AppContext, as_of: datetime, also: Iterable[str] = ()) -> list[Session]:
    """What the rules need: every session in the look-back window and the last few sessions of
    each exercise trained in it, or named in `also` (a program's exercises). Nothing after
    `as_of`."""
    lookback = timedelta(days=ctx.settings().lookback_days)
    end = as_of + timedelta(seconds=1)
    with ctx.db.reader() as tx:
        recent = session_repo.sessions_between(tx, as_of - lookback, end)
        by_id: dict[int | None, Session] = {s.id: s for s in recent}
        whole = set(by_id)
        sessions_with: dict[str, int] = {}
        for s in recent:
            for slug in {entry.exercise for entry in s.sets}:
                sessions_with[slug] = sessions_with.get(slug, 0) + 1
        for slug in also:
            sessions_with.setdefault(slug, 0)
        for slug in sorted(sessions_with):
            if sessions_with[slug] >= SESSIONS_PER_EXERCISE:
                continue  # its last few sessions are all inside the window already
            for older in session_repo.sessions_of_exercise(
                tx, slug, before=end, last=SESSIONS_PER_EXERCISE
            ):
                # An older session holds only this exercise's sets: join the parts of it.
                known = by_id.get(older.id)
                if known is None:
                    by_id[older.id] = older
                elif older.id not in whole:
                    by_id[older.id] = replace(known, sets=known.sets + older.sets)
        # The session before the window, for the recovery check between the last two sessions.
        before = session_repo.last_session_before(tx, as_of - lookback)
        if before is not None:
            by_id[before.id] = before
    return sorted(by_id.values(), key=lambda s: (s.started_at, s.id or 0))


def suggest(ctx: AppContext, as_of: datetime | None = None, *, day: int | None = None) -> Plan:
    """The plan as of `as_of` (default now): the day due of the program followed, or `day` of
    it when the person picks another one; without a program, every recent exercise."""
    when = as_of or datetime.now().replace(microsecond=0)
    settings = ctx.settings()
    weight = bodyweight_kg(ctx)
    if weight and not settings.bodyweight_kg:
        settings = replace(settings, bodyweight_kg=weight)
    due = programs.today(ctx, when)
    if due is None:
        return build_plan(history_for_plan(ctx, when), ctx.catalog(), settings, when)
    program, _, today = due
    catalog = ctx.catalog()
    history = history_for_plan(ctx, when, program_slugs(program, catalog.get))
    chosen = today if day is None else day % len(program.days)
    return build_program_plan(history, catalog, settings, when, program, chosen)
