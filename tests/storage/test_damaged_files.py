"""A damaged, cut-short, foreign or newer database is refused with a clear message and its bytes
are never changed: not by opening it, and not by setting it aside for a new file.

SQLite only: a file's bytes; a foreign server database is refused in tests/cli/test_server_database.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import Session, SetEntry
from hiplog.services import backups, training_log
from hiplog.services.context import AppContext
from hiplog.services.locations import resolve_locations
from hiplog.storage import session_repo


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _good_database(path: Path) -> None:
    ctx = AppContext.open_path(path)
    for day in range(1, 30):
        sets = [SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=60.0 + day, notes="x" * 200)]
        training_log.log_sets(ctx, sets * 3, datetime(2026, 1, day, 18, 0))
    ctx.close()  # the last connection folds the log back in: one self-contained file


def _damage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page after the first: garbage headers
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _damage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x00\x07"  # an impossible page size
    path.write_bytes(bytes(data))


def _cut_at_page(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: 4096 * 2])


def _cut_mid_page(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5000])


def _cut_in_header(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:10])


def _replace_with_sqlite(path: Path, *statements: str) -> None:
    """Put another program's SQLite database, built by `statements`, where hiplog's was."""
    path.unlink()
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _foreign_tables(path: Path) -> None:
    _replace_with_sqlite(
        path,
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO contacts (name) VALUES ('Ada')",
    )


def _foreign_marked(path: Path) -> None:
    _replace_with_sqlite(path, "PRAGMA application_id = 1234", "PRAGMA user_version = 7")


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "damaged pages": (_damage_pages, "damaged"),
    "damaged header": (_damage_header, "damaged"),
    "cut at a page boundary": (_cut_at_page, "damaged"),
    "cut inside a page": (_cut_mid_page, "damaged"),
    "cut inside the header": (_cut_in_header, "damaged"),
    "another program's tables": (_foreign_tables, "foreign"),
    "another program's mark": (_foreign_marked, "foreign"),
    "written by a newer hiplog": (_newer, "newer"),
}


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "hiplog.db"
    _good_database(path)
    return path.read_bytes()


def _spoiled(folder: Path, good_bytes: bytes, case: str) -> tuple[Path, str]:
    """A good database at folder/hiplog.db spoiled as CASES[case] says, and the kind expected."""
    spoil, kind = CASES[case]
    path = folder / "hiplog.db"
    path.write_bytes(good_bytes)
    spoil(path)
    return path, kind


@pytest.mark.parametrize("case", list(CASES))
def test_opening_refuses_with_a_clear_message_and_leaves_the_file_alone(
    tmp_path: Path, good_bytes: bytes, case: str
) -> None:
    path, kind = _spoiled(tmp_path, good_bytes, case)
    before = _sha(path)

    for _ in range(2):  # trying again changes nothing either
        with pytest.raises(DatabaseError) as info:
            AppContext.open_path(path)
        assert info.value.kind == kind
        assert info.value.path == str(path)
        assert str(path) in str(info.value)
        assert "left unchanged" in str(info.value)

    assert _sha(path) == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


@pytest.mark.parametrize("case", list(CASES))
def test_starting_a_new_file_keeps_the_bad_one_under_a_new_name(
    tmp_path: Path, good_bytes: bytes, case: str
) -> None:
    path, kind = _spoiled(tmp_path, good_bytes, case)
    before = _sha(path)
    locations = resolve_locations(str(path))

    aside = backups.start_new_file(locations)

    assert aside is not None
    assert aside.parent == tmp_path
    assert aside.name.startswith(f"hiplog-{kind}-")
    assert _sha(aside) == before
    ctx = AppContext.open(locations)  # a new, empty database in its place
    try:
        assert ctx.catalog()["barbell-hip-thrust"]
        assert training_log.get_session(ctx, 1) is None
    finally:
        ctx.close()
    assert _sha(aside) == before


def test_restoring_the_newest_good_backup_replaces_a_damaged_file(
    tmp_path: Path, good_bytes: bytes
) -> None:
    path = tmp_path / "hiplog.db"
    path.write_bytes(good_bytes)
    locations = resolve_locations(str(path))
    ctx = AppContext.open(locations)
    older = backups.backup_now(ctx)
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=20)], datetime(2026, 2, 1))
    newest = backups.backup_now(ctx)
    ctx.close()
    _damage_pages(path)
    before = _sha(path)
    (locations.backups / "hiplog-daily-2099-01-01T000000.db").write_bytes(b"garbage")

    used, aside = backups.restore_newest_good(locations)

    assert used.path == newest != older
    assert aside is not None and _sha(aside) == before
    ctx = AppContext.open(locations)
    try:
        days = {s.started_at for s in _all_sessions(ctx)}
        assert datetime(2026, 2, 1) in days
    finally:
        ctx.close()


def _all_sessions(ctx: AppContext) -> list[Session]:
    with ctx.db.reader() as tx:
        return session_repo.sessions_between(tx, None, None)


def test_the_command_line_restores_over_a_damaged_file_and_keeps_it(
    tmp_path: Path, good_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    from hiplog.cli import main as cli_main

    path = tmp_path / "hiplog.db"
    path.write_bytes(good_bytes)
    copy = tmp_path / "copy.db"
    copy.write_bytes(good_bytes)
    _damage_pages(path)
    before = _sha(path)

    assert cli_main(["--db", str(path), "log", "glute-bridge", "x10"]) == 2
    assert "restore" in capsys.readouterr().err
    assert cli_main(["--db", str(path), "restore", str(copy)]) == 0

    (aside,) = tmp_path.glob("hiplog-damaged-*.db")
    assert _sha(aside) == before
    assert str(aside) in capsys.readouterr().out
    assert cli_main(["--db", str(path), "log", "glute-bridge", "x10"]) == 0
