"""What a progress chart shows, in numbers, as sentences: the charts' accessible descriptions,
which a screen reader reads instead of the picture (no Qt here; the Progress view sets them).

"Barbell hip thrust, 12 sessions from Mon 01 Jan 2024 to Mon 25 Mar 2024: estimated one-rep
max rose from 80 to 95 kg over 12 weeks; volume per session went from 1200 to 2400 kg (highest
2600 kg); 3 personal records." Only the sessions inside the chosen range are described, as only
they are drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from hiplog.domain.body import from_cm, length_unit
from hiplog.domain.chart_series import (
    LENGTHS,
    MUSCLES,
    ExerciseCharts,
    Series,
    Strength,
    Volume,
    WeeklyCharts,
)
from hiplog.domain.metrics import week_start
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import date_text, plural, trim_number

DAYS_SHOWN_AS_DAYS = 20  # a shorter span is said in days, a longer one in weeks


def _span(first: date, last: date) -> str:
    days = (last - first).days
    if days < DAYS_SHOWN_AS_DAYS:
        return plural(days, "day")
    return plural(round(days / 7), "week")


def _change(
    what: str, first: float, last: float, first_day: date, last_day: date, unit: str
) -> str:
    """'estimated one-rep max rose from 80 to 95 kg over 12 weeks'."""
    a, b = trim_number(first, 1), trim_number(last, 1)
    if first_day == last_day:
        return f"{what} {b}{unit}"
    if a == b:
        return f"{what} stayed at {b}{unit} over {_span(first_day, last_day)}"
    verb = "rose" if last > first else "fell"
    return f"{what} {verb} from {a} to {b}{unit} over {_span(first_day, last_day)}"


def _in_range(series: Series, start: datetime | None, end: datetime) -> list[tuple[date, float]]:
    return [
        (when.date(), value)
        for when, value in zip(series.dates, series.values, strict=True)
        if value is not None and (start is None or when >= start) and when <= end
    ]


def _strength(chart: ExerciseCharts, points: list[tuple[date, float]], unit: Unit) -> str:
    if not points:
        return ""
    if chart.strength_kind is Strength.BEST_REPS:
        return _change(
            "most reps in a set", points[0][1], points[-1][1], points[0][0], points[-1][0], ""
        )
    first, last = from_kg(points[0][1], unit), from_kg(points[-1][1], unit)
    return _change(
        "estimated one-rep max", first, last, points[0][0], points[-1][0], f" {unit.value}"
    )


def _volume(
    chart: ExerciseCharts, weekly: bool, start: datetime | None, end: datetime, unit: Unit
) -> str:
    series = chart.weekly_volume if weekly else chart.volume
    if weekly and start is not None:  # weeks are dated on their Monday: the first one counts
        start = datetime.combine(week_start(start), datetime.min.time())
    points = _in_range(series, start, end)
    if not points:
        return ""
    by_load = chart.volume_kind is Volume.LOAD
    values = [from_kg(v, unit) if by_load else v for _, v in points]
    suffix = f" {unit.value}" if by_load else ""
    what = ("volume" if by_load else "reps") + (" per week" if weekly else " per session")
    a, b, top = (f"{round(v):d}" for v in (values[0], values[-1], max(values)))
    if len(values) == 1:
        return f"{what} {b}{suffix}"
    return f"{what} went from {a} to {b}{suffix} (highest {top}{suffix})"


def describe_exercise_chart(
    chart: ExerciseCharts,
    unit: Unit,
    weekly_volume: bool = False,
    start: datetime | None = None,
    end: datetime | None = None,
) -> str:
    """One exercise's strength and volume between `start` and `end` (None: all of it)."""
    end = end or datetime.max
    dates = [d for d in chart.dates if (start is None or d >= start) and d <= end]
    if not dates:
        return f"{chart.name}: no sessions in this range."
    points = _in_range(chart.strength, start, end)
    records = sum(
        1
        for i in chart.records
        if (start is None or chart.dates[i] >= start) and chart.dates[i] <= end
    )
    parts = [
        _strength(chart, points, unit),
        _volume(chart, weekly_volume, start, end, unit),
        plural(records, "personal record") if records else "",
    ]
    head = (
        f"{chart.name}, {plural(len(dates), 'session')} from {date_text(dates[0])} "
        f"to {date_text(dates[-1])}"
        if len(dates) > 1
        else f"{chart.name}, 1 session on {date_text(dates[0])}"
    )
    return f"{head}: {'; '.join(p for p in parts if p)}."


