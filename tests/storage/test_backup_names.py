"""Backups started at the same moment each get a name of their own; none replaces a file.

SQLite only: the names of a database file's backup files; a server has none (JSON backups).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.errors import DatabaseError
from hiplog.services.context import AppContext
from hiplog.storage.backup import backup_database, list_backups, new_backup_path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "hiplog.db"
    AppContext.open_path(path).close()
    return path


def test_two_backups_that_picked_the_same_name_both_keep_their_copy(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    now = datetime(2026, 5, 1, 7, 0, 0)
    # Both chose their name before either was written, as two processes in the same second do.
    first_choice = new_backup_path(folder, "pre-import", now)
    second_choice = new_backup_path(folder, "pre-import", now)
    first = backup_database(db, first_choice)
    second = backup_database(db, second_choice)
    assert first != second
    assert [b.path for b in list_backups(folder)] == [second, first]
    assert second.name == "hiplog-pre-import-2026-05-01T070000-2.db"


def test_a_backup_never_replaces_or_deletes_a_file_of_the_person(db: Path, tmp_path: Path) -> None:
    mine = tmp_path / "dest.db.partial"
    mine.write_text("my own file")
    assert backup_database(db, tmp_path / "dest.db") == tmp_path / "dest.db"
    assert mine.read_text() == "my own file"
    taken = tmp_path / "taken.db"
    taken.write_text("also mine")
    with pytest.raises(DatabaseError):
        backup_database(db, taken)
    assert taken.read_text() == "also mine"
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == [mine.name]


def test_stale_partials_cleaned_are_only_hiplogs_own(db: Path, tmp_path: Path) -> None:
    import os

    from hiplog.storage.backup import rotate_backups

    folder = tmp_path / "backups"
    backup_database(db, new_backup_path(folder, "manual", datetime(2026, 5, 1, 7)))
    killed = folder / ".hiplog-daily-2026-05-02T070000.db.0123456789ab.partial"
    person = folder / "notes.partial"
    for path in (killed, person):
        path.write_text("left")
        os.utime(path, (0, 0))  # older than the hour a running backup may take
    rotate_backups(folder)
    assert not killed.exists()
    assert person.read_text() == "left"


def test_only_backups_in_a_backups_folder_note_their_database(db: Path, tmp_path: Path) -> None:
    from hiplog.storage.backup import backed_up_sources

    backup_database(db, tmp_path / "elsewhere" / "copy.db")
    assert not (tmp_path / "elsewhere" / ".sources").exists()
    folder = tmp_path / "backups"
    backup_database(db, new_backup_path(folder, "manual", datetime(2026, 5, 1, 7)))
    backup_database(db, new_backup_path(folder, "manual", datetime(2026, 5, 1, 8)))
    assert backed_up_sources(folder) == {"hiplog.db"}
