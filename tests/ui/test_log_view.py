"""The Log view: a whole session from the keyboard, undo/redo, bad input, save failures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hiplog.domain.models import Session, SetEntry
from hiplog.domain.records import RecordKind
from hiplog.services import progress, training_log
from hiplog.services.context import AppContext
from hiplog.ui.data_events import DataEvents
from hiplog.ui.log_view import LogView
from hiplog.ui.sets_table_model import LOAD, NOTES, REPS, RIR
from tests.ui.keyboard import focused, offscreen_popups, press, type_text

__all__ = ["offscreen_popups"]

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("offscreen_popups")]


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents, stack: QUndoStack) -> LogView:
    view = LogView(ctx, events, stack)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or view.isActiveWindow())
    return view


def all_sets(ctx: AppContext) -> list[SetEntry]:
    with ctx.db.reader() as tx:
        from hiplog.storage import session_repo

        return [e for s in session_repo.sessions_between(tx, None, None) for e in s.sets]


def add_history(ctx: AppContext, days_ago: int, slug: str, sets: list[tuple[float, int]]) -> None:
    when = (datetime.now() - timedelta(days=days_ago)).replace(hour=18, minute=0, second=0,
                                                                 microsecond=0)
    entries = tuple(
        SetEntry(exercise=slug, order=i, reps=reps, load_kg=load)
        for i, (load, reps) in enumerate(sets, start=1)
    )
    training_log.restore_session(ctx, Session(started_at=when, sets=entries))


def test_log_a_whole_session_with_the_keyboard_only(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> None:
    view = make_view(qtbot, ctx, events, undo_stack)
    view.picker.setFocus()
    type_text(qtbot, "barbell hip thrust")
    press(qtbot, Qt.Key.Key_Return)
    assert view.session_exercises() == ["barbell-hip-thrust"]
    qtbot.waitUntil(lambda: focused() is view.table)

    type_text(qtbot, "60")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 1)
    # Second set: the load is already there; Tab to the reps.
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "11")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.currentIndex().row() == 2)
    # Third set: a heavier load typed over the pre-filled one.
    type_text(qtbot, "62.5")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "8")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(all_sets(ctx)) == 3)

    sets = all_sets(ctx)
    assert [(s.load_kg, s.reps) for s in sets] == [(60.0, 12), (60.0, 11), (62.5, 8)]
    assert [s.order for s in sets] == [1, 2, 3]
    assert view.session_id is not None
    assert view.message_text() == ""
