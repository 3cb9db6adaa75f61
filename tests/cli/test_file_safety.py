"""Files the command line must never write over or mistake: the database itself, its backups,
other SQLite files, and paths that look like URIs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hiplog.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "x.db"
    assert run(capsys, "--db", str(path), "log", "glute-bridge", "60x10")[0] == 0
    return path


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_onto_the_database_is_refused_and_the_data_stays(
    db: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(db), "export", str(db), "--format", fmt)
    assert code == 2
    assert "database" in err
    code, out, _ = run(capsys, "--db", str(db), "stats", "glute-bridge")
    assert code == 0 and "1 session " in out


def test_export_even_with_force_never_replaces_a_backup_or_another_sqlite_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "copy.db"
    assert run(capsys, "--db", str(db), "backup")[0] == 0
    (in_backups,) = (tmp_path / "backups").glob("*.db")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    note = tmp_path / "backups" / ".sources"  # which databases the folder holds copies of
    for target in (in_backups, other, backup.with_name("x.db-wal"), note):
        before = target.read_bytes() if target.exists() else None
        code, _, err = run(capsys, "--db", str(db), "export", str(target), "--force")
        assert code == 2, err
        assert (target.read_bytes() if target.exists() else None) == before


def test_export_over_an_existing_file_needs_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("my own notes\n")
    code, _, err = run(capsys, "--db", str(db), "export", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text() == "my own notes\n"
    assert run(capsys, "--db", str(db), "export", str(target), "--force")[0] == 0
    assert target.read_text().startswith("date,exercise,")


@pytest.mark.parametrize("name", ["f.db?mode=ro", "p%20q.db", "h#x.db"])
def test_a_database_path_is_a_file_name_not_a_uri(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Another program's file at the name a URI reading would pick.
    decoy = tmp_path / name.split("?")[0].split("#")[0].replace("%20", " ")
    sqlite3.connect(decoy).execute("CREATE TABLE theirs (x)").connection.close()
    before = decoy.read_bytes()
    target = tmp_path / name
    assert run(capsys, "--db", str(target), "log", "glute-bridge", "x12")[0] == 0
    assert target.is_file()
    assert decoy.read_bytes() == before
    code, out, _ = run(capsys, "--db", str(target), "stats", "glute-bridge")
    assert code == 0 and "1 session " in out
    assert run(capsys, "--db", str(target), "backup")[0] == 0
    copy = tmp_path / "copy.db"
    assert run(capsys, "--db", str(target), "backup", str(copy))[0] == 0
    assert run(capsys, "--db", str(target), "restore", str(copy))[0] == 0
