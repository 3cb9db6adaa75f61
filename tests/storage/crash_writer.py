"""A writer for the crash tests: logs sessions until it is killed.

Run as ``python crash_writer.py DATABASE RUN``. After each `log_sets` call returns, it prints
one JSON line with the session's id and content: the line is the acknowledgement. Sessions of
run RUN start at distinct times, so they never join a session of another run.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext

EXERCISES = ("barbell-hip-thrust", "romanian-deadlift", "glute-bridge", "kettlebell-swing")


def _row(s: SetEntry) -> list[object]:
    return [s.exercise, s.order, s.reps, s.load_kg or 0.0, s.notes]


def main() -> None:
    database, run = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(run)
    ctx = AppContext.open_path(database)
    base = datetime(2020, 1, 1) + timedelta(days=run)
    for i in range(100_000):
        count = rng.randint(1, 8)
        sets = [
            SetEntry(
                exercise=rng.choice(EXERCISES),
                order=1,
                reps=rng.randint(1, 30),
                load_kg=float(rng.randint(0, 400)) / 2,
                notes=f"run {run} item {i}",
            )
            for _ in range(count)
        ]
        when = base + timedelta(seconds=i)
        session = training_log.log_sets(ctx, sets, when, note=f"{count} sets")
        record = {
            "id": session.id,
            "when": session.started_at.isoformat(),
            "sets": [
                [s.exercise, s.order, s.reps, s.load_kg or 0.0, s.notes] for s in session.sets
            ],
        }
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
