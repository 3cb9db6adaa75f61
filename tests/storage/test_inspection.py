"""Telling a good database from a damaged, cut-short or foreign one, without changing it.

SQLite only: a file's header and bytes; a server database's state: tests/cli/test_server_database.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hiplog.storage.database import UnusableDatabaseError, open_database
from hiplog.storage.inspection import FileState, inspect_database
from hiplog.storage.schema_version import HEAD_REVISION

FIXTURE = Path(__file__).parent / "fixtures" / f"schema-{HEAD_REVISION}.db"


def test_missing_and_empty_files_are_new(tmp_path: Path) -> None:
    assert inspect_database(tmp_path / "none.db").state is FileState.MISSING
    (tmp_path / "empty.db").write_bytes(b"")
    assert inspect_database(tmp_path / "empty.db").state is FileState.EMPTY


def test_a_text_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n")
    assert inspect_database(path).state is FileState.DAMAGED


def test_a_cut_short_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    path.write_bytes(FIXTURE.read_bytes()[: 4096 * 3 + 100])
    assert inspect_database(path).state is FileState.DAMAGED


def test_another_programs_sqlite_file_is_foreign(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    assert inspect_database(path).state is FileState.FOREIGN


@pytest.mark.parametrize("kind", ["text", "cut", "foreign"])
def test_open_refuses_bad_files_and_never_changes_them(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.db"
    if kind == "text":
        path.write_text("not a database")
    elif kind == "cut":
        path.write_bytes(FIXTURE.read_bytes()[:20000])
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    with pytest.raises(UnusableDatabaseError) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_the_committed_fixture_is_current(tmp_path: Path) -> None:
    path = tmp_path / "ok.db"
    shutil.copy(FIXTURE, path)
    assert inspect_database(path, full_check=True).state is FileState.CURRENT
