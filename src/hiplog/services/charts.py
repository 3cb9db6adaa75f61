"""The numbers behind the progress charts, as plain series of dates and values.

Per exercise the database returns working sets grouped by session and load
(`storage.chart_queries`); the per-session numbers are then built with the domain's own
`effective_load` and `epley`, so a chart shows what ``hiplog stats`` prints. The weekly charts
count hard sets the way `metrics.weekly_volume` does, from per-session counts.

`ChartData` caches the results per exercise; call `invalidate()` when sessions change.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from hiplog.domain.errors import InputError
from hiplog.domain.metrics import (
    HIP_EXTENSORS,
    SessionStats,
    add_hard_sets,
    effective_load,
    epley,
    exercise_stats,
    is_hip_extension,
    mondays,
    week_start,
)
from hiplog.domain.models import Exercise, Length, SetEntry
from hiplog.domain.units import Unit, format_load, from_kg
from hiplog.services.context import AppContext
from hiplog.services.files import write_text_atomically
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import chart_queries, session_repo
from hiplog.storage.chart_queries import HardSetGroup, LoadGroup

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


class ChartRange(StrEnum):
    """The time ranges the charts offer."""

    WEEKS_4 = "4 weeks"
    MONTHS_3 = "3 months"
    YEAR = "1 year"
    ALL = "All"

    def start(self, end: datetime) -> datetime | None:
        """The first moment inside the range ending at `end` (None: no limit)."""
        days = {"4 weeks": 28, "3 months": 91, "1 year": 365}.get(self.value)
        return None if days is None else end - timedelta(days=days)


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


@dataclass(frozen=True)
class TrainedExercise:
    slug: str
    name: str
    sessions: int


# --- building the series -------------------------------------------------------------------


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


# --- the cache -----------------------------------------------------------------------------


class ChartData:
    """Chart series for one open database, cached per exercise until `invalidate()`."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._exercises: dict[str, ExerciseCharts] = {}
        self._weekly: WeeklyCharts | None = None
        self._trained: list[TrainedExercise] | None = None
        self._sets: dict[tuple[int, str], tuple[SetEntry, ...]] = {}
        self._bodyweight: tuple[float | None] | None = None

    def invalidate(self) -> None:
        """Forget everything (sessions, catalog or settings changed)."""
        self._exercises.clear()
        self._weekly = None
        self._trained = None
        self._sets.clear()
        self._bodyweight = None

    def _default_bodyweight(self) -> float | None:
        if self._bodyweight is None:
            self._bodyweight = (bodyweight_kg(self._ctx),)
        return self._bodyweight[0]

    def exercise(self, slug: str) -> ExerciseCharts:
        """The per-exercise series (an InputError for an unknown exercise)."""
        cached = self._exercises.get(slug)
        if cached is not None:
            return cached
        catalog = self._ctx.catalog()
        exercise = catalog.get(slug)
        if exercise is None:
            raise InputError(f"unknown exercise '{slug}'")
        chain = catalog.ladder(slug)
        with self._ctx.db.reader() as tx:
            groups = chart_queries.load_groups(tx, slug)
            firsts = chart_queries.first_trained(tx, [ex.slug for ex in chain[1:]])
        marks = [
            LadderMark(firsts[ex.slug], ex.slug, ex.name) for ex in chain[1:] if ex.slug in firsts
        ]
        charts = build_exercise_charts(exercise, groups, self._default_bodyweight(), marks)
        self._exercises[slug] = charts
        return charts

    def weekly(self) -> WeeklyCharts:
        if self._weekly is None:
            settings = self._ctx.settings()
            with self._ctx.db.reader() as tx:
                groups = chart_queries.hard_set_groups(tx, settings.hard_set_max_rir)
            lookup = {ex.slug: ex for ex in self._ctx.catalog()}
            self._weekly = build_weekly_charts(
                groups, lookup, settings.sessions_per_week, settings.weekly_hard_sets
            )
        return self._weekly

    def trained_exercises(self) -> list[TrainedExercise]:
        """Exercises with at least one working set, in catalog order."""
        if self._trained is None:
            with self._ctx.db.reader() as tx:
                counts = chart_queries.sessions_per_exercise(tx)
            self._trained = [
                TrainedExercise(ex.slug, ex.name, counts[ex.slug])
                for ex in self._ctx.catalog()
                if ex.slug in counts
            ]
        return self._trained

    def session_sets(self, session_id: int, slug: str) -> tuple[SetEntry, ...]:
        """Every set (warm-ups too) of `slug` in one session, for a chart's tooltip."""
        key = (session_id, slug)
        if key not in self._sets:
            with self._ctx.db.reader() as tx:
                session = session_repo.get_session(tx, session_id)
            self._sets[key] = session.sets_of(slug) if session is not None else ()
        return self._sets[key]


