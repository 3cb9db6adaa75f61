"""Killing a writer at any moment loses nothing it acknowledged and leaves a sound file.

SQLite only: a killed writer and the file it leaves; a server's crash safety is PostgreSQL's own.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext

WRITER = Path(__file__).with_name("crash_writer.py")


def _row(s: SetEntry) -> list[object]:
    return [s.exercise, s.order, s.reps, s.load_kg or 0.0, s.notes]


def _run_and_kill(
    database: Path, run: int, delay: float, after_first: bool
) -> list[dict[str, object]]:
    """Start a writer, SIGKILL it, return the sessions it acknowledged.

    The kill comes `delay` seconds after the start (often during start-up: creating,
    migrating, opening) or, with `after_first`, that long after its first acknowledgement (in
    the middle of writing), whatever the speed of the machine.
    """
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(database), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    first = process.stdout.readline() if after_first else b""
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, err.decode(errors="replace")
    acknowledged = []
    for line in (first + out).decode().splitlines(keepends=True):
        if line.endswith("\n"):  # a line cut by the kill was never acknowledged
            acknowledged.append(json.loads(line))
    return acknowledged


def _check_database(database: Path, acknowledged: list[dict[str, object]]) -> None:
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    ctx = AppContext.open_path(database)
    try:
        for record in acknowledged:
            session = training_log.get_session(ctx, int(str(record["id"])))
            assert session is not None, f"acknowledged session {record['id']} is missing"
            assert session.started_at.isoformat() == record["when"]
            stored = [
                [s.exercise, s.order, s.reps, s.load_kg or 0.0, s.notes] for s in session.sets
            ]
            assert stored == record["sets"]
        conn = sqlite3.connect(database)
        try:
            rows = conn.execute(
                "SELECT s.notes, COUNT(t.id) FROM sessions s LEFT JOIN sets t "
                "ON t.session_id = s.id GROUP BY s.id"
            ).fetchall()
        finally:
            conn.close()
        # Every session in the file is whole, acknowledged or not: its note says how many sets.
        for note, count in rows:
            assert note == f"{count} sets"
    finally:
        ctx.close()


def _kill_many(tmp_path: Path, kills: int, seed: int) -> int:
    rng = random.Random(seed)
    database = tmp_path / "crash.db"
    acknowledged: list[dict[str, object]] = []
    for run in range(kills):
        after_first = run % 2 == 1
        delay = rng.uniform(0.0, 0.5) if after_first else rng.uniform(0.0, 1.2)
        acknowledged += _run_and_kill(database, run, delay, after_first)
    _check_database(database, acknowledged)
    return len(acknowledged)


def test_sigkill_at_random_moments_loses_no_acknowledged_session(tmp_path: Path) -> None:
    assert _kill_many(tmp_path, kills=20, seed=20261121) > 0


@pytest.mark.slow
def test_soak_500_kills(tmp_path: Path) -> None:
    assert _kill_many(tmp_path, kills=500, seed=500) > 0
