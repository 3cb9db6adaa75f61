"""Starting the window on a server that cannot be reached (issue 17, item 6): a dialog names the
server (never its password) and offers to try again or to open the local file; no traceback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from hiplog.services.locations import Locations, resolve_locations
from hiplog.ui.database_problem_dialog import open_context_or_ask
from hiplog.ui.server_problem_dialog import ServerProblemDialog

pytestmark = pytest.mark.gui


class _Answers:
    """Answers each server dialog in turn with the button the next `picks` item returns."""

    def __init__(self, *picks: Callable[[ServerProblemDialog], QAbstractButton]) -> None:
        self.picks = list(picks)
        self.texts: list[str] = []
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ServerProblemDialog):
            QTimer.singleShot(10, self._answer)
            return
        self.texts.append(f"{dialog.text()}\n{dialog.informativeText()}")
        button = self.picks.pop(0)(dialog)
        if self.picks:
            QTimer.singleShot(10, self._answer)
        button.click()


def _away(tmp_path: Path) -> Locations:
    url = f"postgresql+psycopg://coach:hunter2@/training?host={tmp_path}&port=5999"
    local = tmp_path / "local"
    return replace(
        resolve_locations(db_url=url), database=local / "hiplog.db", backups=local / "backups"
    )


def test_an_unreachable_server_offers_retry_then_the_local_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    answers = _Answers(lambda d: d.retry_button, lambda d: d.local_button)
    ctx = open_context_or_ask(_away(tmp_path))
    assert ctx is not None
    try:
        assert not ctx.db.server and ctx.db.path == tmp_path / "local" / "hiplog.db"
    finally:
        ctx.close()
    assert len(answers.texts) == 2
    assert "could not reach the database server" in answers.texts[0]
    assert f"database training on {tmp_path} port 5999" in answers.texts[0]
    assert all("hunter2" not in text for text in answers.texts)


def test_quit_opens_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    _Answers(lambda d: d.quit_button)
    assert open_context_or_ask(_away(tmp_path)) is None
    assert not (tmp_path / "local").exists()
