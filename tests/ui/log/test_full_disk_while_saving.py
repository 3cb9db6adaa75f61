"""A full disk while the Log saves a set (issue 13 item 5 in the window): the message says the
disk is full, no traceback or exception name is shown, and the typed set stays in the editor."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import type_set
from tests.ui.log.test_log_view import all_sets, current_model, make_view

from hiplog.services.context import AppContext
from hiplog.storage import session_repo
from hiplog.ui.common.data_events import DataEvents

pytestmark = pytest.mark.gui


def test_a_full_disk_while_saving_a_set_says_so_and_keeps_the_set(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The storage write itself fails, inside the real transaction.
    monkeypatch.setattr(session_repo, "add_set", disk_full)
    view = make_view(qtbot, ctx, events, undo_stack)
    view.show_exercise("barbell-hip-thrust")
    type_set(qtbot, "60", "12")
    qtbot.waitUntil(lambda: "disk is full" in view.message_text())
    shown = view.message_text()
    assert "Traceback" not in shown and "OSError" not in shown and "Errno" not in shown
    assert all_sets(ctx) == []
    kept = current_model(view).row_at(0)
    assert (kept.load_kg, kept.reps, kept.saved) == (60.0, 12, False)
    assert undo_stack.count() == 0
