"""Peak memory after opening the 100,000-set database and showing its charts.

A fresh process starts hiplog at the Progress view (`--view progress`) on a copy of the
100,000-set database, lets the event loop run a second after the first paint so the charts
that load then are drawn, and reads its peak resident memory (ru_maxrss). The floor is the
same for the bare window with one pyqtgraph plot. The median of the runs is the figure.
"""

from __future__ import annotations

from benchmarks import datasets
from benchmarks.harness import CaseResult, copy_database, median, run_child, scratch_dir

CHILD = "benchmarks.startup_child"
CASE = "memory-100k"
GOAL_RATIO = 1.5
SETTLE_MS = "1000"


def run(runs: int = 5) -> list[CaseResult]:
    data = datasets.ensure("100k")
    figure: list[float] = []
    floor: list[float] = []
    with scratch_dir() as tmp:
        (tmp / "db").mkdir()
        db = copy_database(data.db, tmp / "db" / "hiplog.db")
        for _ in range(runs):
            bare = run_child(CHILD, ["bare", "--settle-ms", SETTLE_MS], tmp / "home-bare")
            floor.append(float(bare["peak_rss_mb"]))
            app = run_child(
                CHILD,
                ["app", "--db", str(db), "--view", "progress", "--settle-ms", SETTLE_MS],
                tmp / "home-app",
            )
            figure.append(float(app["peak_rss_mb"]))
    result = CaseResult(
        case=CASE,
        label="peak memory, charts of the 100k-set db",
        figure=median(figure),
        unit="MB",
        floor=median(floor),
        floor_label="bare QMainWindow + one pyqtgraph plot",
        goal=f"<= {GOAL_RATIO:g}x floor",
        goal_met=False,
        runs=runs,
        samples=[round(s, 1) for s in figure],
        floor_samples=[round(s, 1) for s in floor],
    )
    result.goal_met = (result.ratio or 0) <= GOAL_RATIO
    return [result]


if __name__ == "__main__":
    for result in run():
        print(result.to_json())
