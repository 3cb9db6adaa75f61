"""Rows damaged by hand or by another tool: reading survives them, export keeps the good data
and names the bad rows, and `hiplog check --drop` removes them after a backup. On a SQLite file
and on PostgreSQL, where the damage is what that engine lets a hand or a tool write."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests.targets import Target

from hiplog.cli import main
from hiplog.domain.models import SetEntry
from hiplog.services import charts, history, plan, row_repair, training_log

# (SQL that damages one row, table, row id, column) written behind hiplog's back.
DAMAGE = [
    ("UPDATE sets SET exercise_id = 9999 WHERE id = 2", "sets", 2, "exercise_id"),
    ("UPDATE sets SET reps = 'ten' WHERE id = 3", "sets", 3, "reps"),
    ("UPDATE sets SET notes = x'00ff' WHERE id = 4", "sets", 4, "notes"),
    ("UPDATE sets SET load_kg = 9e999 WHERE id = 5", "sets", 5, "load_kg"),
    ("UPDATE sets SET reps = 9223372036854775807 WHERE id = 6", "sets", 6, "reps"),
    ("UPDATE sessions SET started_at = 'last tuesday' WHERE id = 7", "sessions", 7, "started_at"),
]
# PostgreSQL keeps every column's type (no text in a number, no NUL byte in text, no date that
# is not one) and its constraints: a tool that damages rows there drops a constraint first, as
# these do, or writes what the types allow (an infinite load, a year 1 date).
PG_DAMAGE = [
    (
        "ALTER TABLE sets DROP CONSTRAINT fk_sets_exercise_id_exercises;"
        " UPDATE sets SET exercise_id = 9999 WHERE id = 2",
        "sets",
        2,
        "exercise_id",
    ),
    (
        "ALTER TABLE sets DROP CONSTRAINT ck_sets_reps_non_negative;"
        " UPDATE sets SET reps = -3 WHERE id = 3",
        "sets",
        3,
        "reps",
    ),
    (
        "ALTER TABLE sets DROP CONSTRAINT ck_sets_side_values;"
        " UPDATE sets SET side = 'X' WHERE id = 4",
        "sets",
        4,
        "side",
    ),
    ("UPDATE sets SET load_kg = 'Infinity' WHERE id = 5", "sets", 5, "load_kg"),
    ("UPDATE sets SET reps = 2147483647 WHERE id = 6", "sets", 6, "reps"),
    ("UPDATE sessions SET started_at = '0001-01-01' WHERE id = 7", "sessions", 7, "started_at"),
]


def _execute(target: Target, *statements: str) -> None:
    """Run SQL on the database behind hiplog's back."""
    if target.url is None:
        conn = sqlite3.connect(target.path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return
    engine = create_engine(target.url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                for part in statement.split(";"):
                    connection.execute(text(part))
    finally:
        engine.dispose()


def _damage(target: Target) -> list[tuple[str, str, int, str]]:
    return PG_DAMAGE if target.url else DAMAGE


def _sessions(document: object) -> list[dict[str, list[object]]]:
    """Every session in a JSON backup, of one athlete or of all."""
    if isinstance(document, dict):
        found = list(document.get("sessions", []))
        for key, value in document.items():
            if key != "sessions":
                found += _sessions(value)
        return found
    if isinstance(document, list):
        return [s for item in document for s in _sessions(item)]
    return []


@pytest.fixture
def damaged(target: Target) -> Target:
    ctx = target.open()
    try:
        for day in range(1, 9):  # one set per session; set id = session id
            entry = SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=60.0 + day)
            training_log.log_sets(ctx, [entry], datetime(2026, 1, day, 18, 0))
    finally:
        ctx.close()
    _execute(target, *(statement for statement, *_ in _damage(target)))
    return target


def test_every_reading_leaves_the_bad_rows_out_and_keeps_the_rest(damaged: Target) -> None:
    ctx = damaged.open()
    try:
        rows = charts.stats(ctx, "barbell-hip-thrust")
        assert [r.top_load_kg for r in rows] == [61.0, 68.0]
        assert len(history.history_page(ctx)) == 7  # every session but the one without a date
        assert history.session_count(ctx) == 7
        assert history.training_days(ctx, date(2026, 1, 1), date(2026, 1, 31))
        plan.suggest(ctx, datetime(2026, 1, 10, 12, 0))
        found = {(b.table, b.row_id, b.column) for b in row_repair.bad_rows(ctx)}
        assert {(t, i, c) for _, t, i, c in _damage(damaged)} <= found
    finally:
        ctx.close()


def test_export_writes_the_good_rows_and_names_the_bad_ones(
    damaged: Target, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv, out_json = tmp_path / "all.csv", tmp_path / "all.json"
    assert main([*damaged.cli(), "export", str(out_csv)]) == 0
    report = capsys.readouterr().out
    assert "Wrote 2 sets" in report
    for _, table, row_id, column in _damage(damaged):
        assert f"{table} row {row_id}, {column}" in report
    assert main([*damaged.cli(), "export", str(out_json)]) == 0
    capsys.readouterr()
    sessions = json.loads(out_json.read_text())["sessions"]
    assert len(sessions) == 7
    # What was exported imports again into a new file.
    fresh = tmp_path / "fresh.db"
    assert main(["--db", str(fresh), "import", str(out_csv)]) == 0


def test_check_lists_the_bad_rows_and_drop_removes_them_after_a_backup(
    damaged: Target, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*damaged.cli(), "check"]) == 0
    listed = capsys.readouterr().out
    assert "sets row 5, load_kg: not a finite load" in listed
    assert main([*damaged.cli(), "check", "--drop"]) == 0
    # Five bad sets, the session without a date and its one set.
    assert "Dropped 7 damaged rows" in capsys.readouterr().out
    assert main([*damaged.cli(), "check"]) == 0
    assert "No damaged rows." in capsys.readouterr().out
    backups = list((damaged.path.parent / "backups").glob("hiplog-pre-repair-*"))
    assert len(backups) == 1
    if damaged.url is None:
        conn = sqlite3.connect(backups[0])
        assert conn.execute("SELECT count(*) FROM sets").fetchone() == (8,)
        conn.close()
    else:
        # A server's backup is its JSON export, which holds the rows hiplog can read: the two
        # good sets in the seven sessions with a date (the bad values are not in it).
        sessions = _sessions(json.loads(backups[0].read_text("utf-8")))
        assert len(sessions) == 7
        assert sum(len(s["sets"]) for s in sessions) == 2


def test_check_drop_removes_every_athletes_bad_rows_whoever_is_open(
    damaged: Target, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*damaged.cli(), "athletes", "add", "Sam"]) == 0
    _execute(damaged, "UPDATE sessions SET athlete_id = 2 WHERE id IN (5, 6, 7)")  # Sam's now
    capsys.readouterr()
    assert main([*damaged.cli(), "--athlete", "Me", "check", "--drop"]) == 0
    assert "Dropped 7 damaged rows" in capsys.readouterr().out
    assert main([*damaged.cli(), "--athlete", "Sam", "check"]) == 0
    assert "No damaged rows." in capsys.readouterr().out
