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
from hiplog.domain.translation import N_, _, exercise_name, ngettext
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import date_text, number_text

DAYS_SHOWN_AS_DAYS = 20  # a shorter span is said in days, a longer one in weeks
#: The muscle lengths as said (translated where said).
LENGTH_WORDS = {"short": N_("short"), "mid": N_("mid"), "long": N_("long")}


def _span(first: date, last: date) -> str:
    days = (last - first).days
    if days < DAYS_SHOWN_AS_DAYS:
        return ngettext("{count} day", "{count} days", days).format(count=days)
    weeks = round(days / 7)
    return ngettext("{count} week", "{count} weeks", weeks).format(count=weeks)


def _change(
    what: str, first: float, last: float, first_day: date, last_day: date, unit: str
) -> str:
    """'estimated one-rep max rose from 80 to 95 kg over 12 weeks' (`what` is translated)."""
    a, b = number_text(first, 1), number_text(last, 1) + unit
    if first_day == last_day:
        return _("{what} {value}").format(what=what, value=b)
    span = _span(first_day, last_day)
    if number_text(first, 1) == number_text(last, 1):
        text = _("{what} stayed at {value} over {span}")
    elif last > first:
        text = _("{what} rose from {first} to {last} over {span}")
    else:
        text = _("{what} fell from {first} to {last} over {span}")
    return text.format(what=what, value=b, first=a, last=b, span=span)


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
            _("most reps in a set"), points[0][1], points[-1][1], points[0][0], points[-1][0], ""
        )
    first, last = from_kg(points[0][1], unit), from_kg(points[-1][1], unit)
    return _change(
        _("estimated one-rep max"), first, last, points[0][0], points[-1][0], f" {unit.value}"
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
    if by_load:
        what = _("volume per week") if weekly else _("volume per session")
    else:
        what = _("reps per week") if weekly else _("reps per session")
    a, b, top = (f"{round(v):d}" for v in (values[0], values[-1], max(values)))
    b, top = b + suffix, top + suffix
    if len(values) == 1:
        return _("{what} {value}").format(what=what, value=b)
    return _("{what} went from {first} to {last} (highest {top})").format(
        what=what, first=a, last=b, top=top
    )


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
    name = exercise_name(chart.name)
    if not dates:
        return _("{name}: no sessions in this range.").format(name=name)
    points = _in_range(chart.strength, start, end)
    records = sum(
        1
        for i in chart.records
        if (start is None or chart.dates[i] >= start) and chart.dates[i] <= end
    )
    parts = [
        _strength(chart, points, unit),
        _volume(chart, weekly_volume, start, end, unit),
        ngettext("{count} personal record", "{count} personal records", records).format(
            count=records
        )
        if records
        else "",
    ]
    if len(dates) > 1:
        head = ngettext(
            "{name}, {count} session from {first} to {last}",
            "{name}, {count} sessions from {first} to {last}",
            len(dates),
        ).format(name=name, count=len(dates), first=date_text(dates[0]), last=date_text(dates[-1]))
    else:
        head = _("{name}, 1 session on {date}").format(name=name, date=date_text(dates[0]))
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
        return _("No exercise is chosen.")
    return " ".join(describe_exercise_chart(c, unit, weekly_volume, start, end) for c in charts)


def _mean(values: Sequence[float]) -> str:
    return number_text(sum(values) / len(values), 1) if values else "0"


def describe_weekly_charts(
    weekly: WeeklyCharts, start: datetime | None = None, end: datetime | None = None
) -> str:
    """The weekly charts: hip sessions per week against the target, and hard sets per muscle
    and per muscle length, as averages over the weeks in range and the last week's numbers."""
    first = week_start(start) if start is not None else date.min
    last = end.date() if end is not None else date.max
    kept = [i for i, week in enumerate(weekly.weeks) if first <= week <= last]
    if not kept:
        return _("No hip sessions in this range.")
    weeks = [weekly.weeks[i] for i in kept]
    sessions = [weekly.sessions[i] for i in kept]
    low, high = weekly.sessions_band
    in_band = sum(1 for n in sessions if low <= n <= high)
    if len(weeks) > 1:
        span = ngettext(
            "{count} week from the week of {first} to the week of {last}",
            "{count} weeks from the week of {first} to the week of {last}",
            len(weeks),
        ).format(count=len(weeks), first=date_text(weeks[0]), last=date_text(weeks[-1]))
    else:
        span = _("the week of {date}").format(date=date_text(weeks[0]))
    muscle = {m: exercise_name(m) for m in MUSCLES}  # muscle names are the catalog's words
    muscles = ", ".join(
        f"{muscle[m]} {_mean([weekly.muscle_sets[m][i] for i in kept])}" for m in MUSCLES
    )
    last_week = ", ".join(
        f"{muscle[m]} {number_text(weekly.muscle_sets[m][kept[-1]], 1)}" for m in MUSCLES
    )
    length_names = {n: _(LENGTH_WORDS[n.value]) for n in LENGTHS}
    lengths = ", ".join(
        f"{length_names[n]} {_mean([weekly.length_sets[n][i] for i in kept])}" for n in LENGTHS
    )
    set_low, set_high = (number_text(v, 1) for v in weekly.sets_band)
    in_target = ngettext(
        "{in_band} of {count} week were in the target of {low} to {high}",
        "{in_band} of {count} weeks were in the target of {low} to {high}",
        len(weeks),
    ).format(in_band=in_band, count=len(weeks), low=low, high=high)
    return _(
        "Hip sessions per week over {span}: {mean} on average, {last} in the last week; "
        "{in_target}. Hard sets per week on average: {muscles} (target {set_low} to "
        "{set_high}); in the last week: {last_week}. Hard sets per week by muscle length on "
        "average: {lengths}."
    ).format(
        span=span,
        mean=_mean([float(n) for n in sessions]),
        last=sessions[-1],
        in_target=in_target,
        muscles=muscles,
        set_low=set_low,
        set_high=set_high,
        last_week=last_week,
        lengths=lengths,
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
    entries = ngettext("{count} entry", "{count} entries", len(kept)).format(count=len(kept))
    return f"{change} ({entries})"


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
            _("bodyweight"),
            [(w, from_kg(v, unit)) for w, v in bodyweight_kg],
            start,
            end,
            f" {unit.value}",
        ),
        _body_line(_("hip"), [(w, from_cm(v, unit)) for w, v in hip_cm], start, end, length),
        _body_line(_("thigh"), [(w, from_cm(v, unit)) for w, v in thigh_cm], start, end, length),
    ]
    if not any(parts):
        return _("No body measurements in this range.")
    return _("Body measurements: {parts}.").format(parts="; ".join(p for p in parts if p))
