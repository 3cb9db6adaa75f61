"""History marks which program day each session was."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.past_sessions import add_past_session

from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.history.history_table_model import PROGRAM_DAY
from hiplog.ui.history.history_view import HistoryView

pytestmark = pytest.mark.gui


def test_the_program_day_column_appears_once_a_program_is_followed(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    add_past_session(ctx, 9, [("barbell-hip-thrust", 60.0, 10)])  # before the program
    view = HistoryView(ctx, events, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    assert view.table.isColumnHidden(PROGRAM_DAY)

    programs.use_program(ctx, "Gym with a barbell", at=datetime.now() - timedelta(days=7))
    add_past_session(ctx, 5, [("barbell-hip-thrust", 60.0, 10)])
    add_past_session(ctx, 3, [("deep-squat", 60.0, 8)])
    add_past_session(ctx, 1, [("step-up", None, 15)])  # not in the program
    events.sessions_changed.emit()
    assert not view.table.isColumnHidden(PROGRAM_DAY)
    model = view.model
    days = [model.data(model.index(r, PROGRAM_DAY)) for r in range(model.rowCount())]
    assert days == ["", "Day B", "Day A", ""]  # newest first
    tip = model.data(model.index(1, PROGRAM_DAY), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Day B of Gym with a barbell"
