"""The History view's commands, run by calling redo() and undo() directly."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiplog.domain.models import Session, SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.undo_support import id_map
from hiplog.ui.history.history_commands import (
    AddSet,
    DeleteSession,
    DeleteSet,
    EditSessionDetails,
    EditSet,
)

pytestmark = pytest.mark.gui

STARTED = datetime(2026, 11, 20, 18, 0)


def logged(ctx: AppContext) -> Session:
    return training_log.restore_session(
        ctx,
        Session(
            started_at=STARTED,
            sets=(
                SetEntry(exercise="glute-bridge", order=1, reps=20),
                SetEntry(exercise="glute-bridge", order=2, reps=18),
            ),
        ),
    )


def reps(ctx: AppContext, session_id: int) -> list[int]:
    session = training_log.get_session(ctx, id_map(ctx).session_id(session_id))
    return [] if session is None else [e.reps for e in session.sets]


def test_set_edits_deletes_and_additions_undo_and_redo(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    session = logged(ctx)
    assert session.id is not None
    first, second = session.sets
    edit = EditSet(ctx, events, first, replace(first, reps=21), "reps")
    edit.redo()
    assert reps(ctx, session.id) == [21, 18]
    edit.undo()
    assert reps(ctx, session.id) == [20, 18]
    delete = DeleteSet(ctx, events, session.id, second)
    delete.redo()
    assert reps(ctx, session.id) == [20]
    delete.undo()  # back with a new id, which the id map knows
    assert reps(ctx, session.id) == [20, 18]
    edit_again = EditSet(ctx, events, second, replace(second, reps=17), "reps")
    edit_again.redo()
    assert reps(ctx, session.id) == [20, 17]
    add = AddSet(ctx, events, session.id, SetEntry(exercise="glute-bridge", order=3, reps=15), "")
    add.redo()
    assert reps(ctx, session.id) == [20, 17, 15]
    add.undo()
    assert reps(ctx, session.id) == [20, 17]


def test_a_deleted_session_comes_back_with_its_sets_and_details(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    session = logged(ctx)
    assert session.id is not None
    said: list[tuple[int | None, str]] = []
    details = EditSessionDetails(
        ctx, events, session.id, (STARTED, "", None), (STARTED, "felt good", 70.0)
    )
    details.redo()
    delete = DeleteSession(ctx, events, session.id, "20 Nov", lambda i, s: said.append((i, s)))
    delete.redo()
    assert reps(ctx, session.id) == []
    delete.undo()
    assert reps(ctx, session.id) == [20, 18]
    back = training_log.get_session(ctx, id_map(ctx).session_id(session.id))
    assert back is not None and (back.notes, back.bodyweight_kg) == ("felt good", 70.0)
    details.undo()  # finds the session under its new id
    back = training_log.get_session(ctx, id_map(ctx).session_id(session.id))
    assert back is not None and (back.notes, back.bodyweight_kg) == ("", None)
    assert said[0] == (None, "Deleted the session of 20 Nov. Undo with Ctrl+Z.")
    assert said[1] == (back.id, "Put back the session of 20 Nov with its 2 sets.")


def test_undo_of_an_edit_that_another_computer_changed_since_is_refused_with_the_value(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    from PySide6.QtGui import QUndoStack

    from hiplog.ui.common.undo_support import push, undo_notices

    session = logged(ctx)
    assert session.id is not None
    first = session.sets[0]
    stack = QUndoStack()
    assert push(stack, EditSet(ctx, events, first, replace(first, reps=21), "reps")) is None
    other = AppContext.open_path(ctx.db.path or tmp_path)  # another client of the same file
    try:
        changed = training_log.get_session(other, session.id)
        assert changed is not None
        training_log.update_set(other, replace(changed.sets[0], reps=25), changed.sets[0])
    finally:
        other.close()
    with qtbot.waitSignal(undo_notices(stack).refused) as refusal:
        stack.undo()
    assert "changed on another computer" in str(refusal.args[0])
    assert "x 25" in str(refusal.args[0])
    assert reps(ctx, session.id) == [25, 18]  # the other computer's value stays
