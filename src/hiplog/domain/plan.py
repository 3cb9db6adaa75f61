"""The next-session plan: timing, one suggestion per recently trained exercise, warnings.

`plan_to_json` gives the ``hiplog suggest --json`` document of architecture.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.metrics import DATE_FORMAT
from hiplog.domain.models import Exercise, Session
from hiplog.domain.progression import Suggestion, suggest_from_index
from hiplog.domain.readings import index_history, latest_bodyweight
from hiplog.domain.settings import ProgressionSettings, effective_exercise
from hiplog.domain.timing import (
    NextSession,
    PlanWarning,
    hip_session_times,
    next_session,
    timing_warnings,
)
from hiplog.domain.translation import _
from hiplog.domain.validation import check_training_date

_AS_OF = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
#: A date without a time means noon that day.
NOON = 12


@dataclass(frozen=True)
class ProgramDayInfo:
    """Where a plan sits in the program the person follows."""

    program: str
    day: str
    next_day: str
    day_index: int  # 0-based
    others: tuple[str, ...] = ()  # exercises trained in the last 7 days that are not in the day


@dataclass(frozen=True)
class Plan:
    as_of: datetime
    next_session: NextSession
    suggestions: tuple[Suggestion, ...]
    warnings: tuple[PlanWarning, ...]
    program: ProgramDayInfo | None = None  # set while a program is followed


def parse_as_of_noon_default(text: str) -> datetime:
    """'YYYY-MM-DD' (noon that day: mid-day of the day asked about) or 'YYYY-MM-DDTHH:MM'.
    The plan's as-of date (`hiplog suggest --date`)."""
    match = _AS_OF.fullmatch(text.strip())
    if match is None:
        raise InputError(
            _("a date must look like 2026-11-21 or 2026-11-21T18:00, not '{text}'").format(
                text=text
            )
        )
    year, month, day, hour, minute = match.groups()
    try:
        as_of = datetime(
            int(year),
            int(month),
            int(day),
            NOON if hour is None else int(hour),
            0 if minute is None else int(minute),
        )
    except ValueError as exc:
        raise InputError(
            _("'{text}' is not a real date and time ({error})").format(text=text, error=exc)
        ) from exc
    return check_training_date(as_of)


def _ordered(catalog: Iterable[Exercise] | Catalog) -> list[Exercise]:
    """Catalog order: built-ins by position, custom exercises after them."""
    if isinstance(catalog, Catalog):
        return list(catalog)
    return sorted(catalog, key=lambda e: (e.custom, e.position, e.name))


def build_plan(
    history: Sequence[Session],
    catalog: Iterable[Exercise] | Catalog,
    settings: ProgressionSettings,
    as_of: datetime,
    *,
    bodyweight_kg: float | None = None,
) -> Plan:
    """The plan for the session after `as_of`; sessions that start after as-of are ignored.

    One suggestion per exercise with a working set in the `lookback_days` calendar days before
    as-of, in catalog order. Sets of exercises the catalog does not know, and other training,
    are skipped. `bodyweight_kg` is the latest recorded bodyweight when the caller knows more
    than the sessions do (bodyweight entries); by default, the sessions' latest, else settings.
    """
    exercises = _ordered(catalog)
    by_slug = {e.slug: e for e in exercises}
    lookup = by_slug.get
    past = [s for s in history if s.started_at <= as_of]
    index = index_history(past, as_of)
    bodyweight = bodyweight_kg or latest_bodyweight(past, as_of) or settings.bodyweight_kg

    suggestions: list[Suggestion] = []
    for ex in exercises:
        sessions = index.get(ex.slug)
        if not sessions or ex.is_other:
            continue
        if (as_of.date() - sessions[-1].started_at.date()).days > settings.lookback_days:
            continue
        suggestions.append(
            suggest_from_index(
                effective_exercise(ex, settings),
                index,
                settings,
                as_of,
                lookup=lookup,
                bodyweight_kg=bodyweight,
            )
        )
    return plan_with(past, lookup, settings, as_of, tuple(suggestions))


def plan_with(
    past: Sequence[Session],
    lookup: Callable[[str], Exercise | None],
    settings: ProgressionSettings,
    as_of: datetime,
    suggestions: tuple[Suggestion, ...],
    program: ProgramDayInfo | None = None,
) -> Plan:
    """A plan of these suggestions, with the timing and warnings of the sessions in `past`."""
    times = hip_session_times(past, lookup, as_of)
    return Plan(
        as_of=as_of,
        next_session=next_session(times, settings, as_of),
        suggestions=suggestions,
        warnings=tuple(timing_warnings(past, times, lookup, settings, as_of)),
        program=program,
    )


def suggestion_to_json(sug: Suggestion) -> dict[str, Any]:
    """One entry of the `suggestions` list; `band`, `warmup` and `trained_exercise` appear only
    when they say something (a band load, a warm-up drill, a move to the next variation)."""
    out: dict[str, Any] = {
        "exercise": sug.exercise,
        "load_kg": None if sug.load_kg is None else round(sug.load_kg, 2) + 0.0,
        "sets": sug.sets,
        "reps": list(sug.reps),
        "rep_range": list(sug.rep_range),
        "rule": sug.rule,
        "reason": sug.reason,
    }
    if sug.band is not None:
        out["band"] = sug.band
    if sug.warmup:
        out["warmup"] = True
    if sug.trained_exercise != sug.exercise:
        out["trained_exercise"] = sug.trained_exercise
    return out


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The ``hiplog suggest --json`` document."""
    nxt = plan.next_session
    return {
        "as_of": plan.as_of.date().isoformat(),
        "next_session": {
            "earliest": None if nxt.earliest is None else nxt.earliest.strftime(DATE_FORMAT),
            "sessions_last_7_days": nxt.sessions_last_7_days,
            "status": nxt.status,
        },
        "suggestions": [suggestion_to_json(s) for s in plan.suggestions],
        "warnings": [{"code": w.code, "message": w.message} for w in plan.warnings],
    } | _program_json(plan.program)


def _program_json(info: ProgramDayInfo | None) -> dict[str, Any]:
    """The "program" key, present only while a program is followed."""
    if info is None:
        return {}
    return {"program": {"name": info.program, "day": info.day, "next_day": info.next_day}}
