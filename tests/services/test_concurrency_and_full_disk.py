"""Several hiplog processes at once, and a disk that is full.

SQLite only: processes racing on one file, a full disk under it; a server's: test_several_clients.

- A restore racing with processes that log sets for 30 s: every set a writer was told was
  logged is in the restored database or in the backup taken just before a restore.
- Three imports and three backups started together: all succeed, each backup under its own
  name.
- A full disk (a small tmpfs mounted here; the tests run as root, CI too) is said to be full,
  never called damage, and nothing is renamed or created in its place.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tmpfs import tmpfs

from hiplog.services import backups
from hiplog.services.context import AppContext
from hiplog.services.locations import resolve_locations

RUN_CLI = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"
RACE_SECONDS = 30.0


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args], capture_output=True, text=True, timeout=120
    )


def _notes(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT notes FROM sets WHERE notes != ''")}
    finally:
        conn.close()


WRITER = """
import subprocess, sys, time
db, tag, until, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
code = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"
n = 0
with open(out, "a") as acknowledged:
    while time.time() < until:
        n += 1
        note = f"{tag}-{n}"
        done = subprocess.run(
            [sys.executable, "-c", code, "--db", db, "log", "glute-bridge", "x10", "--note", note],
            capture_output=True,
        )
        if done.returncode == 0:
            acknowledged.write(note + "\\n")
            acknowledged.flush()
"""


def test_a_restore_racing_with_writers_for_30_s_loses_no_acknowledged_set(
    tmp_path: Path,
) -> None:
    db = tmp_path / "hiplog.db"
    assert _cli("--db", str(db), "log", "glute-bridge", "x5", "--note", "before").returncode == 0
    copy = tmp_path / "copy.db"
    assert _cli("--db", str(db), "backup", str(copy)).returncode == 0
    until = time.time() + RACE_SECONDS
    logs = [tmp_path / f"acknowledged-{i}.txt" for i in range(2)]
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), f"w{i}", str(until), str(log)])
        for i, log in enumerate(logs)
    ]
    locations = resolve_locations(str(db))
    kept: set[str] = set()
    restores = refusals = 0
    try:
        while time.time() < until:
            try:
                saved = backups.restore_file(locations, copy)
            except Exception as exc:  # refused while a writer has the file open
                assert "open on this database" in str(exc), exc
                refusals += 1
            else:
                assert saved is not None
                kept |= _notes(saved)  # read now: rotation keeps only the last 10
                restores += 1
            time.sleep(0.05)
    finally:
        for writer in writers:
            writer.wait(timeout=180)
    acknowledged = {line for log in logs for line in log.read_text().split()}
    assert restores >= 1, f"no restore got through ({refusals} refused)"
    assert len(acknowledged) >= 10
    lost = acknowledged - kept - _notes(db)
    assert not lost, f"{len(lost)} acknowledged sets lost over {restores} restores"


def _hiplog_csv(day: int) -> str:
    header = "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
    rows = "".join(
        f"2026-03-{day:02d}T18:00,barbell-hip-thrust,{n},{60 + day},10,,0,,,,,\n"
        for n in range(1, 4)
    )
    return header + rows


def test_three_imports_and_three_backups_at_once_all_succeed_under_their_own_names(
    tmp_path: Path,
) -> None:
    db = tmp_path / "hiplog.db"
    assert _cli("--db", str(db), "log", "glute-bridge", "x5").returncode == 0
    files = []
    for day in (1, 2, 3):
        path = tmp_path / f"import-{day}.csv"
        path.write_text(_hiplog_csv(day))
        files.append(path)
    commands = [["import", str(f)] for f in files] + [["backup"]] * 3
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RUN_CLI, "--db", str(db), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    results = [(p.communicate(timeout=180)[1], p.returncode) for p in procs]
    assert all(code == 0 for _, code in results), results
    names = [info.path.name for info in backups.list_backups(resolve_locations(str(db)))]
    assert len(names) == len(set(names)) == 6
    assert sorted(Path(n).name.split("-")[1] for n in names) == ["manual"] * 3 + ["pre"] * 3
    ctx = AppContext.open_path(db)
    try:
        from hiplog.services import charts

        assert len(charts.stats(ctx, "barbell-hip-thrust")) == 3
    finally:
        ctx.close()
    assert not list(db.parent.glob("**/*.partial"))


# --- a full disk -----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs of its own, unmounted afterwards."""
    with tmpfs(tmp_path / "disk", "size=2m,mode=0700", "the full-disk cases") as mount:
        yield mount


