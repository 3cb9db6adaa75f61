"""The window's listening connection to the server is lost (the server restarted, or its
backend was ended): it listens again by itself, 1 s after the loss and then at doubling
intervals up to 30 s, says so in the status bar when it is back, and reads the data again once,
so that what other clients logged meanwhile shows too (issue 17, item 6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from sqlalchemy import create_engine, text
from tests import pg_cluster

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.server_changes import FIRST_RETRY_MS, LAST_RETRY_MS
from hiplog.ui.main_window import MainWindow


def _end_listeners(url: str) -> int:
    """pg_terminate_backend on every connection LISTENing on this database; how many."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND query LIKE 'LISTEN %'"
                        " AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        engine.dispose()


def _log_one(ctx: AppContext, day: int) -> None:
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 15)], datetime(2026, 11, day, 18))


@pytest.fixture
def two_clients(pg_url: str, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    window_ctx = AppContext.open_url(pg_url, local=tmp_path / "a" / "local.db")
    other = AppContext.open_url(pg_url, local=tmp_path / "b" / "local.db")
    yield window_ctx, other
    other.close()
    window_ctx.close()


def test_a_lost_listener_comes_back_by_itself_and_shows_what_was_missed(
    qtbot: QtBot,
    two_clients: tuple[AppContext, AppContext],
    pg_url: str,
    ui_settings: QSettings,
) -> None:
    window_ctx, other = two_clients
    window = MainWindow(window_ctx, ui_settings)
    try:
        window.show()
        window.open_view("history")
        history = window.history_view
        watcher = window.server_changes
        assert watcher is not None and watcher.listening

        assert _end_listeners(pg_url) == 1
        qtbot.waitUntil(lambda: "trying to reconnect" in window.statusBar().currentMessage())
        assert watcher.retry_delay_ms() == FIRST_RETRY_MS
        _log_one(other, 20)  # while nobody listens: its NOTIFY reaches no one
        qtbot.waitUntil(
            lambda: "connection to the server is back" in window.statusBar().currentMessage(),
            timeout=5000,
        )
        assert watcher.listening and watcher.retry_delay_ms() is None
        qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=1000)

        _log_one(other, 22)  # after the reconnection: announced as usual
        qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=1000)
    finally:
        window.close()
        Shiboken.delete(window)


def test_while_the_server_is_down_tries_wait_longer_each_time_up_to_30_s(
    qtbot: QtBot, own_server: pg_cluster.Cluster, tmp_path: Path, ui_settings: QSettings
) -> None:
    ctx = AppContext.open_url(own_server.url("hiplog"), local=tmp_path / "local.db")
    window = MainWindow(ctx, ui_settings)
    try:
        window.show()
        watcher = window.server_changes
        assert watcher is not None
        own_server.pause()
        qtbot.waitUntil(lambda: watcher.retry_delay_ms() is not None)
        seen = [watcher.retry_delay_ms()]
        for _ in range(2):  # each failed try doubles the wait
            qtbot.waitUntil(lambda: watcher.retry_delay_ms() not in (None, seen[-1]), timeout=7000)
            seen.append(watcher.retry_delay_ms())
        assert seen == [FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS]
        assert "trying to reconnect" in window.statusBar().currentMessage()
        # Its timer running out at once, six more times: the wait stops growing at 30 s.
        timer = watcher.findChild(QTimer)
        assert timer is not None
        for _ in range(6):
            timer.timeout.emit()
            seen.append(watcher.retry_delay_ms())
        assert seen[3:] == [8_000, 16_000] + [LAST_RETRY_MS] * 4 and LAST_RETRY_MS == 30_000
        own_server.resume()
        timer.timeout.emit()  # rather than wait 30 s for the next try
        assert watcher.listening
        assert "connection to the server is back" in window.statusBar().currentMessage()
    finally:
        window.close()
        Shiboken.delete(window)
        ctx.close()
