"""Rows damaged by hand or by another tool: reading survives them, export keeps the good data
and names the bad rows, and `hiplog check --drop` removes them after a backup."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from hiplog.cli import main
from hiplog.domain.models import SetEntry
from hiplog.services import charts, history, plan, row_repair, training_log
from hiplog.services.context import AppContext

# (SQL that damages one row, table, column) written behind hiplog's back.
DAMAGE = [
    ("UPDATE sets SET exercise_id = 9999 WHERE id = 2", "sets", 2, "exercise_id"),
    ("UPDATE sets SET reps = 'ten' WHERE id = 3", "sets", 3, "reps"),
    ("UPDATE sets SET notes = x'00ff' WHERE id = 4", "sets", 4, "notes"),
    ("UPDATE sets SET load_kg = 9e999 WHERE id = 5", "sets", 5, "load_kg"),
    ("UPDATE sets SET reps = 9223372036854775807 WHERE id = 6", "sets", 6, "reps"),
    ("UPDATE sessions SET started_at = 'last tuesday' WHERE id = 7", "sessions", 7, "started_at"),
]


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "hiplog.db"
    ctx = AppContext.open_path(path)
    try:
        for day in range(1, 9):  # one set per session; set id = session id
            entry = SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=60.0 + day)
            training_log.log_sets(ctx, [entry], datetime(2026, 1, day, 18, 0))
    finally:
        ctx.close()
    conn = sqlite3.connect(path)
    for statement, *_ in DAMAGE:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_every_reading_leaves_the_bad_rows_out_and_keeps_the_rest(damaged: Path) -> None:
    ctx = AppContext.open_path(damaged)
    try:
        rows = charts.stats(ctx, "barbell-hip-thrust")
        assert [r.top_load_kg for r in rows] == [61.0, 68.0]
        assert len(history.history_page(ctx)) == 7  # every session but the one without a date
        assert history.session_count(ctx) == 7
        assert history.training_days(ctx, date(2026, 1, 1), date(2026, 1, 31))
        plan.suggest(ctx, datetime(2026, 1, 10, 12, 0))
        found = {(b.table, b.row_id, b.column) for b in row_repair.bad_rows(ctx)}
        assert {(t, i, c) for _, t, i, c in DAMAGE} <= found
    finally:
        ctx.close()


def test_export_writes_the_good_rows_and_names_the_bad_ones(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv, out_json = tmp_path / "all.csv", tmp_path / "all.json"
    assert main(["--db", str(damaged), "export", str(out_csv)]) == 0
    report = capsys.readouterr().out
    assert "Wrote 2 sets" in report
    for _, table, row_id, column in DAMAGE:
        assert f"{table} row {row_id}, {column}" in report
    assert main(["--db", str(damaged), "export", str(out_json)]) == 0
    capsys.readouterr()
    sessions = json.loads(out_json.read_text())["sessions"]
    assert len(sessions) == 7
    # What was exported imports again into a new file.
    fresh = tmp_path / "fresh.db"
    assert main(["--db", str(fresh), "import", str(out_csv)]) == 0


def test_check_lists_the_bad_rows_and_drop_removes_them_after_a_backup(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(damaged), "check"]) == 0
    listed = capsys.readouterr().out
    assert "sets row 5, load_kg: not a finite load" in listed
    assert main(["--db", str(damaged), "check", "--drop"]) == 0
    # Five bad sets, the session without a date and its one set.
    assert "Dropped 7 damaged rows" in capsys.readouterr().out
    assert main(["--db", str(damaged), "check"]) == 0
    assert "No damaged rows." in capsys.readouterr().out
    backups = list((damaged.parent / "backups").glob("hiplog-pre-repair-*.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT count(*) FROM sets").fetchone() == (8,)
    conn.close()


def test_check_drop_removes_every_athletes_bad_rows_whoever_is_open(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(damaged), "athletes", "add", "Sam"]) == 0
    conn = sqlite3.connect(damaged)
    conn.execute("UPDATE sessions SET athlete_id = 2 WHERE id IN (5, 6, 7)")  # Sam's now
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(damaged), "--athlete", "Me", "check", "--drop"]) == 0
    assert "Dropped 7 damaged rows" in capsys.readouterr().out
    assert main(["--db", str(damaged), "--athlete", "Sam", "check"]) == 0
    assert "No damaged rows." in capsys.readouterr().out
