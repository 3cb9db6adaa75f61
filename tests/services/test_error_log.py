"""The log file of unexpected errors: private, free of what was being saved, and never a
traceback on the terminal when its folder cannot be written. The errors of saving are made on
SQLite and on PostgreSQL."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from tests.targets import Target

from hiplog.services.context import AppContext
from hiplog.services.error_log import log_exception
from hiplog.services.locations import Locations

RUN_CLI = "import sys; from hiplog.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def no_log_handlers() -> Iterator[None]:
    """hiplog's logger without handlers, restored afterwards (handlers are per process)."""
    logger = logging.getLogger("hiplog")
    kept = list(logger.handlers)
    logger.handlers.clear()
    yield
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = kept


def _locations(tmp_path: Path, log_dir: Path) -> Locations:
    db = tmp_path / "h.db"
    return Locations(db, tmp_path / "backups", tmp_path / "config", log_dir)


@pytest.mark.usefixtures("no_log_handlers")
def test_an_unwritable_log_folder_gives_no_traceback_and_names_no_file(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    assert log_exception(_locations(tmp_path, blocker / "logs"), RuntimeError("boom")) is None
    assert capfd.readouterr().err == ""


@pytest.mark.usefixtures("no_log_handlers")
def test_the_log_file_is_private(tmp_path: Path) -> None:
    where = log_exception(_locations(tmp_path, tmp_path / "logs"), RuntimeError("boom"))
    assert where is not None
    assert where.stat().st_mode & 0o777 == 0o600
    assert "boom" in where.read_text()


def test_an_error_while_saving_does_not_carry_the_note(fresh_ctx: AppContext) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        insert = text(
            "INSERT INTO sessions (id, athlete_id, started_at, notes) VALUES (1, 1, :at, :note)"
        )
        values = {"at": datetime(2026, 1, 1), "note": "my private note"}
        with pytest.raises(IntegrityError) as info, ctx.db.transaction() as tx:
            tx.execute(insert, values)
            tx.execute(insert, values)  # the same id again
    finally:
        ctx.close()
    assert "my private note" not in str(info.value)


# Another tool made every new set fail: a trigger on SQLite; on PostgreSQL a CHECK no row meets,
# whose error names the failing row, note and all, in its DETAIL.
REFUSE_SETS = {
    "sqlite": "CREATE TRIGGER refuse BEFORE INSERT ON sets BEGIN SELECT RAISE(ABORT, 'no'); END",
    "postgresql": "ALTER TABLE sets ADD CONSTRAINT refuse CHECK (reps < 0) NOT VALID",
}


def test_a_note_never_reaches_the_log_file_of_an_unexpected_error(
    target: Target, tmp_path: Path
) -> None:
    target.open().close()
    engine = create_engine(target.url or f"sqlite:///{target.path}")
    try:
        with engine.begin() as connection:
            connection.execute(text(REFUSE_SETS[target.backend]))
    finally:
        engine.dispose()
    secret = "my-secret-note-4417"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    command = [*target.cli(), "log", "glute-bridge", "x12", "--note", secret]
    done = subprocess.run(
        [sys.executable, "-c", RUN_CLI, *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 1 and "unexpected error" in done.stderr
    log = tmp_path / "state" / "hiplog" / "log" / "hiplog.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "IntegrityError" in log.read_text()  # the error is there, its parameters are not
    assert secret not in log.read_text() and secret not in done.stderr
