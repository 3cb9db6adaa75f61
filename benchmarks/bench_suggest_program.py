"""`suggest` while following a program, on the 10-year database.

As bench_suggest.py (an open context, two days after the last session), with "Gym with a
barbell" followed for the last year of the history, so the rotation walks a year of sessions
(about 150) to find the next day, and the day's entries read their exercises' last sessions
however old. The database is a copy: the cached dataset stays without programs.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks import datasets
from benchmarks.bench_suggest import GOAL_MS, as_of_for
from benchmarks.harness import CaseResult, median

CASE = "suggest-program"
PROGRAM = "Gym with a barbell"


def run(runs: int = 20) -> list[CaseResult]:
    from hiplog.services import plan as plan_service
    from hiplog.services import programs
    from hiplog.services.context import AppContext

    data = datasets.ensure("10y")
    as_of = as_of_for(data.db)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "hiplog.db"
        shutil.copy(data.db, db)
        ctx = AppContext.open_path(db)
        try:
            programs.use_program(ctx, PROGRAM, at=as_of - timedelta(days=365))
            cold_started = time.perf_counter()
            plan = plan_service.suggest(ctx, as_of)
            cold = (time.perf_counter() - cold_started) * 1000
            samples: list[float] = []
            for _ in range(runs):
                started = time.perf_counter()
                plan_service.suggest(ctx, as_of)
                samples.append((time.perf_counter() - started) * 1000)
        finally:
            ctx.close()
    assert plan.program is not None
    figure = median(samples)
    return [
        CaseResult(
            case=CASE,
            label=f"suggest with a program, {plan.program.day} (10y db)",
            figure=figure,
            unit="ms",
            floor=None,
            floor_label="",
            goal=f"< {GOAL_MS:g} ms",
            goal_met=figure < GOAL_MS,
            runs=runs,
            samples=[round(s, 3) for s in samples],
            details={
                "as_of": as_of.isoformat(),
                "program": PROGRAM,
                "day": plan.program.day,
                "suggestions": len(plan.suggestions),
                "first_call_ms": cold,
            },
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result.to_json() | {"samples": "..."})
