"""When to train next, and warnings about recovery, weekly volume and coverage of the range.

A hip-extensor session is a session with at least one working set of a hip-extension exercise
(an exercise that lists the glutes, hamstrings or adductor magnus and is not a warm-up drill).
"The last 7 days" is the window (as-of - 7 days, as-of].
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from hiplog.domain.locale_format import localize_number
from hiplog.domain.metrics import ExerciseLookup, hard_sets_between, is_hip_extension
from hiplog.domain.models import Length, Session
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import _, ngettext

RECOVER = "recover"
AHEAD = "ahead"
BEHIND = "behind"
OK = "ok"

GLUTE_MAX = "glute max"
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class NextSession:
    """When the next hip session may start, and how the last 7 days went."""

    earliest: datetime | None  # last hip-extensor session + recovery hours; None before any
    sessions_last_7_days: int
    status: str  # recover | ahead | behind | ok


@dataclass(frozen=True)
class PlanWarning:
    code: str  # short-recovery | low-volume | high-volume | coverage-short | coverage-long
    message: str


def hip_session_times(
    history: Iterable[Session], lookup: ExerciseLookup, as_of: datetime
) -> list[datetime]:
    """Start times of hip-extensor sessions at or before as-of, oldest first."""
    cache: dict[str, bool] = {}

    def hip(slug: str) -> bool:
        if slug not in cache:
            ex = lookup(slug)
            cache[slug] = ex is not None and is_hip_extension(ex)
        return cache[slug]

    times = [
        s.started_at
        for s in history
        if s.started_at <= as_of and any(e.is_working and hip(e.exercise) for e in s.sets)
    ]
    return sorted(times)


def next_session(
    times: Sequence[datetime], settings: ProgressionSettings, as_of: datetime
) -> NextSession:
    """Earliest next session and status, from the hip-extensor session times (oldest first).

    The status is the first that holds: recover (as-of is before the earliest time), ahead (the
    most sessions a week or more in the last 7 days), behind (fewer than the fewest), ok.
    """
    fewest, most = settings.sessions_per_week
    earliest = times[-1] + timedelta(hours=settings.recovery_hours) if times else None
    recent = sum(1 for t in times if as_of - WEEK < t <= as_of)
    if earliest is not None and as_of < earliest:
        status = RECOVER
    elif recent >= most:
        status = AHEAD
    elif recent < fewest:
        status = BEHIND
    else:
        status = OK
    return NextSession(earliest, recent, status)


def _num(value: float) -> str:
    return localize_number(f"{value:.1f}".removesuffix(".0"))


def timing_warnings(
    history: Sequence[Session],
    times: Sequence[datetime],
    lookup: ExerciseLookup,
    settings: ProgressionSettings,
    as_of: datetime,
) -> list[PlanWarning]:
    """Warnings in a fixed order; none at all before the first hip-extensor session."""
    if not times:
        return []
    warnings: list[PlanWarning] = []
    rest = settings.recovery_hours
    if len(times) >= 2:
        apart = (times[-1] - times[-2]).total_seconds() / 3600
        if apart < rest:
            warnings.append(
                PlanWarning(
                    "short-recovery",
                    ngettext(
                        "Your last two hip sessions were only {hours} hour apart; leave at least "
                        "{rest} hours between them so the muscles can recover.",
                        "Your last two hip sessions were only {hours} hours apart; leave at least "
                        "{rest} hours between them so the muscles can recover.",
                        1 if _num(apart) == "1" else 2,
                    ).format(hours=_num(apart), rest=_num(rest)),
                )
            )
    week = hard_sets_between(history, lookup, as_of - WEEK, as_of, settings.hard_set_max_rir)
    glutes = week.muscle_sets.get(GLUTE_MAX, 0.0)
    low, high = settings.weekly_hard_sets
    if glutes < low:
        warnings.append(
            PlanWarning(
                "low-volume",
                _(
                    "You did {sets} hard sets for the glutes in the last 7 days; {low} to {high} "
                    "a week is the range that builds muscle best."
                ).format(sets=_num(glutes), low=_num(low), high=_num(high)),
            )
        )
    elif glutes > high:
        warnings.append(
            PlanWarning(
                "high-volume",
                _(
                    "You did {sets} hard sets for the glutes in the last 7 days; beyond {high} a "
                    "week extra sets add more fatigue than growth."
                ).format(sets=_num(glutes), high=_num(high)),
            )
        )
    done = _lengths_trained(history, lookup, as_of)
    if Length.SHORT not in done:
        warnings.append(
            PlanWarning(
                "coverage-short",
                _(
                    "Nothing in the last 7 days worked the hips near lockout, where the glutes "
                    "are shortest; add a hip thrust, a bridge or a kickback."
                ),
            )
        )
    if Length.LONG not in done:
        warnings.append(
            PlanWarning(
                "coverage-long",
                _(
                    "Nothing in the last 7 days worked the hips in a deep stretch; add a "
                    "Romanian deadlift, a good morning, a step-up or a lunge."
                ),
            )
        )
    return warnings


def _lengths_trained(
    history: Iterable[Session], lookup: ExerciseLookup, as_of: datetime
) -> set[Length]:
    """Lengths of the hip-extension exercises with a working set in the last 7 days."""
    lengths: set[Length] = set()
    for s in history:
        if not as_of - WEEK < s.started_at <= as_of:
            continue
        for e in s.sets:
            if e.is_working:
                ex = lookup(e.exercise)
                if ex is not None and is_hip_extension(ex):
                    lengths.add(ex.length)
    return lengths


#: A session is over once this long has passed since it started and since its last new set.
SESSION_FINISHED_AFTER = timedelta(hours=1)


def session_finished(started_at: datetime, last_set_at: datetime | None, now: datetime) -> bool:
    """Whether a session is over: more than an hour old, with no set added in the last hour
    (`last_set_at`: when the latest set was added, None if none was added since it was
    opened). 'Start this session' then starts a new one instead of adding to it."""
    latest = max(started_at, last_set_at) if last_set_at is not None else started_at
    return now - latest > SESSION_FINISHED_AFTER
