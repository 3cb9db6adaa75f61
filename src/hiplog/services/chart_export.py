"""The chart numbers as CSV files (Progress > Export data): one row per session of each charted
exercise, or one per ISO week of the weekly charts, through one CSV writer."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from hiplog.domain.chart_series import LENGTHS, MUSCLES, ExerciseCharts, WeeklyCharts
from hiplog.domain.metrics import week_start
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import trim_number
from hiplog.services.files import write_text_atomically


def _write_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """The one CSV writer of the chart exports: `\n` line ends, minimal quoting; returns the
    number of rows after the header."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else trim_number(value, digits)


def _in_range(when: datetime, since: datetime | None) -> bool:
    return since is None or when >= since


def write_exercise_csv(
    out: TextIO, charts: Sequence[ExerciseCharts], unit: Unit, since: datetime | None = None
) -> int:
    """One row per session of each exercise (the numbers behind the per-exercise charts).

    Loads are in `unit`; returns the number of rows written.
    """
    u = unit.value
    header = [
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
    return _write_rows(out, header, _exercise_rows(charts, unit, since))


def _exercise_rows(
    charts: Sequence[ExerciseCharts], unit: Unit, since: datetime | None
) -> Iterator[list[object]]:
    for chart in charts:
        records = set(chart.records)
        for i, st in enumerate(chart.stats):
            if not _in_range(st.date, since):
                continue
            conv = [
                None if v is None else from_kg(v, unit)
                for v in (st.volume_kg, st.top_load_kg, st.e1rm_kg)
            ]
            yield [
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


def write_weekly_csv(out: TextIO, weekly: WeeklyCharts, since: datetime | None = None) -> int:
    """One row per ISO week: sessions, hard sets per muscle and per muscle length."""
    header = (
        ["week", "sessions"]
        + [f"{m.replace(' ', '_')}_sets" for m in MUSCLES]
        + [f"{n.value}_length_sets" for n in LENGTHS]
    )
    rows = (
        [week.isoformat(), weekly.sessions[i]]
        + [_number(weekly.muscle_sets[m][i]) for m in MUSCLES]
        + [_number(weekly.length_sets[n][i]) for n in LENGTHS]
        for i, week in enumerate(weekly.weeks)
        if since is None or week >= week_start(since)
    )
    return _write_rows(out, header, rows)


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