def describe_exercise_charts(
    charts: Sequence[ExerciseCharts],
    unit: Unit,
    weekly_volume: bool = False,
    start: datetime | None = None,
    end: datetime | None = None,
) -> str:
    """The description of the per-exercise charts: one sentence per exercise shown."""
    if not charts:
        return "No exercise is chosen."
    return " ".join(describe_exercise_chart(c, unit, weekly_volume, start, end) for c in charts)


def _mean(values: Sequence[float]) -> str:
    return trim_number(sum(values) / len(values), 1) if values else "0"


def describe_weekly_charts(
    weekly: WeeklyCharts, start: datetime | None = None, end: datetime | None = None
) -> str:
    """The weekly charts: hip sessions per week against the target, and hard sets per muscle
    and per muscle length, as averages over the weeks in range and the last week's numbers."""
    first = week_start(start) if start is not None else date.min
    last = end.date() if end is not None else date.max
    kept = [i for i, week in enumerate(weekly.weeks) if first <= week <= last]
    if not kept:
        return "No hip sessions in this range."
    weeks = [weekly.weeks[i] for i in kept]
    sessions = [weekly.sessions[i] for i in kept]
    low, high = weekly.sessions_band
    in_band = sum(1 for n in sessions if low <= n <= high)
    span = (
        f"{plural(len(weeks), 'week')} from the week of {date_text(weeks[0])} "
        f"to the week of {date_text(weeks[-1])}"
        if len(weeks) > 1
        else f"the week of {date_text(weeks[0])}"
    )
    muscles = ", ".join(f"{m} {_mean([weekly.muscle_sets[m][i] for i in kept])}" for m in MUSCLES)
    last_week = ", ".join(f"{m} {trim_number(weekly.muscle_sets[m][kept[-1]], 1)}" for m in MUSCLES)
    lengths = ", ".join(
        f"{n.value} {_mean([weekly.length_sets[n][i] for i in kept])}" for n in LENGTHS
    )
    set_low, set_high = (trim_number(v, 1) for v in weekly.sets_band)
    return (
        f"Hip sessions per week over {span}: {_mean([float(n) for n in sessions])} on average, "
        f"{sessions[-1]} in the last week; {in_band} of {plural(len(weeks), 'week')} were in "
        f"the target of {low} to {high}. Hard sets per week on average: {muscles} (target "
        f"{set_low} to {set_high}); in the last week: {last_week}. Hard sets per week by "
        f"muscle length on average: {lengths}."
    )


def _body_line(
    what: str,
    points: Sequence[tuple[datetime, float]],
    start: datetime | None,
    end: datetime,
    suffix: str,
) -> str:
    kept = [
        (when.date(), v) for when, v in points if (start is None or when >= start) and when <= end
    ]
    if not kept:
        return ""
    change = _change(what, kept[0][1], kept[-1][1], kept[0][0], kept[-1][0], suffix)
    return f"{change} ({plural(len(kept), 'entry', 'entries')})"


def describe_body_charts(
    bodyweight_kg: Sequence[tuple[datetime, float]],
    hip_cm: Sequence[tuple[datetime, float]],
    thigh_cm: Sequence[tuple[datetime, float]],
    unit: Unit,
    start: datetime | None = None,
    end: datetime | None = None,
) -> str:
    """The Body charts: how bodyweight, hip and thigh changed between `start` and `end`, in the
    person's units (kg and cm, or lb and in)."""
    end = end or datetime.max
    length = f" {length_unit(unit)}"
    parts = [
        _body_line(
            "bodyweight",
            [(w, from_kg(v, unit)) for w, v in bodyweight_kg],
            start,
            end,
            f" {unit.value}",
        ),
        _body_line("hip", [(w, from_cm(v, unit)) for w, v in hip_cm], start, end, length),
        _body_line("thigh", [(w, from_cm(v, unit)) for w, v in thigh_cm], start, end, length),
    ]
    if not any(parts):
        return "No body measurements in this range."
    return f"Body measurements: {'; '.join(p for p in parts if p)}."
