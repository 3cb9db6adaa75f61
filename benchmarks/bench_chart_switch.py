"""Switching the Progress view's chart to another exercise, on the 10-year history (~30,000 sets).

The figure is `ProgressView.show_exercise(slug)` followed by processing the events it queued
(the plots redraw), with the chart cache emptied first, so every switch runs its SQL
aggregates and rebuilds the series; the same with the cache warm is reported beside it. The
floor is the aggregate query alone with the sqlite3 module (working sets of one exercise summed
per session and load): what any program must at least do to draw that chart.

    python -m benchmarks.bench_chart_switch          # prints the figures

Not part of the test suite (no timing assertions there).

Caution: with PySide6 6.12.0 on Python 3.11 every call of a Qt method that returns nothing drops
a reference to None, so a process that makes a few thousand such calls aborts with
"none_dealloc" (Python 3.12 and later are immune: None is immortal there). This benchmark makes
that many; run it with PySide6 6.11 (measured there: median 50 ms with an empty cache, 32 ms
cached, on 2 shared cores) until the project pins a version without the bug.
"""

from __future__ import annotations

import os
import sqlite3
from functools import partial
from pathlib import Path

from benchmarks import datasets
from benchmarks.harness import CaseResult, copy_database, median, scratch_dir, time_ms, time_runs

CASE = "chart-switch"
GOAL_MS = 100.0
WARMUP = 2

FLOOR_SQL = """
SELECT s.id, s.started_at, s.bodyweight_kg, COALESCE(t.load_kg, 0.0), COUNT(t.id), SUM(t.reps),
       MAX(t.reps), MAX(CASE WHEN t.reps BETWEEN 1 AND 12 THEN t.reps END)
FROM sessions s JOIN sets t ON t.session_id = s.id
WHERE t.exercise_id = ? AND t.warmup = 0 AND t.flagged = 0
GROUP BY s.id, s.started_at, s.bodyweight_kg, COALESCE(t.load_kg, 0.0)
ORDER BY s.started_at, s.id
"""


def _time_view(db: Path, runs: int) -> tuple[list[float], list[float], list[str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from hiplog.services.context import AppContext
    from hiplog.ui.common.data_events import DataEvents
    from hiplog.ui.progress.progress_view import ProgressView

    app = QApplication.instance() or QApplication([])
    ctx = AppContext.open_path(db)
    view = ProgressView(ctx, DataEvents(), QUndoStack())
    try:
        view.resize(1300, 820)
        view.show()
        app.processEvents()
        slugs = [t.slug for t in view.data.trained_exercises()]

        def switch(slug: str) -> None:
            view.show_exercise(slug)
            app.processEvents()

        cold: list[float] = []
        warm: list[float] = []
        for n in range(WARMUP + runs):
            slug = slugs[n % len(slugs)]
            view.data.invalidate()
            elapsed = time_ms(partial(switch, slug))
            # The same switch again with the series cached (back and forth).
            switch(slugs[(n + 1) % len(slugs)])
            warm_elapsed = time_ms(partial(switch, slug))
            if n >= WARMUP:
                cold.append(elapsed)
                warm.append(warm_elapsed)
        return cold, warm, slugs
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
        ctx.close()


def _time_floor(db: Path, slugs: list[str], runs: int) -> list[float]:
    conn = sqlite3.connect(db)
    try:
        ids = dict(conn.execute("SELECT slug, id FROM exercises").fetchall())
        return time_runs(
            lambda n: conn.execute(FLOOR_SQL, (ids[slugs[n % len(slugs)]],)).fetchall(),
            runs,
            WARMUP,
        )
    finally:
        conn.close()


def run(runs: int = 15) -> list[CaseResult]:
    data = datasets.ensure("10y")
    with scratch_dir() as tmp:
        db = copy_database(data.db, tmp / "hiplog.db")
        cold, warm, slugs = _time_view(db, runs)
        floor = _time_floor(db, slugs, runs)
    figure = median(cold)
    return [
        CaseResult(
            case=CASE,
            label="switch the chart to another exercise, median (10y db)",
            figure=figure,
            unit="ms",
            floor=median(floor),
            floor_label="sqlite3 aggregate query for one exercise, median",
            goal=f"median < {GOAL_MS:g} ms",
            goal_met=figure < GOAL_MS,
            runs=len(cold),
            samples=[round(s, 3) for s in cold],
            floor_samples=[round(s, 3) for s in floor],
            details={
                "cold_median_ms": figure,
                "cold_max_ms": max(cold),
                "warm_median_ms": median(warm),
                "warm_max_ms": max(warm),
                "exercises": slugs,
            },
        )
    ]


def main() -> None:
    for result in run():
        d = result.details
        print(
            f"chart switch on the 10-year history ({result.runs} runs): "
            f"median {result.figure:.1f} ms with an empty cache "
            f"(max {d['cold_max_ms']:.1f}), {d['warm_median_ms']:.1f} ms cached; "
            f"floor (SQL alone) {result.floor or 0:.1f} ms; goal {result.goal}: "
            f"{'met' if result.goal_met else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
