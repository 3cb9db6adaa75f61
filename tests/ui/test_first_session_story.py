"""The desktop story from start to end, in the main window, typed like a person would.

Someone new to hiplog logs yesterday's session, reads the plan for the next one with its
reasons, fixes a typo in last week's session, deletes a session and gets it back with Ctrl+Z.
A first start on an empty database says on every view what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from benchmarks.generate_history import generate_sessions, write_database
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDateTimeEdit
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.keyboard import (
    enter_text,
    focused,
    press,
    show_for_typing,
    type_set,
    type_text,
)

from hiplog.services import history, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.main_window import MainWindow

_T = SetsTableModel
REPS = _T.REPS

pytestmark = pytest.mark.gui

Opener = Callable[[AppContext], MainWindow]


@pytest.fixture
def with_history(tmp_path: Path) -> Iterator[AppContext]:
    """About six weeks of training that stopped three days ago."""
    path = tmp_path / "history.db"
    end = (datetime.now() - timedelta(days=3)).replace(hour=18, minute=0, second=0, microsecond=0)
    write_database(path, generate_sessions(350, end=end))
    context = AppContext.open_path(path)
    yield context
    context.close()


@pytest.fixture
def open_window(
    qtbot: QtBot, ui_settings: QSettings
) -> Iterator[Callable[[AppContext], MainWindow]]:
    """Opens the main window on a database, shown and active; deletes it afterwards as run_app
    does (the charts go while Qt is whole)."""
    opened: list[MainWindow] = []

    def opener(ctx: AppContext) -> MainWindow:
        window = MainWindow(ctx, ui_settings)
        opened.append(window)
        show_for_typing(qtbot, window, 1200, 780)
        return window

    yield opener
    for window in opened:
        window.close()
        Shiboken.delete(window)


def test_log_yesterday_read_the_plan_fix_a_typo_and_undo_a_deletion(
    qtbot: QtBot, with_history: AppContext, open_window: Opener
) -> None:
    ctx = with_history
    w = open_window(ctx)
    yesterday = date.today() - timedelta(days=1)

    # --- Log: the session was yesterday --------------------------------------------
    assert w.current_view_name() == "log"
    log = w.log_view
    log.when_edit.setFocus()
    if yesterday.month == date.today().month:  # the day field steps within a month
        log.when_edit.setCurrentSection(QDateTimeEdit.Section.DaySection)
        press(qtbot, Qt.Key.Key_Down)
    else:  # as picking it in the calendar pop-up
        log.when_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    enter_text(qtbot, log.picker, "hip thrust")  # leaving the date field applies it
    qtbot.waitUntil(lambda: focused() is log.table)
    type_set(qtbot, "60", "12")
    qtbot.waitUntil(lambda: log.table.currentIndex().row() == 1)
    type_set(qtbot, "", "11")  # the same load again: only the reps
    qtbot.waitUntil(lambda: log.table.currentIndex().row() == 2)
    enter_text(qtbot, log.picker, "glute bridge")
    qtbot.waitUntil(lambda: focused() is log.table)
    type_set(qtbot, "", "15")
    qtbot.waitUntil(lambda: log.session_status.text() == "Saved: 3 sets")
    assert log.message_text() == ""

    logged_id = log.session_id
    assert logged_id is not None
    logged = training_log.get_session(ctx, logged_id)
    assert logged is not None
    assert logged.started_at.date() == yesterday
    assert [(s.exercise, s.load_kg, s.reps) for s in logged.sets] == [
        ("barbell-hip-thrust", 60.0, 12),
        ("barbell-hip-thrust", 60.0, 11),
        ("glute-bridge", None, 15),
    ]

    # --- History lists it, with its sets -------------------------------------------
    w.open_view("history")
    hv = w.history_view
    assert hv.select_session(logged_id)
    preview = hv.preview.text()
    assert f"{yesterday:%A %d %B %Y}" in preview
    assert "60 kg × 12, 60 kg × 11" in preview
    assert "Glute bridge: bodyweight × 15" in preview

    # --- Plan: the next session, each exercise with its reason -----------------------
    w.open_view("plan")
    pv = w.plan_view
    assert pv.timing_label.isVisible()
    assert "Next session" in pv.timing_label.text()
    assert pv.cards and pv.start_button.isEnabled()
    thrust = next(c for c in pv.cards if c.suggestion.exercise == "barbell-hip-thrust")
    assert "60 kg" in thrust.suggestion.reason  # from what was logged yesterday
    for card in pv.cards:
        assert card.prescription.text()
        assert len(card.suggestion.reason) > 20, card.suggestion.exercise

    # --- History: fix a typo in last week's session -----------------------------------
    w.open_view("history")
    week_ago = date.today() - timedelta(days=7)
    days = history.training_days(ctx, week_ago - timedelta(days=3), week_ago + timedelta(3))
    typo_id = next(iter(days[min(days)]))
    assert hv.select_session(typo_id)
    hv.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # opens the session
    editor = hv.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    first = editor.model.set_entry(0)
    fixed = str(first.reps + 1)
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, REPS))
    type_text(qtbot, fixed)
    press(qtbot, Qt.Key.Key_Return)

    def reps_in_database(session_id: int) -> int:
        session = training_log.get_session(ctx, session_id)
        assert session is not None
        return next(s.reps for s in session.sets if s.id == first.id)

    qtbot.waitUntil(lambda: reps_in_database(typo_id) == int(fixed))
    assert "Undo with Ctrl+Z" in editor.message.text()
    editor.close()
    qtbot.waitUntil(lambda: hv.editor is None)

    # --- delete that session, then Ctrl+Z --------------------------------------------
    before = training_log.get_session(ctx, typo_id)
    assert before is not None
    count = history.session_count(ctx, None)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert hv.select_session(typo_id)
    hv.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert training_log.get_session(ctx, typo_id) is None
    assert history.session_count(ctx, None) == count - 1
    assert hv.message.text().startswith("Deleted the session")

    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert history.session_count(ctx, None) == count
    back_id = hv.selected_session_id()
    assert back_id is not None
    back = training_log.get_session(ctx, back_id)
    assert back is not None
    assert back.started_at == before.started_at
    assert [(s.exercise, s.order, s.load_kg, s.reps) for s in back.sets] == [
        (s.exercise, s.order, s.load_kg, s.reps) for s in before.sets
    ]  # the typo fix included
    assert hv.message.text().startswith("Put back the session")


def test_a_first_start_says_on_every_view_what_to_do(ctx: AppContext, open_window: Opener) -> None:
    w = open_window(ctx)
    log = w.log_view
    assert log.empty_label.isVisible() and not log.splitter.isVisible()
    assert "press Enter" in log.empty_label.text()
    assert "Session started" in log.empty_label.text()

    w.open_view("plan")
    assert w.plan_view.empty.isVisible()
    assert "Open the Log" in w.plan_view.empty_label.text()

    w.open_view("progress")
    pv = w.progress_view
    assert pv.empty_label.isVisible() and not pv.list_panel.isVisible()
    assert "Log a few sessions" in pv.empty_label.text()
    assert not pv.image_button.isEnabled()

    w.open_view("history")
    hv = w.history_view
    assert hv.empty_label.isVisible() and not hv.table.isVisible()
    assert "Every session you log" in hv.empty_label.text()
    assert not hv.delete_button.isEnabled()
