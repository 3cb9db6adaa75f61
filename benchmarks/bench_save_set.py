"""Saving one set, from the call to its acknowledgement (the transaction committed to disk).

The figure is `training_log.add_set` with a write token, as the Log view saves a set when it is
entered (the token makes a save made again after a lost answer add nothing), on a copy of the
10-year database. The floor is the same row written with the sqlite3 module alone:
one INSERT and a COMMIT on a connection with the same pragmas (WAL, synchronous=FULL), so both
pay for the same fsync.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import datasets
from benchmarks.harness import (
    CaseResult,
    copy_database,
    median,
    percentile,
    scratch_dir,
    time_runs,
)

if TYPE_CHECKING:
    from hiplog.services.context import AppContext

CASE = "save-set"
GOAL_P99_MS = 20.0
WARMUP = 5


def time_saving_sets(ctx: AppContext, runs: int) -> list[float]:
    """Seconds per saved set, `runs` sets into a new session of `ctx` (after WARMUP more);
    the server benchmark times the same on PostgreSQL."""
    from hiplog.domain.models import SetEntry
    from hiplog.services import training_log

    session = training_log.create_session(ctx, datetime.now().replace(microsecond=0))
    assert session.id is not None
    session_id = session.id
    entries = [
        SetEntry("barbell-hip-thrust", n + 1, reps=10, load_kg=80.0, rir=2)
        for n in range(WARMUP + runs)
    ]
    return time_runs(
        lambda n: training_log.add_set(ctx, session_id, entries[n], training_log.new_write_token()),
        runs,
        WARMUP,
    )


def _time_hiplog(db: Path, runs: int) -> list[float]:
    from hiplog.services.context import AppContext

    ctx = AppContext.open_path(db)
    try:
        return time_saving_sets(ctx, runs)
    finally:
        ctx.close()


def _time_floor(db: Path, runs: int) -> list[float]:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        (exercise_id,) = conn.execute(
            "SELECT id FROM exercises WHERE slug = 'barbell-hip-thrust'"
        ).fetchone()
        started_at = (datetime.now() + timedelta(hours=1)).isoformat(sep=" ")
        conn.execute("BEGIN IMMEDIATE")
        session_id = conn.execute(
            "INSERT INTO sessions (athlete_id, started_at, notes) VALUES (1, ?, '')", (started_at,)
        ).lastrowid
        conn.execute("COMMIT")

        def insert(n: int) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO sets (session_id, exercise_id, position, load_kg, reps, rir, warmup,"
                " notes, flagged) VALUES (?, ?, ?, 80.0, 10, 2, 0, '', 0)",
                (session_id, exercise_id, n + 1),
            )
            conn.execute("COMMIT")

        return time_runs(insert, runs, WARMUP)
    finally:
        conn.close()


def run(runs: int = 200) -> list[CaseResult]:
    data = datasets.ensure("10y")
    with scratch_dir() as tmp:
        hiplog_db = copy_database(data.db, tmp / "hiplog.db")
        floor_db = copy_database(data.db, tmp / "floor.db")
        # Alternate so that a burst of disk noise falls on both.
        figure: list[float] = []
        floor: list[float] = []
        for _ in range(2):
            floor += _time_floor(floor_db, runs // 2)
            figure += _time_hiplog(hiplog_db, runs // 2)
    p50, p99 = median(figure), percentile(figure, 99)
    floor_p50, floor_p99 = median(floor), percentile(floor, 99)
    return [
        CaseResult(
            case=CASE,
            label="save one set, p99 (10y db)",
            figure=p99,
            unit="ms",
            floor=floor_p99,
            floor_label="sqlite3 INSERT+COMMIT p99",
            goal=f"p99 < {GOAL_P99_MS:g} ms",
            goal_met=p99 < GOAL_P99_MS,
            runs=len(figure),
            samples=[round(s, 3) for s in figure],
            floor_samples=[round(s, 3) for s in floor],
            details={
                "p50_ms": p50,
                "p99_ms": p99,
                "floor_p50_ms": floor_p50,
                "floor_p99_ms": floor_p99,
                "p50_ratio": p50 / floor_p50 if floor_p50 else None,
            },
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result.to_json() | {"samples": "...", "floor_samples": "..."})
