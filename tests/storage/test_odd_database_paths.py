"""Paths that are no database file get a message saying what they are (issue 13 item 14).

SQLite only: paths in the file system; a server database is a URL.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hiplog.cli import main


def _refusal(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", db, "check"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Error:" not in err and "Traceback" not in err
    return err


def test_a_pipe_or_a_device_as_the_database_is_not_called_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    for db in (str(fifo), "/dev/null"):
        err = _refusal(db, capsys)
        assert "not a regular file" in err and "folder" not in err


def test_a_dangling_symlink_as_the_database_names_its_missing_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "hiplog.db"
    link.symlink_to(tmp_path / "gone" / "real.db")
    err = _refusal(str(link), capsys)
    assert "link" in err and "real.db" in err and "does not exist" in err
    assert not (tmp_path / "gone").exists()
