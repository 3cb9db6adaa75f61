"""`suggest` for every active exercise on the 10-year database.

The figure is `services.plan.suggest` as the Plan view and ``hiplog suggest`` call it, on an
open context (catalog and settings already loaded, as they are in a running window), two days
after the last session so every exercise of the program is active. The floor is reading the
rows the rules need with the sqlite3 module alone: every set of the look-back window.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks import datasets
from benchmarks.harness import CaseResult, median

CASE = "suggest"
GOAL_MS = 50.0


def as_of_for(db: Path) -> datetime:
    """Two days after the last session of `db`, at 18:00."""
    conn = sqlite3.connect(db)
    try:
        (last,) = conn.execute("SELECT max(started_at) FROM sessions").fetchone()
    finally:
        conn.close()
    day = datetime.fromisoformat(str(last)) + timedelta(days=2)
    return day.replace(hour=18, minute=0, second=0, microsecond=0)


def _floor_once(db: Path, start: datetime, end: datetime) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    try:
        conn.execute(
            "SELECT s.started_at, e.slug, t.position, t.load_kg, t.reps, t.rir, t.warmup"
            " FROM sets t JOIN sessions s ON s.id = t.session_id"
            " JOIN exercises e ON e.id = t.exercise_id"
            " WHERE s.started_at >= ? AND s.started_at < ? ORDER BY s.started_at, t.id",
            (start.isoformat(sep=" "), end.isoformat(sep=" ")),
        ).fetchall()
    finally:
        conn.close()
    return (time.perf_counter() - started) * 1000


def run(runs: int = 20) -> list[CaseResult]:
    from hiplog.services import plan as plan_service
    from hiplog.services.context import AppContext

    data = datasets.ensure("10y")
    as_of = as_of_for(data.db)
    ctx = AppContext.open_path(data.db)
    try:
        cold_started = time.perf_counter()
        plan = plan_service.suggest(ctx, as_of)
        cold = (time.perf_counter() - cold_started) * 1000
        lookback = timedelta(days=ctx.settings().lookback_days)
        samples: list[float] = []
        floor: list[float] = []
        for _ in range(runs):
            floor.append(_floor_once(data.db, as_of - lookback, as_of))
            started = time.perf_counter()
            plan_service.suggest(ctx, as_of)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        ctx.close()
    figure = median(samples)
    return [
        CaseResult(
            case=CASE,
            label=f"suggest, {len(plan.suggestions)} exercises (10y db)",
            figure=figure,
            unit="ms",
            floor=median(floor),
            floor_label="sqlite3 read of the look-back window",
            goal=f"< {GOAL_MS:g} ms",
            goal_met=figure < GOAL_MS,
            runs=runs,
            samples=[round(s, 3) for s in samples],
            floor_samples=[round(s, 3) for s in floor],
            details={
                "as_of": as_of.isoformat(),
                "suggestions": len(plan.suggestions),
                "first_call_ms": cold,
            },
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result.to_json() | {"samples": "...", "floor_samples": "..."})
