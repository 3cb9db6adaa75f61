"""The history list, built from SQL aggregates so a ten-year log opens without loading sets.

Volume is the sum of reps x effective load of working sets: external load x implements plus the
exercise's bodyweight share x bodyweight (the session's own bodyweight, else the configured or
latest logged one), the same numbers `hiplog stats` reports per exercise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hiplog.domain.models import Exercise, SetEntry
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import history_repo, session_repo

#: Sessions fetched per page by the history list.
PAGE_SIZE = 200


@dataclass(frozen=True)
class HistoryRow:
    """One session in the history list."""

    session_id: int
    started_at: datetime
    exercises: tuple[str, ...]  # exercise names, in the order they were first done
    slugs: tuple[str, ...]
    sets: int  # every set, warm-ups included
    working_sets: int
    reps: int  # working reps
    volume_kg: float  # reps x effective load of working sets


def _name(exercise: Exercise | None, slug: str) -> str:
    return exercise.name if exercise is not None else slug


def history_page(
    ctx: AppContext, exercise: str | None = None, offset: int = 0, limit: int = PAGE_SIZE
) -> list[HistoryRow]:
    """Sessions newest first (only those that include `exercise`, when given)."""
    catalog = ctx.catalog()
    with ctx.db.reader() as tx:
        page = history_repo.session_page(tx, exercise, limit=limit, offset=offset)
        if not page:
            return []
        totals = session_repo.session_totals(tx, [session_id for session_id, _s, _kg in page])
    default_bw = bodyweight_kg(ctx) or 0.0
    # per session: names, slugs, [sets, working sets, reps, volume]; built in place, since a
    # refresh of a long scrolled list sums thousands of (session, exercise) rows
    names: dict[int, list[str]] = {session_id: [] for session_id, _started, _kg in page}
    slugs: dict[int, list[str]] = {session_id: [] for session_id, _started, _kg in page}
    sums: dict[int, list[float]] = {session_id: [0, 0, 0, 0.0] for session_id, _s, _kg in page}
    bodyweights = {session_id: kg or default_bw for session_id, _started, kg in page}
    known: dict[str, Exercise | None] = {}
    for t in totals:
        acc = sums[t.session_id]
        if t.exercise not in known:
            known[t.exercise] = catalog.get(t.exercise)
        ex = known[t.exercise]
        implements = ex.implements if ex is not None else 1
        share = ex.bodyweight_share if ex is not None else 0.0
        names[t.session_id].append(_name(ex, t.exercise))
        slugs[t.session_id].append(t.exercise)
        acc[0] += t.all_sets
        acc[1] += t.working_sets
        acc[2] += t.reps
        acc[3] += t.load_reps_kg * implements + share * bodyweights[t.session_id] * t.reps
    return [
        HistoryRow(
            session_id,
            started,
            tuple(names[session_id]),
            tuple(slugs[session_id]),
            int(sums[session_id][0]),
            int(sums[session_id][1]),
            int(sums[session_id][2]),
            float(sums[session_id][3]),
        )
        for session_id, started, _kg in page
    ]


def session_count(ctx: AppContext, exercise: str | None = None) -> int:
    with ctx.db.reader() as tx:
        return history_repo.count_sessions(tx, exercise)


def position_of(ctx: AppContext, session_id: int, exercise: str | None = None) -> int | None:
    """Row of a session in the newest-first list, or None if it is not listed."""
    with ctx.db.reader() as tx:
        return history_repo.position_of(tx, session_id, exercise)


def training_days(ctx: AppContext, first: date, last: date) -> dict[date, list[int]]:
    """Session ids by day, for the days from `first` to `last` inclusive."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    with ctx.db.reader() as tx:
        starts = history_repo.session_starts_between(tx, start, end)
    days: dict[date, list[int]] = {}
    for session_id, started in starts:
        days.setdefault(started.date(), []).append(session_id)
    return days


def previous_set(ctx: AppContext, slug: str, before: datetime) -> SetEntry | None:
    """The last working set of `slug` in the latest session that started before `before`.

    Used to fill in a set added to an older session from what was done the time before.
    """
    with ctx.db.reader() as tx:
        found = session_repo.sessions_of_exercise(tx, slug, before=before, last=1)
    if not found:
        return None
    return last_set(found[-1].sets)


def last_set(sets: Sequence[SetEntry]) -> SetEntry | None:
    """The highest-numbered working set, else the highest-numbered set (warm-ups only)."""
    if not sets:
        return None
    working = [s for s in sets if not s.warmup] or list(sets)
    return max(working, key=lambda s: (s.order, s.id or 0))
