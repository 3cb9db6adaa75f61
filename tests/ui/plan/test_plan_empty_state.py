"""The Plan without suggestions: an empty database says how to start; a history whose hip work
is older than the look-back (every real export) says when the last hip session was and that the
Log suggests restart loads, and says nothing about importing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from tests.ui.past_sessions import add_past_session

from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.plan.empty_state import empty_text
from hiplog.ui.plan.plan_view import PlanView

pytestmark = pytest.mark.gui

NOW = datetime(2026, 12, 2, 9, 0)


def make_view(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> PlanView:
    from PySide6.QtGui import QUndoStack

    stack = QUndoStack()
    view = PlanView(ctx, events, stack)
    qtbot.addWidget(view)
    view.show()
    view.reload()
    return view


@pytest.mark.parametrize(
    ("last", "has_sets", "says", "never"),
    [
        (None, False, ["there is nothing yet", "File, Import"], ["restart"]),
        (
            datetime(2025, 11, 22, 18, 17),
            True,
            ["last hip session was on Sat 22 Nov 2025 (375 days ago)", "restart load"],
            ["Import", "nothing yet"],
        ),
        (None, True, ["Nothing you logged so far is hip work"], ["Import", "nothing yet"]),
    ],
)
def test_the_empty_plan_says_what_is_true(
    last: datetime | None, has_sets: bool, says: list[str], never: list[str]
) -> None:
    text = empty_text(last, has_sets, 90, NOW)
    for words in says:
        assert words in text
    for words in never:
        assert words not in text


def test_after_a_history_older_than_the_look_back_the_plan_names_the_last_hip_session(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    add_past_session(ctx, 375, [("conventional-deadlift", 170.0, 3)] * 3)
    view = make_view(qtbot, ctx, events)
    assert view.cards == [] and view.empty.isVisible()
    last = date.today() - timedelta(days=375)
    text = view.empty_label.text()
    assert f"{last:%a %d %b %Y} (375 days ago)" in text
    assert "restart load" in text and "Import" not in text
