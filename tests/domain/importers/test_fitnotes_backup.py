"""Reading FitNotes backups (SQLite): both schema versions seen, comments, bodyweight, bad files."""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.fitnotes_backup import read_fitnotes_backup
from hiplog.domain.models import ImportedData

from .checks import assert_data_or_refusal, assert_refused

# Expected numbers per real backup, computed independently of the reader with the sqlite3 command
# line tool: sets = count(*) from training_log; sessions = count(distinct date); reps = sum(reps);
# volume = round(sum(reps * metric_weight), 1); note rows = Comment rows with owner_type_id 1 plus
# WorkoutComment rows; flagged = rows with reps or metric_weight outside 0..1000, duration over a
# day or distance over 100 km (none). Then: sets with a comment (Comment joined to training_log),
# BodyWeight rows, sessions on a date with a BodyWeight row, metres (unit 3 = km, 4 = ft, else m),
# seconds. Columns: file, (sets, rest, notes, sessions, reps, reps x kg, flagged), commented sets,
# bodyweights, sessions with bodyweight, metres, seconds.
REAL_FILES = [
    ("labodyn__Tracking-health-and-body__FitNotes_Backup.fitnotes",
     (5583, 0, 5, 520, 31561, 2302130.6, 0), 1, 18, 9, 0.0, 0.0),
    ("mieubrisse__fitpages__FitNotes_Backup.fitnotes",
     (21812, 0, 3123, 989, 162410, 4139015.3, 0), 3093, 282, 152, 115485.5, 90965.0),
]  # fmt: skip

V22_TRAINING_LOG = (
    "CREATE TABLE training_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id INTEGER NOT "
    "NULL, date DATE NOT NULL, metric_weight INTEGER NOT NULL, reps INTEGER NOT NULL, unit "
    "INTEGER NOT NULL DEFAULT 0, distance INTEGER NOT NULL DEFAULT 0, duration_seconds INTEGER "
    "NOT NULL DEFAULT 0)"
)
V14_TRAINING_LOG = (
    "CREATE TABLE training_log (_id INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id INTEGER NOT "
    "NULL, date DATE NOT NULL, metric_weight INTEGER NOT NULL, reps INTEGER NOT NULL, unit "
    "INTEGER NOT NULL DEFAULT 0)"
)
OTHER_TABLES = [
    "CREATE TABLE exercise(_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
    "category_id INTEGER NOT NULL, exercise_type_id INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE Comment (_id INTEGER PRIMARY KEY AUTOINCREMENT, date DATE NOT NULL, "
    "owner_type_id INTEGER NOT NULL, owner_id INTEGER NOT NULL, comment TEXT NOT NULL)",
    "CREATE TABLE WorkoutComment (_id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, "
    "comment TEXT NOT NULL)",
    "CREATE TABLE BodyWeight (_id INTEGER PRIMARY KEY AUTOINCREMENT, date TEXT NOT NULL, "
    "body_weight_metric REAL NOT NULL, body_fat REAL NOT NULL, comments TEXT)",
]


