"""Start-up to the first painted main window, on the 10-year and the 1,000,000-set databases.

Each start is a fresh process (`benchmarks.startup_child`) through hiplog's real entry point,
timed from just before the process is created to the moment the event loop is back in control
after the window's first paint. The floor is the same for a bare QMainWindow holding one
pyqtgraph plot. Runs of the three alternate, so a slow moment of the machine falls on all.

Each kind gets one unmeasured start first, on its own copy of the database and its own home
folder: that is the day's first start (it writes the daily backup) and warms the disk cache.
It is reported beside the figures; the figures are the median of the starts after it, which
find the window's size and view remembered from the previous start, as a person's would.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import datasets
from benchmarks.harness import CaseResult, copy_database, median, run_child, scratch_dir

CHILD = "benchmarks.startup_child"
GOAL_RATIO_10Y = 1.5
GOAL_GROWTH_1M = 2.0


def _start(kind: str, db: Path | None, home: Path) -> float:
    args = ["bare"] if db is None else ["app", "--db", str(db)]
    report = run_child(CHILD, args, home)
    return float(report["painted_at"] - report["spawned_at"]) * 1000


def run(runs: int = 5) -> list[CaseResult]:
    ten = datasets.ensure("10y")
    million = datasets.ensure("1m")
    with scratch_dir() as tmp:
        kinds: dict[str, Path | None] = {"bare": None}
        for kind, source in (("10y", ten.db), ("1m", million.db)):
            (tmp / kind).mkdir()
            kinds[kind] = copy_database(source, tmp / kind / "hiplog.db")
        first: dict[str, float] = {}
        samples: dict[str, list[float]] = {kind: [] for kind in kinds}
        for n in range(runs + 1):
            for kind, db in kinds.items():
                elapsed = _start(kind, db, tmp / f"home-{kind}")
                if n == 0:
                    first[kind] = elapsed
                else:
                    samples[kind].append(elapsed)
    floor = median(samples["bare"])
    ten_ms = median(samples["10y"])
    million_ms = median(samples["1m"])
    ten_result = CaseResult(
        case="startup-10y",
        label="start-up to first paint (10y db)",
        figure=ten_ms,
        unit="ms",
        floor=floor,
        floor_label="bare QMainWindow + one pyqtgraph plot",
        goal=f"<= {GOAL_RATIO_10Y:g}x floor",
        goal_met=ten_ms <= GOAL_RATIO_10Y * floor,
        runs=runs,
        samples=[round(s, 1) for s in samples["10y"]],
        floor_samples=[round(s, 1) for s in samples["bare"]],
        details={"first_start_of_day_ms": first["10y"], "floor_first_start_ms": first["bare"]},
    )
    million_result = CaseResult(
        case="startup-1m",
        label="start-up to first paint (1,000,000-set db)",
        figure=million_ms,
        unit="ms",
        floor=floor,
        floor_label="bare QMainWindow + one pyqtgraph plot",
        goal=f"<= {GOAL_GROWTH_1M:g}x the 10y figure",
        goal_met=million_ms <= GOAL_GROWTH_1M * ten_ms,
        runs=runs,
        samples=[round(s, 1) for s in samples["1m"]],
        floor_samples=[round(s, 1) for s in samples["bare"]],
        details={
            "ten_year_ms": ten_ms,
            "growth_vs_10y": million_ms / ten_ms if ten_ms else None,
            "first_start_of_day_ms": first["1m"],
        },
    )
    return [ten_result, million_result]


if __name__ == "__main__":
    for result in run():
        print(result.to_json())
