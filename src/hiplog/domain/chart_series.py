"""The series behind the progress charts, built from per-session aggregates (pure, no database).

The database groups an exercise's working sets by session and load (`LoadGroup`) and counts
hard sets per session and exercise (`HardSetGroup`); from these the functions here rebuild the
per-session numbers with the domain's own `effective_load` and `epley`, so a chart shows what
``hiplog stats`` prints, and count weekly hard sets the way `metrics.weekly_volume` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hiplog.domain.metrics import (
    HIP_EXTENSORS,
    SessionStats,
    add_hard_sets,
    effective_load,
    epley,
    is_hip_extension,
    mondays,
    week_start,
)
from hiplog.domain.models import Exercise, Length

#: The hip extensors in the order the weekly chart lists them.
MUSCLES: tuple[str, ...] = ("glute max", "hamstrings", "adductor magnus")
assert set(MUSCLES) == HIP_EXTENSORS
LENGTHS: tuple[Length, ...] = (Length.SHORT, Length.MID, Length.LONG)


class Strength(StrEnum):
    """What the strength chart of an exercise shows."""

    E1RM = "e1rm"  # estimated one-rep max (kg), for loaded work
    BEST_REPS = "best_reps"  # most reps in a set, for bodyweight work


class Volume(StrEnum):
    """What the volume chart of an exercise shows."""

    LOAD = "load"  # reps x effective load (kg)
    REPS = "reps"  # total reps, for bodyweight work without a load


@dataclass(frozen=True)
class LoadGroup:
    """The working sets of one exercise in one session at one external load."""

    session_id: int
    started_at: datetime
    session_bodyweight_kg: float | None
    load_kg: float  # external load; 0.0 for none
    sets: int
    reps: int  # total reps
    max_reps: int  # most reps in one set
    max_reps_for_e1rm: int | None  # most reps in one set of 1-12 reps, None if there is none


@dataclass(frozen=True)
class HardSetGroup:
    """Working sets of one exercise in one session, split by one-sidedness and hardness."""

    session_id: int
    started_at: datetime
    exercise: str  # slug
    one_sided: bool  # logged for the left or right side
    hard: bool  # RIR not recorded, or at most the hard-set limit
    sets: int


@dataclass(frozen=True)
class Series:
    """One line of a chart: values by date (None where the value does not exist)."""

    name: str
    dates: tuple[datetime, ...]
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class LadderMark:
    """The first session of an exercise on the same ladder (a change of variation)."""

    date: datetime
    exercise: str  # slug
    name: str


@dataclass(frozen=True)
class ExerciseCharts:
    """Everything the per-exercise charts show for one exercise."""

    exercise: str  # slug
    name: str
    session_ids: tuple[int, ...]
    stats: tuple[SessionStats, ...]  # equal to stats(ctx, slug)
    strength_kind: Strength
    volume_kind: Volume
    strength: Series  # e1RM (kg) per session, or best reps
    top_load: Series | None  # top-set load (kg) per session; None for bodyweight-only work
    volume: Series  # per session: volume (kg) or total reps
    weekly_volume: Series  # the same summed per ISO week (dated on the Monday)
    records: tuple[int, ...]  # indexes of sessions that set a personal record of `strength`
    ladder: tuple[LadderMark, ...]

    @property
    def dates(self) -> tuple[datetime, ...]:
        return self.strength.dates


@dataclass(frozen=True)
class WeeklyCharts:
    """Hip-extensor sessions and hard sets per ISO week, oldest first, gaps filled with zeros."""

    weeks: tuple[date, ...]  # Mondays
    sessions: tuple[int, ...]
    muscle_sets: Mapping[str, tuple[float, ...]]  # MUSCLES -> hard sets per week
    length_sets: Mapping[Length, tuple[float, ...]]  # LENGTHS -> hard sets per week
    sessions_band: tuple[int, int]  # the 2-3 sessions a week target
    sets_band: tuple[float, float]  # the 10-20 hard sets a week target


def stats_from_groups(
    groups: Sequence[LoadGroup], exercise: Exercise, bodyweight: float | None
) -> list[tuple[int, SessionStats]]:
    """Per-session stats (with the session id) from load groups sorted by session.

    Mirrors `metrics.session_stats`: every set in a group has the same effective load, so the
    group's sum of reps gives the volume and its most reps (1-12) gives the best Epley estimate.
    """
    out: list[tuple[int, SessionStats]] = []
    start = 0
    while start < len(groups):
        end = start
        while end < len(groups) and groups[end].session_id == groups[start].session_id:
            end += 1
        out.append(_session_stats(groups[start:end], exercise, bodyweight))
        start = end
    return out


def _session_stats(
    groups: Sequence[LoadGroup], exercise: Exercise, bodyweight: float | None
) -> tuple[int, SessionStats]:
    first = groups[0]
    bw = first.session_bodyweight_kg or bodyweight
    top = max(g.load_kg for g in groups)
    volume = 0.0
    best: float | None = None
    for g in groups:
        eff = effective_load(g.load_kg, exercise, bw)
        volume += g.reps * eff
        if g.max_reps_for_e1rm is not None:
            est = epley(eff, g.max_reps_for_e1rm)
            if est is not None and (best is None or est > best):
                best = est
    best_reps = max(g.max_reps for g in groups if abs(g.load_kg - top) < 1e-9)
    stats = SessionStats(
        date=first.started_at,
        sets=sum(g.sets for g in groups),
        reps=sum(g.reps for g in groups),
        volume_kg=volume,
        top_load_kg=top if top > 0 else None,
        e1rm_kg=best,
        best_reps=best_reps,
    )
    return first.session_id, stats


def personal_records(values: Sequence[float | None]) -> tuple[int, ...]:
    """Indexes whose value beats every earlier value (the first value is not a record)."""
    out: list[int] = []
    best: float | None = None
    for i, value in enumerate(values):
        if value is None:
            continue
        if best is not None and value > best + 1e-9:
            out.append(i)
        if best is None or value > best:
            best = value
    return tuple(out)


def weekly_sums(dates: Sequence[datetime], values: Sequence[float | None]) -> Series:
    """Values summed per ISO week, dated on the Monday at 00:00; empty weeks in between are 0."""
    sums: dict[date, float] = {}
    for when, value in zip(dates, values, strict=True):
        key = week_start(when)
        sums[key] = sums.get(key, 0.0) + (value or 0.0)
    if not sums:
        return Series("", (), ())
    weeks = mondays(min(sums), max(sums))
    return Series(
        "",
        tuple(datetime.combine(w, datetime.min.time()) for w in weeks),
        tuple(sums.get(w, 0.0) for w in weeks),
    )


def build_exercise_charts(
    exercise: Exercise,
    groups: Sequence[LoadGroup],
    bodyweight: float | None,
    ladder: Sequence[LadderMark] = (),
) -> ExerciseCharts:
    """The series of one exercise from its load groups (pure; used by `ChartData`)."""
    rows = stats_from_groups(groups, exercise, bodyweight)
    ids = tuple(sid for sid, _ in rows)
    stats = tuple(st for _, st in rows)
    dates = tuple(st.date for st in stats)
    loaded = any(st.e1rm_kg is not None for st in stats)
    strength_kind = Strength.E1RM if loaded else Strength.BEST_REPS
    strength_values: tuple[float | None, ...] = (
        tuple(st.e1rm_kg for st in stats) if loaded else tuple(float(st.best_reps) for st in stats)
    )
    has_top = any(st.top_load_kg is not None for st in stats)
    by_load = any(st.volume_kg > 0 for st in stats)
    volume_kind = Volume.LOAD if by_load else Volume.REPS
    volume_values = tuple(st.volume_kg if by_load else float(st.reps) for st in stats)
    weekly = weekly_sums(dates, volume_values)
    return ExerciseCharts(
        exercise=exercise.slug,
        name=exercise.name,
        session_ids=ids,
        stats=stats,
        strength_kind=strength_kind,
        volume_kind=volume_kind,
        strength=Series(exercise.name, dates, strength_values),
        top_load=Series(exercise.name, dates, tuple(st.top_load_kg for st in stats))
        if has_top
        else None,
        volume=Series(exercise.name, dates, volume_values),
        weekly_volume=Series(exercise.name, weekly.dates, weekly.values),
        records=personal_records(strength_values),
        ladder=tuple(ladder),
    )


def build_weekly_charts(
    groups: Iterable[HardSetGroup],
    lookup: Mapping[str, Exercise],
    sessions_band: tuple[int, int],
    sets_band: tuple[float, float],
) -> WeeklyCharts:
    """Hard sets per muscle and length and sessions per week, as `metrics.weekly_volume`
    counts them: working sets of hip-extension exercises; a one-sided set counts half; a
    muscle listed after the first gets half of that."""
    sessions: dict[date, set[int]] = {}
    muscles: dict[date, dict[str, float]] = {}
    lengths: dict[date, dict[Length, float]] = {}
    for g in groups:
        ex = lookup.get(g.exercise)
        if ex is None or not is_hip_extension(ex):
            continue
        week = week_start(g.started_at)
        sessions.setdefault(week, set()).add(g.session_id)
        if not g.hard:
            continue
        weight = (0.5 if g.one_sided else 1.0) * g.sets
        add_hard_sets(muscles.setdefault(week, {}), lengths.setdefault(week, {}), ex, weight)
    weeks = mondays(min(sessions), max(sessions)) if sessions else []
    return WeeklyCharts(
        weeks=tuple(weeks),
        sessions=tuple(len(sessions.get(w, ())) for w in weeks),
        muscle_sets={m: tuple(muscles.get(w, {}).get(m, 0.0) for w in weeks) for m in MUSCLES},
        length_sets={n: tuple(lengths.get(w, {}).get(n, 0.0) for w in weeks) for n in LENGTHS},
        sessions_band=sessions_band,
        sets_band=sets_band,
    )