def make_backup(path: Path, v22: bool = True, rows: list[tuple[object, ...]] | None = None) -> Path:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(V22_TRAINING_LOG if v22 else V14_TRAINING_LOG)
        for sql in OTHER_TABLES:
            conn.execute(sql)
        conn.executemany(
            "INSERT INTO exercise (_id, name, category_id) VALUES (?, ?, 1)",
            [(1, "Barbell Hip Thrust"), (2, "Rowing Machine"), (3, "Glute Bridge")],
        )
        if rows is None:
            rows = [
                (1, 1, "2024-03-02", 100.0, 8, 0, 0, 0),
                (2, 1, "2024-03-02", 100.0, 8, 0, 0, 0),
                (3, 3, "2024-03-02", 0, 15, 0, 0, 0),
                (4, 2, "2024-03-02", 0, 0, 3, 2.5, 600),
                (5, 9, "2024-03-01", 20, 10, 0, 0, 0),
                (6, 1, "2024-03-01", 2000, 5, 0, 0, 0),
            ]
        if v22:
            conn.executemany("INSERT INTO training_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        else:
            conn.executemany(
                "INSERT INTO training_log VALUES (?, ?, ?, ?, ?, ?)", [r[:6] for r in rows]
            )
        conn.executemany(
            "INSERT INTO Comment (date, owner_type_id, owner_id, comment) VALUES (?, ?, ?, ?)",
            [
                ("2024-03-02 18:00:00", 1, 2, "hard"),
                ("2024-03-02 18:05:00", 1, 99, "set since deleted"),
                ("2024-03-02 18:06:00", 2, 1709337600000, "a workout comment"),
            ],
        )
        conn.execute("INSERT INTO WorkoutComment (date, comment) VALUES ('2024-03-02', 'gym A')")
        conn.execute(
            "INSERT INTO BodyWeight (date, body_weight_metric, body_fat) "
            "VALUES ('2024-03-02 07:00:00', 71.5, 0)"
        )
    conn.close()
    return path


@pytest.mark.parametrize(
    ("name", "expected", "commented", "bodyweights", "with_bw", "metres", "seconds"), REAL_FILES
)
def test_real_backups_import_every_set(
    name: str,
    expected: tuple[int, int, int, int, int, float, int],
    commented: int,
    bodyweights: int,
    with_bw: int,
    metres: float,
    seconds: float,
    catalog: Catalog,
    format_file: Callable[[str, str], Path],
    summarise: Callable[[ImportedData], tuple[int, int, int, int, int, float, int]],
) -> None:
    path = format_file("fitnotes_backup", name)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    data = read_fitnotes_backup(path, name, catalog)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # opened read-only
    assert summarise(data) == expected
    assert data.rows_read == expected[0]
    assert data.source_format == "fitnotes-backup"
    sets = [s for session in data.sessions for s in session.sets]
    assert sum(bool(s.notes) for s in sets) == commented
    assert len(data.bodyweights) == bodyweights
    assert sum(s.bodyweight_kg is not None for s in data.sessions) == with_bw
    assert round(sum(s.distance_m or 0 for s in sets), 1) == metres
    assert sum(s.duration_s or 0 for s in sets) == seconds


def test_the_csv_and_the_backup_of_the_same_log_agree(
    catalog: Catalog,
    format_file: Callable[[str, str], Path],
    summarise: Callable[[ImportedData], tuple[int, int, int, int, int, float, int]],
) -> None:
    from hiplog.domain.importers.fitnotes import read_fitnotes_csv

    csv_path = format_file("fitnotes", "labodyn__Tracking-health-and-body__FitNotes_Export.csv")
    db_path = format_file(
        "fitnotes_backup", "labodyn__Tracking-health-and-body__FitNotes_Backup.fitnotes"
    )
    from_csv = read_fitnotes_csv(csv_path.read_text(encoding="utf-8"), "x.csv", catalog)
    from_db = read_fitnotes_backup(db_path, "x.fitnotes", catalog)
    assert [s.started_at for s in from_csv.sessions] == [s.started_at for s in from_db.sessions]
    assert summarise(from_csv)[:2] == summarise(from_db)[:2]
    assert summarise(from_csv)[3:5] == summarise(from_db)[3:5]


@pytest.mark.parametrize("v22", [True, False])
def test_sets_comments_and_bodyweight(v22: bool, catalog: Catalog, tmp_path: Path) -> None:
    data = read_fitnotes_backup(make_backup(tmp_path / "b.fitnotes", v22), "b.fitnotes", catalog)
    day1, day2 = data.sessions
    assert day1.started_at == datetime(2024, 3, 1) and day2.started_at == datetime(2024, 3, 2)
    custom = {ex.name for ex in data.custom_exercises}
    assert "FitNotes exercise 9" in custom  # an exercise id with no name is still imported
    assert day1.sets[1].flagged
    assert data.flagged_lines == [(0, "training_log row 6: load 2000 kg is more than 1000 kg")]
    first, second = day2.sets_of("barbell-hip-thrust")
    assert (first.order, second.order) == (1, 2)
    assert second.notes == "hard" and first.notes == ""
    assert day2.notes == "set since deleted\ngym A"  # type-2 comments repeat WorkoutComment
    assert day2.bodyweight_kg == 71.5 and data.bodyweights[0].kg == 71.5
    assert data.note_rows == 3
    bridge = day2.sets_of("glute-bridge")[0]
    assert bridge.load_kg is None and bridge.reps == 15
    rowing = day2.sets[3]
    if v22:
        assert rowing.distance_m == 2500 and rowing.duration_s == 600
    else:
        assert rowing.distance_m is None and rowing.duration_s is None


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_not_a_database_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    for content in (b"", b"Date,Exercise\n", b"SQLite format 3\x00" + b"\x00" * 200):
        with pytest.raises(InputError) as err:
            read_fitnotes_backup(_write(tmp_path / "x.fitnotes", content), "x.fitnotes", catalog)
        assert err.value.where == "x.fitnotes"
    with pytest.raises(InputError, match="cannot open"):
        read_fitnotes_backup(tmp_path / "missing.fitnotes", "missing.fitnotes", catalog)


def test_a_database_that_is_not_fitnotes_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="no training_log table"):
        read_fitnotes_backup(path, "other.db", catalog)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ((1, 1, "2024-02-30", 100.0, 8, 0, 0, 0), "not a valid date"),
        ((1, 1, "yesterday", 100.0, 8, 0, 0, 0), "not a valid date"),
        ((1, 1, "2024-03-02", "heavy", 8, 0, 0, 0), "not a number"),
        ((1, 1, "2024-03-02", 100.0, 8.5, 0, 0, 0), "whole number"),
        ((1, 2, "2024-03-02", 0, 0, 17, 2.5, 0), "distance unit"),
    ],
)
def test_bad_values_name_the_row(
    row: tuple[object, ...], message: str, catalog: Catalog, tmp_path: Path
) -> None:
    path = make_backup(tmp_path / "bad.fitnotes", rows=[row])
    where = "bad.fitnotes training_log row 1"
    assert_refused(lambda: read_fitnotes_backup(path, "bad.fitnotes", catalog), where, message)


