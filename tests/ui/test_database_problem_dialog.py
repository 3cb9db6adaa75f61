"""Starting on a file hiplog cannot use: a clear message, the file untouched, and a way on."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from hiplog.domain.errors import DatabaseError
from hiplog.domain.models import SetEntry
from hiplog.services import backups, training_log
from hiplog.services.context import AppContext
from hiplog.services.locations import Locations, resolve_locations
from hiplog.ui import database_problem_dialog
from hiplog.ui.database_problem_dialog import DatabaseProblemDialog, open_context_or_ask

pytestmark = pytest.mark.gui


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_backup(tmp_path: Path) -> Locations:
    """A database with one session, a daily backup of it, then one more session."""
    locations = resolve_locations(str(tmp_path / "hiplog.db"))
    ctx = AppContext.open(locations)
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=11)], datetime(2026, 1, 1))
    backups.ensure_daily_backup(ctx, datetime(2026, 1, 1, 20, 0))
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=22)], datetime(2026, 1, 2))
    ctx.close()
    return locations


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5000])


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


SPOILERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "damaged": (_damage, "damaged"),
    "truncated": (_cut, "damaged"),
    "foreign": (_foreign, "another program"),
    "newer": (_newer, "newer version"),
}


def _spoiled(tmp_path: Path, case: str) -> tuple[Locations, str]:
    """A database with a backup (see _with_backup), spoiled as SPOILERS[case] does, and the
    spoiled file's digest."""
    locations = _with_backup(tmp_path)
    spoil, _ = SPOILERS[case]
    spoil(locations.database)
    return locations, _sha(locations.database)


def _set_aside(tmp_path: Path, case: str) -> Path:
    """The one spoiled file hiplog renamed and kept beside the database."""
    kind = "damaged" if case in ("damaged", "truncated") else case
    (aside,) = _files(tmp_path, f"hiplog-{kind}-")
    return aside


class _Answer:
    """Answers the next problem dialog with the button `pick` returns, and remembers it."""

    def __init__(self, pick: Callable[[DatabaseProblemDialog], QAbstractButton | None]) -> None:
        self.pick = pick
        self.seen: list[DatabaseProblemDialog] = []
        self.text = ""
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DatabaseProblemDialog):
            QTimer.singleShot(10, self._answer)
            return
        self.seen.append(dialog)
        self.text = f"{dialog.text()}\n{dialog.informativeText()}"
        button = self.pick(dialog)
        assert button is not None, "the dialog lacks the expected button"
        button.click()


def _files(folder: Path, prefix: str) -> list[Path]:
    return sorted(folder.glob(f"{prefix}*.db"))


@pytest.mark.parametrize("case", list(SPOILERS))
def test_quit_leaves_the_file_exactly_as_it_was(qtbot: QtBot, tmp_path: Path, case: str) -> None:
    locations, before = _spoiled(tmp_path, case)
    words = SPOILERS[case][1]

    answer = _Answer(lambda dialog: dialog.quit_button)
    assert open_context_or_ask(locations) is None

    assert answer.seen
    assert words in answer.text
    assert str(locations.database) in answer.text
    assert "not touched" in answer.text
    assert _sha(locations.database) == before
    assert _files(tmp_path, "hiplog-") == []  # nothing renamed either


@pytest.mark.parametrize("case", list(SPOILERS))
def test_restore_the_newest_good_backup_keeps_the_bad_file_renamed(
    qtbot: QtBot, tmp_path: Path, case: str
) -> None:
    locations, before = _spoiled(tmp_path, case)

    answer = _Answer(lambda dialog: dialog.restore_button)
    ctx = open_context_or_ask(locations)

    assert ctx is not None
    try:
        assert "Restore backup of" in answer.seen[0].restore_button.text()  # type: ignore[union-attr]
        session = training_log.get_session(ctx, 1)
        assert session is not None and [s.reps for s in session.sets] == [11]
        assert training_log.get_session(ctx, 2) is None  # logged after the backup
    finally:
        ctx.close()
    assert _sha(_set_aside(tmp_path, case)) == before


@pytest.mark.parametrize("case", list(SPOILERS))
def test_start_a_new_file_keeps_the_bad_file_renamed(
    qtbot: QtBot, tmp_path: Path, case: str
) -> None:
    locations, before = _spoiled(tmp_path, case)

    _Answer(lambda dialog: dialog.new_button)
    ctx = open_context_or_ask(locations)

    assert ctx is not None
    try:
        assert training_log.get_session(ctx, 1) is None
        training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=5)], datetime(2026, 2, 1))
    finally:
        ctx.close()
    assert _sha(_set_aside(tmp_path, case)) == before


def test_a_newer_file_defaults_to_quit(qtbot: QtBot, tmp_path: Path) -> None:
    locations = _with_backup(tmp_path)
    _newer(locations.database)
    error = DatabaseError("newer", path=str(locations.database), kind="newer")
    dialog = DatabaseProblemDialog(error, locations, backups.newest_good_backup(locations))
    qtbot.addWidget(dialog)
    assert dialog.defaultButton() is dialog.quit_button
    assert dialog.new_button is not None and dialog.restore_button is not None


def test_without_a_backup_only_a_new_file_or_quit_are_offered(qtbot: QtBot, tmp_path: Path) -> None:
    locations = resolve_locations(str(tmp_path / "hiplog.db"))
    locations.database.write_text("this is not a database")
    error = DatabaseError("damaged", path=str(locations.database), kind="damaged")
    dialog = DatabaseProblemDialog(error, locations, None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "no usable backup" in dialog.informativeText()


def test_a_passing_problem_can_be_retried(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locations = resolve_locations(str(tmp_path / "hiplog.db"))
    real_open = AppContext.open
    calls: list[int] = []

    def flaky_open(locs: Locations) -> AppContext:
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseError("the database is busy", path=str(locs.database), kind="locked")
        return real_open(locs)

    monkeypatch.setattr(database_problem_dialog.AppContext, "open", staticmethod(flaky_open))
    answer = _Answer(lambda dialog: dialog.retry_button)
    ctx = open_context_or_ask(locations)
    assert ctx is not None
    ctx.close()
    assert "busy" in answer.text
    assert len(calls) == 2


def test_a_good_file_opens_without_a_question_and_gets_its_daily_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    locations = resolve_locations(str(tmp_path / "hiplog.db"))
    ctx = open_context_or_ask(locations)
    assert ctx is not None
    ctx.close()
    again = open_context_or_ask(locations)
    assert again is not None
    again.close()
    daily = [b for b in backups.list_backups(locations) if b.kind == "daily"]
    assert len(daily) == 1
    assert daily[0].taken_at.date() == datetime.now().date()
