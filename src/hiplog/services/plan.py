"""The Plan: next-session suggestions from the rules, on the history they need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from hiplog.domain.metrics import is_hip_extension
from hiplog.domain.models import Session
from hiplog.domain.plan import Plan, build_plan
from hiplog.domain.program_plan import build_program_plan
from hiplog.domain.programs import program_slugs
from hiplog.domain.progression import Suggestion
from hiplog.domain.progression import suggest as suggest_rules
from hiplog.domain.settings import ProgressionSettings, effective_exercise
from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import body_repo, session_repo

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


def _settings(ctx: AppContext) -> ProgressionSettings:
    """The settings, with the latest recorded bodyweight when the settings hold none."""
    settings = ctx.settings()
    weight = bodyweight_kg(ctx)
    if weight and not settings.bodyweight_kg:
        settings = replace(settings, bodyweight_kg=weight)
    return settings


def suggest(ctx: AppContext, as_of: datetime | None = None, *, day: int | None = None) -> Plan:
    """The plan as of `as_of` (default now): the day due of the program followed, or `day` of
    it when the person picks another one; without a program, every recent exercise."""
    when = as_of or datetime.now().replace(microsecond=0)
    settings = _settings(ctx)
    due = programs.today(ctx, when)
    with ctx.db.reader() as tx:  # the newest of an entry and a session's, up to as-of
        weight = body_repo.latest_bodyweight(tx, when)
    if due is None:
        history = history_for_plan(ctx, when)
        return build_plan(history, ctx.catalog(), settings, when, bodyweight_kg=weight)
    program, _due_day, today = due
    catalog = ctx.catalog()
    history = history_for_plan(ctx, when, program_slugs(program, catalog.get))
    chosen = today if day is None else day % len(program.days)
    return build_program_plan(
        history, catalog, settings, when, program, chosen, bodyweight_kg=weight
    )


def suggest_exercise(ctx: AppContext, slug: str, as_of: datetime) -> Suggestion | None:
    """The rules' suggestion for one exercise however long ago it was trained (the Log's
    targets for an exercise the plan does not hold): after a long break, the lighter load of
    `return-after-gap`; never trained, `start`. None for other training and unknown slugs."""
    exercise = ctx.catalog().get(slug)
    if exercise is None or exercise.is_other:
        return None
    settings = _settings(ctx)
    with ctx.db.reader() as tx:
        history = session_repo.sessions_of_exercise(
            tx, slug, before=as_of + timedelta(seconds=1), last=SESSIONS_PER_EXERCISE
        )
        # as the Plan: the newest recorded bodyweight up to as-of, else the settings'
        weight = body_repo.latest_bodyweight(tx, as_of) or settings.bodyweight_kg
    return suggest_rules(
        effective_exercise(exercise, settings),
        history,
        settings,
        as_of,
        lookup=ctx.catalog().get,
        bodyweight_kg=weight,
    )


def last_hip_session(ctx: AppContext, as_of: datetime) -> datetime | None:
    """When the last session with hip work (a working set of a hip-extension exercise) at or
    before `as_of` started; None when there is none."""
    slugs = [e.slug for e in ctx.catalog() if is_hip_extension(e)]
    with ctx.db.reader() as tx:
        return session_repo.last_start_with(tx, slugs, as_of + timedelta(seconds=1))


def has_sessions(ctx: AppContext) -> bool:
    """Does the database hold any session at all (of any exercise)?"""
    with ctx.db.reader() as tx:
        return session_repo.count_sessions(tx) > 0
