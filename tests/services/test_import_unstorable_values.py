"""A file whose set holds a value the log cannot hold (negative reps, a load of 1e12 kg) is
refused by every importer with a message naming the file and the row, before the database sees
it; nothing is imported. (A FitNotes backup with negative reps used to reach the database's
CHECK and exit 1 with an IntegrityError.) Into a SQLite file and a PostgreSQL database."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from tests.targets import Target

from hiplog.cli import main
from hiplog.services import history

FORMATS = Path(__file__).parents[2].parent / "shared" / "formats"
CSV_FILES = {
    "strong": (FORMATS / "strong" / "mlahoz__strong__strong.csv", "Reps", "kg"),
    "hevy": (
        FORMATS / "hevy" / "StvrvDimitris__hevy-analyzer__workout_data.csv",
        "reps",
        "weight_kg",
    ),
    "fitnotes": (
        FORMATS / "fitnotes" / "bilallb__Data-analysis__FitNotes_Export.csv",
        "Reps",
        "Weight",
    ),
}
BACKUP = FORMATS / "fitnotes_backup" / "labodyn__Tracking-health-and-body__FitNotes_Backup.fitnotes"
BAD_VALUES = {"reps": "-5", "load": "1e12"}


def _with_cell(source: Path, column: str, value: str, target: Path) -> int:
    """`source` with `column` of its 10th row set to `value`; returns that row's line number."""
    rows = list(csv.reader(io.StringIO(source.read_text("utf-8-sig"), newline="")))
    index = rows[0].index(column)
    rows[10][index] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.write_text(out.getvalue(), "utf-8")
    return 11


def _refused(db: Target, path: Path, capsys: pytest.CaptureFixture[str], *where: str) -> None:
    assert main([*db.cli(), "import", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "IntegrityError" not in err and "CHECK" not in err
    for part in where:
        assert part in err, err
    ctx = db.open()
    try:
        assert history.session_count(ctx) == 0, "a refused file left sessions behind"
    finally:
        ctx.close()


@pytest.mark.parametrize("what", sorted(BAD_VALUES))
@pytest.mark.parametrize("fmt", sorted(CSV_FILES))
def test_a_csv_export_with_a_value_the_log_cannot_hold_is_refused_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: Target, fmt: str, what: str
) -> None:
    source, reps_column, load_column = CSV_FILES[fmt]
    column = reps_column if what == "reps" else load_column
    path = tmp_path / source.name
    line = _with_cell(source, column, BAD_VALUES[what], path)
    _refused(target, path, capsys, path.name, f"line {line}", what)


@pytest.mark.parametrize(("column", "value"), [("reps", -5), ("metric_weight", 1e12)])
def test_a_fitnotes_backup_with_a_value_the_log_cannot_hold_is_refused_naming_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: Target, column: str, value: float
) -> None:
    path = tmp_path / BACKUP.name
    shutil.copyfile(BACKUP, path)
    with closing(sqlite3.connect(path)) as conn, conn:
        (row_id,) = conn.execute("SELECT min(_id) FROM training_log").fetchone()
        conn.execute(f"UPDATE training_log SET {column} = ? WHERE _id = ?", (value, row_id))
    what = "reps" if column == "reps" else "load"
    _refused(target, path, capsys, path.name, f"training_log row {row_id}", what)


def test_hiplog_csv_and_json_with_negative_reps_are_refused_naming_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: Target
) -> None:
    db = tmp_path / "h.db"  # the exports come from a SQLite file; `target` is the fresh one
    assert main(["--db", str(db), "log", "barbell-hip-thrust", "60x8", "--date", "2026-01-02"]) == 0
    for name in ("all.csv", "all.json"):
        assert main(["--db", str(db), "export", str(tmp_path / name)]) == 0
    capsys.readouterr()
    fresh = target
    csv_path = tmp_path / "all.csv"
    _with_cell_first = list(csv.reader(io.StringIO(csv_path.read_text("utf-8"), newline="")))
    _with_cell_first[1][_with_cell_first[0].index("reps")] = "-5"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(_with_cell_first)
    csv_path.write_text(out.getvalue(), "utf-8")
    _refused(fresh, csv_path, capsys, "all.csv", "line 2", "reps")
    json_path = tmp_path / "all.json"
    backup = json.loads(json_path.read_text("utf-8"))
    backup["sessions"][0]["sets"][0]["load_kg"] = 1e12
    json_path.write_text(json.dumps(backup), "utf-8")
    _refused(fresh, json_path, capsys, "all.json", "sessions[0].sets[0]", "load")


def test_a_json_backup_with_a_nul_character_in_a_note_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: Target
) -> None:
    # PostgreSQL's text cannot hold U+0000: the import failed there with a DataError.
    one_set = {"exercise": "barbell-hip-thrust", "order": 1, "reps": 10, "notes": "a\u0000b"}
    backup = {
        "format": "hiplog-backup",
        "version": 1,
        "sessions": [{"started_at": "2026-01-01T18:00:00", "notes": "", "sets": [one_set]}],
    }
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(backup), "utf-8")
    _refused(target, path, capsys, "nul.json", "sessions[0].sets[0].notes", "NUL")
