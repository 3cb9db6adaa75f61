"""One writer at a time: a second writer waits for the first instead of failing.

SQLite only: SQLite's one-writer file lock; a server's writers: test_several_clients.py.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.cli import main as cli_main
from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.storage import engine


def _holder(path: Path, seconds: float, holding: threading.Event) -> threading.Thread:
    """A thread that holds the write lock (an open write transaction) for `seconds`."""

    def run() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (athlete_id, key, value) VALUES (1, 'held', 'yes')")
        holding.set()
        threading.Event().wait(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert holding.wait(10)
    return thread


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "hiplog.db"
    AppContext.open_path(path).close()
    return path


def test_the_command_line_waits_for_a_writer_holding_the_file_for_two_seconds(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thread = _holder(database, 2.0, threading.Event())
    try:
        status = cli_main(["--db", str(database), "log", "glute-bridge", "x15", "x15"])
    finally:
        thread.join()
    assert status == 0, capsys.readouterr().err
    ctx = AppContext.open_path(database)
    try:
        session = training_log.get_session(ctx, 1)
        assert session is not None
        assert [s.reps for s in session.sets] == [15, 15]
    finally:
        ctx.close()


def test_a_service_write_waits_too_and_the_other_writers_change_is_kept(database: Path) -> None:
    ctx = AppContext.open_path(database)
    try:
        thread = _holder(database, 2.0, threading.Event())
        try:
            training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=9)], datetime(2026, 1, 5))
        finally:
            thread.join()
        with sqlite3.connect(database) as conn:
            held = conn.execute("SELECT value FROM settings WHERE key = 'held'").fetchone()
        assert held == ("yes",)
        assert training_log.get_session(ctx, 1) is not None
    finally:
        ctx.close()


def test_a_writer_that_never_lets_go_gives_a_clear_locked_error(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(engine, "WRITE_RETRY_SECONDS", 0.3)
    ctx = AppContext.open_path(database)
    try:
        thread = _holder(database, 1.5, threading.Event())
        try:
            with pytest.raises(DatabaseError) as info:
                training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=9)])
        finally:
            thread.join()
        assert info.value.kind == "locked"
        assert "try again" in str(info.value)
        # Once the other writer is done, the same call works.
        training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=9)])
    finally:
        ctx.close()
