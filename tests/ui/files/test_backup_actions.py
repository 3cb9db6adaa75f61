"""File > Backup now and File > Restore...: yesterday's backup is two clicks away."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from hiplog.domain.models import SetEntry
from hiplog.services import backups, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.files import backup_actions, restore_dialog
from hiplog.ui.files.backup_actions import add_backup_actions
from hiplog.ui.files.backup_list_model import (
    KIND,
    SIZE,
    TAKEN_AT_ROLE,
    WHEN,
    BackupListModel,
    describe_time,
)
from hiplog.ui.files.restore_dialog import RestoreDialog

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> tuple[QMainWindow, QMenu]:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    add_backup_actions(menu, ctx, events, window)
    return window, menu


def _action(menu: QMenu, text: str) -> backup_actions.QAction:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r} in {[a.text() for a in menu.actions()]}")


def _reps(ctx: AppContext) -> list[int]:
    found = []
    for sid in range(1, 20):
        session = training_log.get_session(ctx, sid)
        if session is not None:
            found += [s.reps for s in session.sets]
    return found


def test_backup_now_writes_a_copy_and_says_where(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    _, menu = _window(qtbot, ctx, events)
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=12)], datetime(2026, 1, 1))

    _action(menu, "Backup now").trigger()

    made = backups.list_backups(ctx.locations)
    assert len(made) == 1 and made[0].kind == "manual"
    handler = menu.findChild(backup_actions.BackupActions)
    assert handler is not None and handler.last_message is not None
    assert str(made[0].path) in handler.last_message.text()
    handler.last_message.close()


def test_restoring_yesterdays_backup_takes_two_clicks(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    now = datetime.now()
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=10)], datetime(2026, 1, 1))
    backups.ensure_daily_backup(ctx, now - timedelta(days=1))  # yesterday's
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=20)], datetime(2026, 1, 2))
    backups.ensure_daily_backup(ctx, now)  # today's, at the top of the list
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=30)], datetime(2026, 1, 3))
    window, menu = _window(qtbot, ctx, events)
    shown: list[RestoreDialog] = []

    def two_clicks() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        shown.append(dialog)
        table = dialog.table
        assert dialog.model.index(1, WHEN).data().startswith("Yesterday")
        rect = table.visualRect(dialog.model.index(1, WHEN))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # 1
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # 2

    QTimer.singleShot(0, two_clicks)
    with (
        qtbot.waitSignal(events.sessions_changed, timeout=5000),
        qtbot.waitSignal(events.catalog_changed, timeout=5000),
        qtbot.waitSignal(events.settings_changed, timeout=5000),
    ):
        _action(menu, "Restore...").trigger()

    assert shown
    assert _reps(ctx) == [10]  # the data of yesterday's backup, through the same context
    kinds = [b.kind for b in backups.list_backups(ctx.locations)]
    assert kinds.count("pre-restore") == 1  # the state before the restore was kept
    handler = menu.findChild(backup_actions.BackupActions)
    assert handler is not None and handler.last_message is not None
    assert "saved as" in handler.last_message.text()
    handler.last_message.close()
    window.close()


def test_choose_file_restores_a_backup_from_elsewhere(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=7)], datetime(2026, 1, 1))
    elsewhere = backups.backup_now(ctx, tmp_path / "usb-stick.db")
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=8)], datetime(2026, 1, 2))
    monkeypatch.setattr(restore_dialog, "choose_backup_file", lambda _parent, _folder: elsewhere)
    _, menu = _window(qtbot, ctx, events)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(events.sessions_changed, timeout=5000):
        _action(menu, "Restore...").trigger()
    assert _reps(ctx) == [7]
    handler = menu.findChild(backup_actions.BackupActions)
    assert handler is not None and handler.last_message is not None
    handler.last_message.close()


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, reps=7)], datetime(2026, 1, 1))
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list")
    _, menu = _window(qtbot, ctx, events)
    handler = menu.findChild(backup_actions.BackupActions)
    assert handler is not None
    with qtbot.assertNotEmitted(events.sessions_changed):
        handler.restore_from(bad)
    assert _reps(ctx) == [7]
    assert handler.last_message is not None
    assert "Nothing was changed" in handler.last_message.text()
    assert "not a SQLite database" in handler.last_message.text()
    handler.last_message.close()


def test_an_empty_backups_folder_says_what_to_do(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = RestoreDialog([], ctx.locations.backups)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "no backups" in dialog.empty_label.text()


def test_the_backup_list_model(qtmodeltester: object, ctx: AppContext) -> None:
    backups.ensure_daily_backup(ctx, datetime(2026, 1, 2, 7, 5))
    backups.backup_now(ctx)
    model = BackupListModel()
    model.set_rows(backups.list_backups(ctx.locations))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    assert model.index(1, KIND).data() == "Daily, at the first start of the day"
    assert model.index(1, WHEN).data(TAKEN_AT_ROLE) == datetime(2026, 1, 2, 7, 5)
    assert model.index(1, SIZE).data().endswith("KB")
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_times_read_like_a_person_would_say_them() -> None:
    today = datetime(2026, 11, 21).date()
    assert describe_time(datetime(2026, 11, 21, 7, 15), today) == "Today, 07:15"
    assert describe_time(datetime(2026, 11, 20, 21, 4), today) == "Yesterday, 21:04"
    assert describe_time(datetime(2026, 11, 16, 7, 15), today) == "Mon 16 Nov 2026, 07:15"
