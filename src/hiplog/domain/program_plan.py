"""The plan for a program day: the day's entries in order, each with the progression engine's
suggestion under the entry's sets and rep range, and the same timing line and warnings as the
plan without a program (plan.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from hiplog.domain.catalog import Catalog
from hiplog.domain.metrics import ExerciseLookup
from hiplog.domain.models import Exercise, Session
from hiplog.domain.plan import Plan, ProgramDayInfo, plan_with
from hiplog.domain.programs import Program, ProgramEntry, current_rung, entry_slugs
from hiplog.domain.progression import Suggestion, suggest_from_index
from hiplog.domain.readings import ExerciseSession, index_history, latest_bodyweight
from hiplog.domain.settings import ProgressionSettings, effective_exercise

#: "Recently trained" for the quiet line about exercises that are not in the day.
RECENT = timedelta(days=7)


def _entry_lookup(
    entry: ProgramEntry, lookup: ExerciseLookup, settings: ProgressionSettings
) -> ExerciseLookup:
    """The catalog as the entry sees it: its sets on every rung, its rep range on the exercise
    or ladder rung it names (a later rung keeps its own range: the rungs differ in difficulty)."""
    rungs = set(entry_slugs(entry, lookup))

    def find(slug: str) -> Exercise | None:
        ex = lookup(slug)
        if ex is None:
            return None
        ex = effective_exercise(ex, settings)
        if slug not in rungs or ex.is_activation:
            return ex
        if slug == entry.slug:
            return replace(ex, sets=entry.sets, rep_range=entry.rep_range)
        return replace(ex, sets=entry.sets)

    return find


def entry_suggestion(
    entry: ProgramEntry,
    index: dict[str, list[ExerciseSession]],
    lookup: ExerciseLookup,
    settings: ProgressionSettings,
    as_of: datetime,
    bodyweight_kg: float | None,
) -> Suggestion | None:
    """The suggestion for one entry (None for an exercise the catalog no longer knows)."""
    seen = _entry_lookup(entry, lookup, settings)
    rung = current_rung(entry, (s for s in index if index[s]), lookup)
    exercise = seen(rung)
    if exercise is None:
        return None
    sug = suggest_from_index(
        exercise, index, settings, as_of, lookup=seen, bodyweight_kg=bodyweight_kg
    )
    return replace(sug, warmup=True) if entry.warmup and not sug.warmup else sug


def build_program_plan(
    history: Sequence[Session],
    catalog: Iterable[Exercise] | Catalog,
    settings: ProgressionSettings,
    as_of: datetime,
    program: Program,
    day_index: int,
    *,
    bodyweight_kg: float | None = None,
) -> Plan:
    """The plan for day `day_index` of `program`: timing and warnings as without a program,
    suggestions for the day's entries in the day's order (`bodyweight_kg` as in build_plan)."""
    by_slug = {e.slug: e for e in catalog}
    lookup = by_slug.get
    past = [s for s in history if s.started_at <= as_of]
    index = index_history(past, as_of)
    bodyweight = bodyweight_kg or latest_bodyweight(past, as_of) or settings.bodyweight_kg
    day = program.days[day_index]
    suggestions = [
        sug
        for entry in day.entries
        for sug in (entry_suggestion(entry, index, lookup, settings, as_of, bodyweight),)
        if sug is not None
    ]
    in_day = {slug for entry in day.entries for slug in entry_slugs(entry, lookup)}
    recent = {entry.exercise for s in past if s.started_at > as_of - RECENT for entry in s.sets}
    others = tuple(
        ex.slug for ex in by_slug.values() if ex.slug in recent and ex.slug not in in_day
    )
    n = len(program.days)
    info = ProgramDayInfo(
        program.name, day.name, program.days[(day_index + 1) % n].name, day_index, others
    )
    return plan_with(past, lookup, settings, as_of, tuple(suggestions), info)
