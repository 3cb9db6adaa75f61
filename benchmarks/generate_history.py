"""Generate realistic training histories for benchmarks and screenshots.

Years of two to three sessions a week, five to seven hip-extensor exercises per session with
warm-ups, slow progression of loads and reps, and breaks (holidays, illness) after which loads
drop. Written as a hiplog database and as a Strong CSV.

    python -m benchmarks.generate_history --sets 30000 --db /tmp/10y.db --strong /tmp/10y.csv
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hiplog.domain.models import Session, SetEntry
from hiplog.services.context import AppContext
from hiplog.storage import session_repo

# (slug, Strong name, start load kg or None, step kg, rep range)
PROGRAM: list[tuple[str, str, float | None, float, tuple[int, int]]] = [
    ("barbell-hip-thrust", "Hip Thrust (Barbell)", 40.0, 2.5, (8, 12)),
    ("romanian-deadlift", "Romanian Deadlift (Barbell)", 30.0, 2.5, (8, 12)),
    ("kettlebell-swing", "Kettlebell Swing", 12.0, 4.0, (10, 20)),
    ("back-extension-45", "Back Extension", None, 2.5, (10, 20)),
    ("step-up", "Step-up", None, 2.0, (15, 20)),
    ("conventional-deadlift", "Deadlift (Barbell)", 60.0, 2.5, (5, 8)),
    ("glute-bridge", "Glute Bridge", None, 2.0, (10, 20)),
    ("cable-pull-through", "Cable Pull Through", 20.0, 2.5, (10, 15)),
    ("good-morning", "Good Morning (Barbell)", 20.0, 2.5, (8, 12)),
]

STRONG_HEADER = [
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
]  # fmt: skip


def generate_sessions(
    target_sets: int, seed: int = 7, end: datetime | None = None
) -> list[Session]:
    """About `target_sets` sets of history ending at `end` (default: yesterday evening)."""
    rng = random.Random(seed)
    sets_per_session = 23
    n_sessions = max(1, target_sets // sets_per_session)
    # Walk backwards in time to know the start, then generate forwards.
    days_per_session = 7 / 2.5
    finish = end or (datetime.now() - timedelta(days=1)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    start = finish - timedelta(days=int(n_sessions * days_per_session * 1.06))
    # slug -> [load kg or None, reps, unused]
    state: dict[str, list[Any]] = {slug: [load, lo, 0] for slug, _n, load, _s, (lo, _h) in PROGRAM}
    sessions: list[Session] = []
    day = start
    produced = 0
    while produced < target_sets:
        gap = rng.choice((2, 2, 3, 3, 4))
        if rng.random() < 0.015:  # a break: holiday or illness
            gap += rng.randint(10, 40)
            for slug, values in state.items():
                if values[0] is not None:
                    step = next(p[3] for p in PROGRAM if p[0] == slug)
                    values[0] = max(step, round(values[0] * 0.85 / step) * step)
        day += timedelta(days=gap)
        when = day.replace(hour=rng.choice((7, 12, 17, 18, 19)), minute=rng.choice((0, 15, 30)))
        chosen = rng.sample(PROGRAM, rng.randint(5, 7))
        chosen.sort(key=lambda p: [q[0] for q in PROGRAM].index(p[0]))
        entries: list[SetEntry] = []
        for slug, _name, _load, step, (lo, hi) in chosen:
            load, reps, _ = state[slug]
            order = 0
            if load is not None:
                for warm in (0.5, 0.75):
                    order += 1
                    entries.append(
                        SetEntry(
                            slug,
                            order,
                            reps=lo,
                            load_kg=round(load * warm / step) * step or step,
                            warmup=True,
                        )
                    )
            for _ in range(3):
                order += 1
                done = max(lo - 2, reps - rng.choice((0, 0, 0, 1, 2)))
                entries.append(
                    SetEntry(slug, order, reps=done, load_kg=load, rir=rng.choice((None, 1, 2, 3)))
                )
            # progression: add reps, then load once the top of the range is reached
            if reps >= hi:
                if load is None:
                    state[slug][1] = hi
                else:
                    state[slug][0], state[slug][1] = load + step, lo
            else:
                state[slug][1] = reps + 1
        sessions.append(Session(started_at=when, sets=tuple(entries), bodyweight_kg=None))
        produced += len(entries)
    shift = timedelta(days=(finish.date() - sessions[-1].started_at.date()).days)
    return [replace(s, started_at=s.started_at + shift) for s in sessions]


def write_database(path: Path, sessions: list[Session]) -> None:
    ctx = AppContext.open_path(path)
    try:
        for i in range(0, len(sessions), 2000):
            with ctx.db.transaction() as tx:
                session_repo.add_sessions_bulk(tx, sessions[i : i + 2000])
    finally:
        ctx.close()


def strong_rows(sessions: list[Session]) -> Iterator[list[str]]:
    names = {slug: name for slug, name, *_ in PROGRAM}
    for session in sessions:
        date = session.started_at.strftime("%Y-%m-%d %H:%M:%S")
        for entry in session.sets:
            order = "W" if entry.warmup else str(entry.order)
            weight = f"{entry.load_kg:g}" if entry.load_kg else "0"
            rpe = "" if entry.rir is None else f"{10 - entry.rir}"
            yield [date, "Glutes", "1h 5m", names[entry.exercise], order, weight,
                   str(entry.reps), "0", "0", "", "", rpe]  # fmt: skip


def write_strong_csv(path: Path, sessions: list[Session]) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(STRONG_HEADER)
        count = 0
        for row in strong_rows(sessions):
            writer.writerow(row)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--strong", type=Path)
    args = parser.parse_args()
    sessions = generate_sessions(args.sets, args.seed)
    if args.db:
        write_database(args.db, sessions)
    if args.strong:
        write_strong_csv(args.strong, sessions)
    total = sum(len(s.sets) for s in sessions)
    print(
        f"{len(sessions)} sessions, {total} sets, {sessions[0].started_at:%Y-%m-%d} .. "
        f"{sessions[-1].started_at:%Y-%m-%d}"
    )


if __name__ == "__main__":
    main()
