"""Two hiplog processes on one server database (issue 17, item 5): a set the command line logs
in another process appears in the open window within a second, without any polling timer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hiplog.services.context import AppContext
from hiplog.ui.main_window import MainWindow


@pytest.fixture
def server_ctx(pg_url: str, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    yield context
    context.close()


def _other_process(url: str, tmp_path: Path, *argv: str) -> None:
    env = {**os.environ, "HIPLOG_DATABASE_URL": url, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-m", "hiplog", *argv], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_set_logged_by_another_process_appears_in_the_window_within_a_second(
    qtbot: QtBot, server_ctx: AppContext, pg_url: str, tmp_path: Path, ui_settings: QSettings
) -> None:
    window = MainWindow(server_ctx, ui_settings)
    try:
        window.show()
        window.open_view("history")
        history = window.history_view
        assert history.model.rowCount() == 0
        timers_before = len(window.findChildren(QTimer))
        _other_process(pg_url, tmp_path, "log", "glute-bridge", "x15", "--date", "2026-11-20")
        committed = time.monotonic()
        qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=1000)
        assert time.monotonic() - committed < 1.0
        _other_process(
            pg_url, tmp_path, "log", "barbell-hip-thrust", "60x10", "--date", "2026-11-22"
        )
        qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=1000)
        # Woken by the socket, not by a timer of its own.
        assert len(window.findChildren(QTimer)) == timers_before
    finally:
        window.close()
        Shiboken.delete(window)
