"""Numbers derived from logged sets: effective load, e1RM, per-session stats, weekly volume.

`exercise_stats` and `stats_to_json` are the semantics of ``hiplog stats --json`` (see
architecture.md); the weekly functions feed the charts and the volume warnings. All of them take
plain dataclasses and run in one pass over the history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from hiplog.domain.models import Exercise, Length, LoadKind, Session, SetEntry

#: The muscles hiplog tracks as hip extensors.
HIP_EXTENSORS: frozenset[str] = frozenset({"glute max", "hamstrings", "adductor magnus"})
#: Epley is used for 1 to this many reps; above it estimates drift apart.
EPLEY_MAX_REPS = 12
#: Loads closer than this (kg) are the same load (lb loads stored in kg differ in late digits).
SAME_LOAD_KG = 0.01
#: Weight of a set for a muscle listed after the first one.
INDIRECT_SET = 0.5

DATE_FORMAT = "%Y-%m-%dT%H:%M"

ExerciseLookup = Callable[[str], "Exercise | None"]


def effective_load(
    external_kg: float | None, exercise: Exercise, bodyweight_kg: float | None
) -> float:
    """External load x implements + bodyweight share x bodyweight (kg).

    An unknown bodyweight counts as 0, so bodyweight work without a published share (or without a
    known bodyweight) has an effective load of just its external load.
    """
    external = (external_kg or 0.0) * exercise.implements
    body = exercise.bodyweight_share * bodyweight_kg if bodyweight_kg else 0.0
    return external + body


def epley(load_kg: float, reps: int) -> float | None:
    """Estimated one-rep max, w x (1 + r / 30), for 1 <= reps <= 12 and a load above zero."""
    if load_kg <= 0 or not 1 <= reps <= EPLEY_MAX_REPS:
        return None
    return load_kg * (1 + reps / 30)


def is_hip_extension(exercise: Exercise) -> bool:
    """Work for the hip extensors: not other training, not an activation drill, and lists one of
    the hip extensors."""
    return (
        not exercise.is_other
        and exercise.load_kind is not LoadKind.ACTIVATION
        and bool(HIP_EXTENSORS.intersection(exercise.muscles))
    )


def is_hard_set(entry: SetEntry, max_rir: int = 4) -> bool:
    """A working set is hard unless its recorded RIR is above `max_rir`."""
    return entry.is_working and (entry.rir is None or entry.rir <= max_rir)


# --- per-session stats -------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionStats:
    """One session of one exercise, working sets only (the rows of ``hiplog stats``)."""

    date: datetime
    sets: int
    reps: int
    volume_kg: float  # sum of reps x effective load
    top_load_kg: float | None  # heaviest external load; None for bodyweight-only sessions
    e1rm_kg: float | None  # best Epley estimate among sets of 1-12 reps, on the effective load
    best_reps: int  # most reps in one set at the top load (any set when there is no load)


def session_stats(
    started_at: datetime,
    sets: Sequence[SetEntry],
    exercise: Exercise,
    bodyweight_kg: float | None,
) -> SessionStats:
    """Stats of the given working sets of one exercise in one session."""
    top = max((s.external_kg for s in sets), default=0.0)
    volume = 0.0
    best_e1rm: float | None = None
    best_reps = 0
    reps_total = 0
    for s in sets:
        eff = effective_load(s.load_kg, exercise, bodyweight_kg)
        volume += s.reps * eff
        reps_total += s.reps
        est = epley(eff, s.reps)
        if est is not None and (best_e1rm is None or est > best_e1rm):
            best_e1rm = est
        if abs(s.external_kg - top) < SAME_LOAD_KG:
            best_reps = max(best_reps, s.reps)
    return SessionStats(
        date=started_at,
        sets=len(sets),
        reps=reps_total,
        volume_kg=volume,
        top_load_kg=top if top > 0 else None,
        e1rm_kg=best_e1rm,
        best_reps=best_reps,
    )


def exercise_stats(
    sessions: Sequence[Session], exercise: Exercise, bodyweight_kg: float | None
) -> list[SessionStats]:
    """Per-session stats of one exercise, oldest session first, working sets only.

    A session's own recorded bodyweight wins over `bodyweight_kg` for its effective loads.
    Sessions without a working set of the exercise are left out.
    """
    out: list[SessionStats] = []
    for session in sorted(sessions, key=lambda s: s.started_at):
        working = [s for s in session.sets if s.exercise == exercise.slug and s.is_working]
        if working:
            bw = session.bodyweight_kg or bodyweight_kg
            out.append(session_stats(session.started_at, working, exercise, bw))
    return out


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits) + 0.0


def stats_to_json(slug: str, stats: Iterable[SessionStats]) -> dict[str, Any]:
    """The ``hiplog stats EXERCISE --json`` document."""
    return {
        "exercise": slug,
        "sessions": [
            {
                "date": st.date.strftime(DATE_FORMAT),
                "sets": st.sets,
                "reps": st.reps,
                "volume_kg": _r(st.volume_kg, 1),
                "top_load_kg": _r(st.top_load_kg, 2),
                "e1rm_kg": _r(st.e1rm_kg, 1),
                "best_reps": st.best_reps,
            }
            for st in stats
        ],
    }


# --- weekly volume -----------------------------------------------------------------------------


def week_start(day: date | datetime) -> date:
    """The Monday of the ISO week holding `day`."""
    d = day.date() if isinstance(day, datetime) else day
    return d - timedelta(days=d.weekday())


def mondays(first: date, last: date) -> list[date]:
    """Every week's Monday from the Monday `first` to the Monday `last`, both included."""
    return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