# --- describing and exporting ----------------------------------------------------------------


def describe_sets(sets: Sequence[SetEntry], unit: Unit = Unit.KG) -> list[str]:
    """One line per set, e.g. '60 kg x 12', 'bodyweight x 15 (L)', '40 kg x 10 warm-up'."""
    lines = []
    for s in sets:
        text = f"{format_load(s.load_kg, unit)} x {s.reps}"
        if s.side:
            text += f" ({s.side})"
        if s.rir is not None:
            text += f", {s.rir} in reserve"
        if s.warmup:
            text += ", warm-up"
        if s.flagged:
            text += ", flagged (not counted)"
        lines.append(text)
    return lines


def _number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _in_range(when: datetime, since: datetime | None) -> bool:
    return since is None or when >= since


def write_exercise_csv(
    out: TextIO, charts: Sequence[ExerciseCharts], unit: Unit, since: datetime | None = None
) -> int:
    """One row per session of each exercise (the numbers behind the per-exercise charts).

    Loads are in `unit`; returns the number of rows written.
    """
    u = unit.value
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "date",
            "exercise",
            "sets",
            "reps",
            f"volume_{u}",
            f"top_load_{u}",
            f"e1rm_{u}",
            "best_reps",
            "personal_record",
        ]
    )
    rows = 0
    for chart in charts:
        records = set(chart.records)
        for i, st in enumerate(chart.stats):
            if not _in_range(st.date, since):
                continue
            conv = [
                None if v is None else from_kg(v, unit)
                for v in (st.volume_kg, st.top_load_kg, st.e1rm_kg)
            ]
            writer.writerow(
                [
                    st.date.strftime("%Y-%m-%dT%H:%M"),
                    chart.exercise,
                    st.sets,
                    st.reps,
                    _number(conv[0]),
                    _number(conv[1], 2),
                    _number(conv[2]),
                    st.best_reps,
                    1 if i in records else 0,
                ]
            )
            rows += 1
    return rows


def write_weekly_csv(out: TextIO, weekly: WeeklyCharts, since: datetime | None = None) -> int:
    """One row per ISO week: sessions, hard sets per muscle and per muscle length."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["week", "sessions"]
        + [f"{m.replace(' ', '_')}_sets" for m in MUSCLES]
        + [f"{n.value}_length_sets" for n in LENGTHS]
    )
    rows = 0
    for i, week in enumerate(weekly.weeks):
        if since is not None and week < week_start(since):
            continue
        writer.writerow(
            [week.isoformat(), weekly.sessions[i]]
            + [_number(weekly.muscle_sets[m][i]) for m in MUSCLES]
            + [_number(weekly.length_sets[n][i]) for n in LENGTHS]
        )
        rows += 1
    return rows


def export_exercise_csv(
    path: Path, charts: Sequence[ExerciseCharts], unit: Unit, since: datetime | None = None
) -> int:
    """Write `write_exercise_csv` to `path` atomically (an InputError if it cannot be written)."""
    return write_text_atomically(
        path, lambda out: write_exercise_csv(out, charts, unit, since), replace=True
    )


def export_weekly_csv(path: Path, weekly: WeeklyCharts, since: datetime | None = None) -> int:
    """Write `write_weekly_csv` to `path` atomically (an InputError if it cannot be written)."""
    return write_text_atomically(
        path, lambda out: write_weekly_csv(out, weekly, since), replace=True
    )


def stats(ctx: AppContext, slug: str) -> list[SessionStats]:
    """Per-session statistics of one exercise (`hiplog stats`; the charts' numbers)."""
    exercise = ctx.catalog().get(slug)
    if exercise is None:
        raise InputError(f"unknown exercise '{slug}'")
    with ctx.db.reader() as tx:
        sessions = session_repo.sessions_of_exercise(tx, slug)
    return exercise_stats(sessions, exercise, bodyweight_kg(ctx))
