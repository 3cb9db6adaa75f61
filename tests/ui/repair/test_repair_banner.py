"""Rows damaged by SQL outside hiplog: the window lists them once at start and drops them,
after a backup whose place it names, only when asked (issue 13 item 8 in the window)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hiplog.domain.models import SetEntry
from hiplog.services import backups, row_repair, training_log
from hiplog.services.context import AppContext
from hiplog.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def damaged_ctx(tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "hiplog.db"
    ctx = AppContext.open_path(path)
    for day in (1, 2, 3):
        entry = SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=60.0 + day)
        training_log.log_sets(ctx, [entry], datetime(2026, 1, day, 18, 0))
    ctx.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sets SET reps = 'ten' WHERE id = 2")
    conn.execute("UPDATE sets SET load_kg = 9e999 WHERE id = 3")
    conn.commit()
    conn.close()
    ctx = AppContext.open_path(path)
    yield ctx
    ctx.close()


@pytest.fixture
def make_window(
    qtbot: QtBot, ui_settings: QSettings
) -> Iterator[Callable[[AppContext], MainWindow]]:
    made: list[MainWindow] = []

    def build(ctx: AppContext) -> MainWindow:
        window = MainWindow(ctx, ui_settings)
        made.append(window)
        window.show()
        return window

    yield build
    for window in made:
        if Shiboken.isValid(window):
            window.close()
            Shiboken.delete(window)


def _cells(window: MainWindow) -> list[tuple[str, ...]]:
    banner = window.repair_banner
    assert banner is not None
    model = banner.model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_window_lists_damaged_rows_and_drops_them_after_a_backup(
    qtbot: QtBot, damaged_ctx: AppContext, make_window: Callable[[AppContext], MainWindow]
) -> None:
    window = make_window(damaged_ctx)
    banner = window.repair_banner
    assert banner is not None and banner.isVisible()
    assert _cells(window) == [
        ("sets", "2", "reps", "not a rep count"),
        ("sets", "3", "load_kg", "not a finite load"),
    ]
    assert "2 values" in banner.message.text()
    qtbot.mouseClick(banner.drop_button, Qt.MouseButton.LeftButton)
    assert row_repair.bad_rows(damaged_ctx) == []
    made = [b for b in backups.list_backups(damaged_ctx.locations) if b.kind == "pre-repair"]
    assert len(made) == 1
    assert str(made[0].path) in banner.message.text()
    assert "Dropped 2 damaged rows" in banner.message.text()


def test_keeping_the_rows_changes_nothing_and_a_sound_database_shows_no_banner(
    qtbot: QtBot,
    damaged_ctx: AppContext,
    make_window: Callable[[AppContext], MainWindow],
    tmp_path: Path,
) -> None:
    window = make_window(damaged_ctx)
    banner = window.repair_banner
    assert banner is not None
    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert len(row_repair.bad_rows(damaged_ctx)) == 2
    sound = AppContext.open_path(tmp_path / "sound.db")
    try:
        assert make_window(sound).repair_banner is None
    finally:
        sound.close()