def test_an_empty_log_is_zero_sets(catalog: Catalog, tmp_path: Path) -> None:
    data = read_fitnotes_backup(make_backup(tmp_path / "e.fitnotes", rows=[]), "e", catalog)
    assert data.sessions == [] and data.rows_read == 0 and len(data.bodyweights) == 1


@functools.cache
def small_backup() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return make_backup(Path(folder) / "s.fitnotes").read_bytes()


@settings(
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(
    case=st.one_of(
        st.binary(max_size=300).map(lambda b: ("raw", b, 0)),
        st.tuples(st.just("flip"), st.binary(min_size=1, max_size=8), st.integers(0, 2**20)),
    )
)
def test_fuzz_returns_data_or_input_error(case: tuple[str, bytes, int]) -> None:
    kind, payload, position = case
    backup = small_backup()
    if kind == "raw":
        content = payload
    else:  # overwrite a few bytes of a valid backup somewhere in it
        at = position % len(backup)
        content = backup[:at] + payload + backup[at + len(payload) :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.fitnotes"
        path.write_bytes(content)
        assert_data_or_refusal(lambda: read_fitnotes_backup(path, "f.fitnotes", Catalog([])))


def test_bodyweights_no_person_has_are_left_out_and_counted(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = make_backup(tmp_path / "bw.fitnotes")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO BodyWeight (date, body_weight_metric, body_fat) VALUES (?, ?, 0)",
            [("2024-03-03 07:00:00", 0), ("2024-03-04 07:00:00", 900.0)],
        )
    conn.close()
    data = read_fitnotes_backup(path, "bw.fitnotes", catalog)
    assert [b.kg for b in data.bodyweights] == [71.5]
    assert data.impossible_bodyweights == 2
