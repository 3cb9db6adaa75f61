"""What `import` refuses before reading: a pipe, a device, a file too big for any export; and
JSON numbers or nesting no backup holds. Into a SQLite file and a PostgreSQL database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.targets import Target

from hiplog.cli import main

RUN_CLI = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"


def _import_in_a_process(target: Target, source: str) -> subprocess.CompletedProcess[str]:
    # In a process of its own, so that a read that never ends fails this test instead of hanging.
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *target.cli(), "import", source],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_pipe_and_a_device_are_refused_without_reading(tmp_path: Path, target: Target) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for source in (str(fifo), "/dev/zero"):
        done = _import_in_a_process(target, source)
        assert done.returncode == 2, done.stderr
        assert "not a regular file" in done.stderr


def _backup_with_set(**fields: object) -> dict[str, object]:
    one_set = {"exercise": "barbell-hip-thrust", "order": 1, "reps": 10, "load_kg": 60.0}
    one_set.update(fields)
    return {
        "format": "hiplog-backup",
        "version": 1,
        "exercises": [],
        "settings": {},
        "bodyweights": [],
        "sessions": [{"started_at": "2026-01-01T18:00:00", "notes": "", "sets": [one_set]}],
    }


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(_backup_with_set(reps=1e30)),
        json.dumps(_backup_with_set()).replace('"load_kg": 60.0', '"load_kg": 1e400'),
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["reps 1e30", "load 1e400", "deep nesting"],
)
def test_json_a_backup_cannot_hold_is_refused_with_one_line(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str], target: Target
) -> None:
    source = tmp_path / "odd.json"
    source.write_text(text)
    assert main([*target.cli(), "import", str(source), "--format", "hiplog-json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "odd.json" in err
    assert main([*target.cli(), "export", str(tmp_path / "all.json")]) == 0
    assert json.loads((tmp_path / "all.json").read_text("utf-8"))["sessions"] == []
