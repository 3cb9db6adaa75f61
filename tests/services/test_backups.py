"""Backups: daily at the first start of a day, before imports and restores, rotated, and
restorable from the command line and under an open window.

SQLite only: copies of the database file and restoring them; a server's JSON backups: tests/cli.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiplog.cli import main as cli_main
from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.services import backups, import_export, training_log
from hiplog.services.context import AppContext
from hiplog.services.locations import resolve_locations


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_path(tmp_path / "hiplog.db")
    training_log.log_sets(context, [SetEntry("glute-bridge", 1, reps=15)], datetime(2026, 1, 1))
    yield context
    context.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _session_days(ctx: AppContext) -> list[datetime]:
    found = []
    for sid in range(1, 50):
        session = training_log.get_session(ctx, sid)
        if session is not None:
            found.append(session.started_at)
    return found


def test_backup_now_writes_a_checked_copy_in_the_backups_folder(ctx: AppContext) -> None:
    first = backups.backup_now(ctx)
    second = backups.backup_now(ctx)  # twice in the same second: two files, none overwritten
    assert first != second
    for path in (first, second):
        assert path.parent == ctx.locations.backups
        assert _integrity(path) == "ok"
    assert [b.path for b in backups.list_backups(ctx.locations)] == [second, first]


def test_backup_now_refuses_to_overwrite_a_chosen_file(ctx: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "mine.db"
    target.write_text("keep me")
    with pytest.raises(InputError):
        backups.backup_now(ctx, target)
    assert target.read_text() == "keep me"


def test_the_daily_backup_is_written_once_a_day(ctx: AppContext) -> None:
    monday = datetime(2026, 11, 23, 8, 0)
    assert backups.ensure_daily_backup(ctx, monday) is not None
    assert backups.ensure_daily_backup(ctx, monday + timedelta(hours=10)) is None
    assert backups.ensure_daily_backup(ctx, monday + timedelta(days=1)) is not None
    daily = [b for b in backups.list_backups(ctx.locations) if b.kind == "daily"]
    assert [b.taken_at.date() for b in daily] == [
        (monday + timedelta(days=1)).date(),
        monday.date(),
    ]


def test_rotation_keeps_ten_daily_and_every_pre_migration_backup(ctx: AppContext) -> None:
    start = datetime(2026, 1, 1, 7, 0)
    for day in range(15):
        backups.ensure_daily_backup(ctx, start + timedelta(days=day))
    folder = ctx.locations.backups
    for n in range(12):
        (folder / f"hiplog-pre-migration-0001-2025-0{1 + n % 9}-1{n % 10}T000000.db").write_bytes(
            b""
        )
    manual = backups.backup_now(ctx)

    backups.rotate_backups(folder)

    kept = backups.list_backups(ctx.locations)
    daily = [b.taken_at.date() for b in kept if b.kind == "daily"]
    assert daily == [(start + timedelta(days=d)).date() for d in range(14, 4, -1)]
    assert sum(b.kind.startswith("pre-migration") for b in kept) == 12
    assert manual in [b.path for b in kept]


def test_newest_good_backup_skips_damaged_and_foreign_files(ctx: AppContext) -> None:
    good = backups.ensure_daily_backup(ctx, datetime(2026, 1, 2))
    folder = ctx.locations.backups
    (folder / "hiplog-daily-2026-01-04T000000.db").write_bytes(b"SQLite format 3\x00" + b"x" * 90)
    foreign = folder / "hiplog-manual-2026-01-03T000000.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (id INTEGER)")
    conn.commit()
    conn.close()
    newest = backups.newest_good_backup(ctx.locations)
    assert newest is not None and newest.path == good
    assert newest.taken_at == datetime(2026, 1, 2)
    assert newest.size > 0


def test_an_import_is_preceded_by_a_backup_of_what_was_there(
    ctx: AppContext, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
        "2026-02-01T18:00,barbell-hip-thrust,1,100,8,,0,,,,,\n",
        "utf-8",
    )
    import_export.import_file(ctx, source, dry_run=True)
    assert backups.list_backups(ctx.locations) == []
    import_export.import_file(ctx, source)
    made = [b for b in backups.list_backups(ctx.locations) if b.kind == "pre-import"]
    assert len(made) == 1
    before = AppContext.open_path(made[0].path)
    try:
        assert _session_days(before) == [datetime(2026, 1, 1)]
    finally:
        before.close()


def test_restore_into_an_open_context_saves_the_current_state_first(ctx: AppContext) -> None:
    yesterday = backups.ensure_daily_backup(ctx, datetime(2026, 1, 1, 20, 0))
    assert yesterday is not None
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=20)], datetime(2026, 1, 2))
    assert len(_session_days(ctx)) == 2

    saved = backups.restore_into(ctx, yesterday)

    assert _session_days(ctx) == [datetime(2026, 1, 1)]  # the context works on the restored file
    assert saved is not None and saved.name.startswith("hiplog-pre-restore-")
    previous = AppContext.open_path(saved)
    try:
        assert len(_session_days(previous)) == 2
    finally:
        previous.close()
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=5)], datetime(2026, 1, 3))


def test_restore_refuses_an_unusable_backup_and_changes_nothing(
    ctx: AppContext, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    with pytest.raises(InputError, match="cannot restore"):
        backups.restore_into(ctx, bad)
    assert _session_days(ctx) == [datetime(2026, 1, 1)]
    assert backups.list_backups(ctx.locations) == []


def test_backup_and_restore_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    assert cli_main(["--db", str(db), "log", "glute-bridge", "x12"]) == 0
    assert cli_main(["--db", str(db), "backup"]) == 0
    written = backups.list_backups(resolve_locations(str(db)))[0].path
    assert str(written) in capsys.readouterr().out
    assert cli_main(["--db", str(db), "log", "glute-bridge", "x30"]) == 0

    assert cli_main(["--db", str(db), "restore", str(written)]) == 0

    ctx = AppContext.open_path(db)
    try:
        sessions = [training_log.get_session(ctx, sid) for sid in (1, 2)]
        reps = [s.reps for session in sessions if session for s in session.sets]
        assert reps == [12]
    finally:
        ctx.close()
    kinds = {b.kind for b in backups.list_backups(ctx.locations)}
    assert kinds == {"manual", "pre-restore"}


def test_restore_is_refused_while_another_program_has_the_database_open(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Replacing the file under an open window would lose what that window writes next."""
    copy = backups.backup_now(ctx, tmp_path / "copy.db")
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=3)], datetime(2026, 1, 9))
    status = cli_main(["--db", str(ctx.db.path), "restore", str(copy)])  # ctx is "the window"
    assert status == 2
    assert "open on this database" in capsys.readouterr().err
    assert len(_session_days(ctx)) == 2

    # The window restores in place under the write lock, so a command line that holds the
    # file open loses nothing: it reads, and then writes into, the restored data.
    other = AppContext.open_path(ctx.db.path)
    try:
        with other.db.reader() as tx:
            tx.connection()
        backups.restore_into(ctx, copy)
        assert _session_days(other) == [datetime(2026, 1, 1)]
        training_log.log_sets(other, [SetEntry("glute-bridge", 1, reps=4)], datetime(2026, 1, 10))
    finally:
        other.close()
    assert _session_days(ctx) == [datetime(2026, 1, 1), datetime(2026, 1, 10)]


def test_rotation_removes_copies_left_half_written_by_a_crash(ctx: AppContext) -> None:
    folder = ctx.locations.backups
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / "hiplog-daily-2026-01-01T000000.db.partial"
    stale.write_bytes(b"half")
    old = datetime(2026, 1, 1).timestamp()
    os.utime(stale, (old, old))
    fresh = folder / "hiplog-manual-2099-01-01T000000.db.partial"  # still being written
    fresh.write_bytes(b"half")
    backups.rotate_backups(folder)
    assert not stale.exists()
    assert fresh.exists()


def test_a_failed_daily_backup_does_not_keep_anyone_from_their_data(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from hiplog.domain.errors import DatabaseError

    def full_disk(source: Path, destination: Path) -> Path:
        raise DatabaseError(f"could not back up {source} to {destination}: disk full")

    monkeypatch.setattr(backups, "backup_database", full_disk)
    assert backups.ensure_daily_backup(ctx, datetime(2026, 3, 1)) is None
    assert "daily backup failed" in caplog.text
    monkeypatch.undo()
    assert backups.ensure_daily_backup(ctx, datetime(2026, 3, 1, 9, 0)) is not None  # next start