def _fill(folder: Path, leave: int = 4096) -> Path:
    """Fill the disk of `folder` until about `leave` bytes are free."""
    filler = folder / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                stat = os.statvfs(folder)
                free = stat.f_bavail * stat.f_frsize
                if free <= leave:
                    break
                handle.write(b"\0" * min(65536, max(free - leave, 512)))
                handle.flush()
        except OSError:
            pass
    return filler


@pytest.fixture
def full_disk_db(small_disk: Path) -> Iterator[tuple[Path, Path]]:
    db = small_disk / "hiplog.db"
    assert _cli("--db", str(db), "log", "barbell-hip-thrust", "60x10").returncode == 0
    copy = small_disk / "copy.db"
    assert _cli("--db", str(db), "backup", str(copy)).returncode == 0
    filler = _fill(small_disk)
    yield db, filler


def test_a_healthy_database_on_a_full_disk_is_said_to_be_full_not_damaged(
    full_disk_db: tuple[Path, Path],
) -> None:
    db, filler = full_disk_db
    before = db.read_bytes()
    for command in (["stats", "barbell-hip-thrust"], ["log", "glute-bridge", "x10"]):
        done = _cli("--db", str(db), *command)
        assert done.returncode == 2, done.stderr
        assert "disk is full" in done.stderr and "is damaged" not in done.stderr, done.stderr
    assert db.read_bytes() == before
    assert not list(db.parent.glob("hiplog-*"))  # nothing renamed aside
    filler.unlink()
    done = _cli("--db", str(db), "stats", "barbell-hip-thrust")
    assert done.returncode == 0 and "1 session " in done.stdout


def test_restore_on_a_full_disk_renames_nothing_and_no_empty_database_appears(
    full_disk_db: tuple[Path, Path],
) -> None:
    db, filler = full_disk_db
    done = _cli("--db", str(db), "restore", str(db.parent / "copy.db"))
    assert done.returncode == 2, done.stderr
    assert "disk is full" in done.stderr and "is damaged" not in done.stderr, done.stderr
    assert db.is_file()
    assert not list(db.parent.glob("hiplog-*.db"))
    filler.unlink()
    done = _cli("--db", str(db), "stats", "barbell-hip-thrust")
    assert done.returncode == 0 and "1 session " in done.stdout


def test_restoring_over_a_damaged_file_on_a_full_disk_keeps_the_damaged_file_in_place(
    small_disk: Path,
) -> None:
    db = small_disk / "hiplog.db"
    assert _cli("--db", str(db), "log", "barbell-hip-thrust", "60x10").returncode == 0
    copy = small_disk / "copy.db"
    assert _cli("--db", str(db), "backup", str(copy)).returncode == 0
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8176)  # damaged
    before = db.read_bytes()
    filler = _fill(small_disk)
    done = _cli("--db", str(db), "restore", str(copy))
    assert done.returncode == 2, done.stderr
    assert db.read_bytes() == before  # not renamed away, not replaced
    filler.unlink()
    assert _cli("--db", str(db), "restore", str(copy)).returncode == 0
    done = _cli("--db", str(db), "stats", "barbell-hip-thrust")
    assert done.returncode == 0 and "1 session " in done.stdout


def test_the_same_file_imported_twice_at_once_is_added_once(tmp_path: Path) -> None:
    db = tmp_path / "hiplog.db"
    assert _cli("--db", str(db), "log", "glute-bridge", "x5").returncode == 0
    source = tmp_path / "big.csv"
    header = "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
    rows = "".join(
        f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}T18:00,barbell-hip-thrust,{n},60,10,,0,,,,,\n"
        for day in range(300)
        for n in range(1, 6)
    )
    source.write_text(header + rows)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RUN_CLI, "--db", str(db), "import", str(source)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outcomes = [(*p.communicate(timeout=180), p.returncode) for p in procs]
    assert [code for _, _, code in outcomes] == [0, 0], outcomes
    said = " ".join(out for out, _, _ in outcomes)
    assert "imported before" in said
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sets").fetchone() == (1 + 1500,)
    conn.close()