@dataclass(frozen=True)
class WeekVolume:
    """Hard sets in one ISO week (Monday to Sunday)."""

    week: date  # the Monday
    sessions: int  # hip-extensor sessions
    muscle_sets: Mapping[str, float] = field(default_factory=dict)  # direct 1, indirect 0.5
    length_sets: Mapping[Length, float] = field(default_factory=dict)  # hard sets by length


@dataclass
class _Tally:
    sessions: int = 0
    muscles: dict[str, float] = field(default_factory=dict)
    lengths: dict[Length, float] = field(default_factory=dict)


def add_hard_sets(
    muscles: dict[str, float], lengths: dict[Length, float], exercise: Exercise, sets: float
) -> None:
    """Count `sets` hard sets of `exercise`: in full for its first muscle and for its length,
    INDIRECT_SET of them for each muscle listed after the first."""
    for i, muscle in enumerate(exercise.muscles):
        share = sets if i == 0 else sets * INDIRECT_SET
        muscles[muscle] = muscles.get(muscle, 0.0) + share
    lengths[exercise.length] = lengths.get(exercise.length, 0.0) + sets


def _set_weight(entry: SetEntry) -> float:
    """A set done on one side counts half: three sets per side are three sets for each glute."""
    return 0.5 if entry.side in ("L", "R") else 1.0


class _CachedLookup:
    def __init__(self, lookup: ExerciseLookup) -> None:
        self._lookup = lookup
        self._cache: dict[str, Exercise | None] = {}

    def __call__(self, slug: str) -> Exercise | None:
        if slug not in self._cache:
            self._cache[slug] = self._lookup(slug)
        return self._cache[slug]


def _add_session(tally: _Tally, session: Session, lookup: ExerciseLookup, max_rir: int) -> None:
    counted = False
    for entry in session.sets:
        if not entry.is_working:
            continue
        ex = lookup(entry.exercise)
        if ex is None or not is_hip_extension(ex):
            continue
        counted = True
        if not is_hard_set(entry, max_rir):
            continue
        add_hard_sets(tally.muscles, tally.lengths, ex, _set_weight(entry))
    if counted:
        tally.sessions += 1


def hard_sets_between(
    sessions: Iterable[Session],
    lookup: ExerciseLookup,
    start: datetime,
    end: datetime,
    max_rir: int = 4,
) -> WeekVolume:
    """Hard sets and hip-extensor sessions with start < started_at <= end."""
    tally = _Tally()
    cached = _CachedLookup(lookup)
    for session in sessions:
        if start < session.started_at <= end:
            _add_session(tally, session, cached, max_rir)
    return WeekVolume(week_start(start), tally.sessions, tally.muscles, tally.lengths)


def weekly_volume(
    sessions: Iterable[Session],
    lookup: ExerciseLookup,
    max_rir: int = 4,
    fill_gaps: bool = True,
) -> list[WeekVolume]:
    """Hard sets per muscle and per length, and sessions, for each ISO week, oldest first.

    Only hip-extension exercises count (not activation drills, not custom exercises that list no
    hip extensor). Weeks without training between the first and last one are included with
    zeros when `fill_gaps` is true, so charts show the gaps.
    """
    cached = _CachedLookup(lookup)
    tallies: dict[date, _Tally] = {}
    for session in sessions:
        key = week_start(session.started_at)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally()
        _add_session(tally, session, cached, max_rir)
    weeks = sorted(k for k, t in tallies.items() if t.sessions)
    if fill_gaps and weeks:
        weeks = mondays(weeks[0], weeks[-1])
    empty = _Tally()
    return [
        WeekVolume(w, t.sessions, dict(t.muscles), dict(t.lengths))
        for w in weeks
        for t in (tallies.get(w, empty),)
    ]


def weekly_hard_sets(
    sessions: Iterable[Session], lookup: ExerciseLookup, max_rir: int = 4
) -> dict[date, dict[str, float]]:
    """Per ISO week (its Monday): muscle -> hard sets (direct 1, indirect 0.5)."""
    return {w.week: dict(w.muscle_sets) for w in weekly_volume(sessions, lookup, max_rir)}
