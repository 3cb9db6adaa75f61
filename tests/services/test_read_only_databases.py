"""A database on read-only media is read, never called damaged; writing to it says read-only.
Commands that only read never wait behind a writer.

SQLite only: a file on read-only media and SQLite's locks; a server's permissions are its admin's.

Read-only media are a tmpfs mounted here and remounted read-only (root, as in CI, ignores file
modes but not a read-only mount).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tmpfs import tmpfs

from hiplog.cli import main

RUN_CLI = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    """A folder on a medium of its own: write to it, then call `freeze` (remount read-only)."""
    with tmpfs(tmp_path / "stick", "size=8m", "the read-only cases") as mount:
        yield mount


def _freeze(mount: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)


def test_a_database_on_read_only_media_is_read_and_writing_says_read_only(
    stick: Path, tmp_path: Path
) -> None:
    db = stick / "hiplog.db"
    assert _cli("--db", str(db), "log", "barbell-hip-thrust", "60x10").returncode == 0
    _freeze(stick)
    done = _cli("--db", str(db), "stats", "barbell-hip-thrust")
    assert done.returncode == 0, done.stderr
    assert "1 session " in done.stdout
    out = tmp_path / "all.json"
    assert _cli("--db", str(db), "export", str(out)).returncode == 0
    assert out.stat().st_size > 0
    done = _cli("--db", str(db), "log", "glute-bridge", "x10")
    assert done.returncode == 2
    assert "read-only" in done.stderr and "damaged" not in done.stderr


def test_restoring_a_wal_mode_copy_from_read_only_media_works(stick: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    assert _cli("--db", str(source), "log", "barbell-hip-thrust", "60x10").returncode == 0
    copy = stick / "copy.db"
    shutil.copy(source, copy)  # a plain copy: still in WAL mode
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    _freeze(stick)
    db = tmp_path / "hiplog.db"
    assert _cli("--db", str(db), "log", "glute-bridge", "x10").returncode == 0
    done = _cli("--db", str(db), "restore", str(copy))
    assert done.returncode == 0, done.stderr
    done = _cli("--db", str(db), "stats", "barbell-hip-thrust")
    assert "1 session " in done.stdout


def test_restoring_an_export_points_to_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hiplog.db"
    assert main(["--db", str(db), "log", "glute-bridge", "x10"]) == 0
    export = tmp_path / "all.json"
    assert main(["--db", str(db), "export", str(export)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(export)]) == 2
    err = capsys.readouterr().err
    assert "hiplog import" in err and "damaged" not in err


def test_reading_does_not_wait_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hiplog.db"
    assert main(["--db", str(db), "log", "barbell-hip-thrust", "60x10"]) == 0
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (athlete_id, key, value) VALUES (1, 'held', 'yes')")
        holding.set()
        release.wait(120)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(10)
        capsys.readouterr()
        assert main(["--db", str(db), "stats", "barbell-hip-thrust"]) == 0
        # stats finished while the writer still holds the lock: it never waited for it.
        assert not release.is_set()
        assert "1 session " in capsys.readouterr().out
    finally:
        release.set()
        thread.join()
