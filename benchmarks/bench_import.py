"""Importing the 100,000-set Strong CSV.

The figure is `services.import_export.import_file` (format strong, unit kg) into a new, empty
database, as the Import dialog and ``hiplog import`` run it: read, map exercises, back up, write
in one transaction. The floor is the least work that reads those rows and stores them: the csv
module's reader and one sqlite3 executemany into a table of the same twelve columns, committed
with the same pragmas.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from pathlib import Path

from benchmarks import datasets
from benchmarks.harness import CaseResult, median, scratch_dir

CASE = "import-strong"
GOAL_RATIO = 3.0


def _floor_once(source: Path, target: Path) -> float:
    started = time.perf_counter()
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        columns = ", ".join(f'"{name}" TEXT' for name in header)
        conn.execute(f"CREATE TABLE strong ({columns})")
        conn.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" for _ in header)
        conn.executemany(f"INSERT INTO strong VALUES ({marks})", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return time.perf_counter() - started


def _import_once(source: Path, target: Path) -> tuple[float, int]:
    from hiplog.domain.units import Unit
    from hiplog.services import import_export
    from hiplog.services.context import AppContext

    ctx = AppContext.open_path(target)  # creating the empty database is not part of the import
    try:
        started = time.perf_counter()
        summary = import_export.import_file(ctx, source, fmt="strong", unit=Unit.KG)
        elapsed = time.perf_counter() - started
    finally:
        ctx.close()
    return elapsed, summary.sets_imported


def run(runs: int = 5) -> list[CaseResult]:
    data = datasets.ensure("100k")
    figure: list[float] = []
    floor: list[float] = []
    imported = 0
    with scratch_dir() as tmp:
        for n in range(runs):
            floor.append(_floor_once(data.strong_csv, tmp / f"floor-{n}.db"))
            elapsed, imported = _import_once(data.strong_csv, tmp / f"hiplog-{n}" / "hiplog.db")
            figure.append(elapsed)
    result = CaseResult(
        case=CASE,
        label=f"import Strong CSV, {imported:,} sets",
        figure=median(figure),
        unit="s",
        floor=median(floor),
        floor_label="csv.reader + sqlite3 executemany",
        goal=f"<= {GOAL_RATIO:g}x floor",
        goal_met=False,
        runs=runs,
        samples=[round(s, 4) for s in figure],
        floor_samples=[round(s, 4) for s in floor],
        details={"sets_imported": imported, "file": data.strong_csv.name},
    )
    result.goal_met = (result.ratio or 0) <= GOAL_RATIO
    return [result]


if __name__ == "__main__":
    for result in run():
        print(result.to_json())
