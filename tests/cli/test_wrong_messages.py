"""The last wrong messages of issue 13 item 14: each case names what is wrong, in one line,
with no traceback, and leaves nothing behind (a closed stdout is no error at all)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tmpfs import tmpfs

from hiplog.cli import main

RUN_CLI = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"


def _refusal(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Error" not in err and "Traceback" not in err
    return err


def _shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run `command` in bash, where `hiplog` runs this checkout's command line."""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "PY": sys.executable}
    env["RUN"] = RUN_CLI
    return subprocess.run(
        ["bash", "-c", f'hiplog() {{ "$PY" -c "$RUN" "$@"; }}; set -o pipefail; {command}'],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )


def test_a_file_named_backups_is_named_as_a_file_in_the_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hiplog.db"
    (tmp_path / "backups").write_text("my notes, not a folder")
    assert main(["--db", str(db), "log", "glute-bridge", "x12"]) == 0
    err = _refusal(["--db", str(db), "backup"], capsys)
    assert "backups is a file, not a folder" in err
    assert (tmp_path / "backups").read_text() == "my notes, not a folder"


def test_a_name_too_long_leaves_no_empty_file_and_is_not_called_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / ("x" * 252 + ".db")  # 255 bytes: the longest name; no room for its -wal
    err = _refusal(["--db", str(db), "log", "glute-bridge", "x12"], capsys)
    assert "name is too long" in err and "is damaged" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_database_where_no_file_can_be_made_gives_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HIPLOG_DB", "/proc/x.db")
    err = _refusal(["exercises"], capsys)
    assert "no file can be made in /proc" in err
    assert "disk is full" not in err and "is damaged" not in err


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted read-only (root, as in CI, ignores folder modes but not a mount)."""
    with tmpfs(tmp_path / "ro", "ro,size=1m", "the read-only case") as mount:
        yield mount


def test_export_into_a_read_only_folder_says_read_only(
    tmp_path: Path, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "hiplog.db")
    assert main(["--db", db, "log", "glute-bridge", "x12"]) == 0
    for name in ("all.csv", "all.json"):
        err = _refusal(["--db", db, "export", str(read_only_folder / name)], capsys)
        assert "read-only" in err and "OSError" not in err


def test_a_closed_stdout_still_saves_the_set_and_exits_0(tmp_path: Path) -> None:
    done = _shell('hiplog --db h.db log glute-bridge 60x10 --note "closed early" | true', tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    stats = _shell("hiplog --db h.db stats glute-bridge", tmp_path)
    assert "1 session " in stats.stdout


def test_a_reader_that_stops_early_gets_no_broken_pipe_error(tmp_path: Path) -> None:
    assert _shell("hiplog --db h.db log glute-bridge 60x10", tmp_path).returncode == 0
    done = _shell("hiplog --db h.db exercises --json | head -1", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[\n"
    assert "BrokenPipe" not in done.stderr and done.stderr == ""
