"""The Log's commands, run by calling redo() and undo() directly, as the stack does."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from hiplog.domain.errors import InputError
from hiplog.domain.units import Unit
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.set_row import SetRow, new_key
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.common.undo_support import id_map
from hiplog.ui.log.log_commands import (
    AddSetCommand,
    DeleteSetCommand,
    EditSessionCommand,
    EditSetCommand,
)
from hiplog.ui.log.log_session import LogSession

pytestmark = pytest.mark.gui

SLUG = "barbell-hip-thrust"
STARTED = datetime(2026, 11, 20, 18, 0)


def logging(ctx: AppContext, events: DataEvents) -> tuple[LogSession, SetsTableModel]:
    log = LogSession(ctx, events, STARTED)
    exercise = ctx.catalog().get(SLUG)
    assert exercise is not None
    model = log.models[SLUG] = SetsTableModel(Unit.KG, exercise)
    return log, model


def draft(model: SetsTableModel, load: float, reps: int) -> int:
    key = new_key()
    model.add_drafts([SetRow(key=key, load_kg=load, reps=reps)])
    return key


def saved(log: LogSession, model: SetsTableModel, load: float, reps: int) -> int:
    """The key of a set typed in the Log and saved by its command."""
    key = draft(model, load, reps)
    AddSetCommand(log, SLUG, key).redo()
    return key


def saved_sets(ctx: AppContext, log: LogSession) -> list[tuple[float | None, int]]:
    if log.session_id is None:
        return []
    session = training_log.get_session(ctx, log.session_id)
    assert session is not None
    return [(e.load_kg, e.reps) for e in session.sets]


def test_adding_a_set_creates_the_session_and_undo_leaves_no_empty_one(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    log, model = logging(ctx, events)
    command = AddSetCommand(log, SLUG, draft(model, 60.0, 12))
    command.redo()
    first_session = log.session_id
    assert saved_sets(ctx, log) == [(60.0, 12)]
    assert command.first_id is not None
    command.undo()
    assert log.session_id is None and model.saved_rows() == []
    assert training_log.get_session(ctx, first_session or 0) is None
    command.redo()
    assert saved_sets(ctx, log) == [(60.0, 12)]
    # older commands of any view find the set and its session under their new ids
    (row,) = model.saved_rows()
    assert id_map(ctx).set_id(command.first_id) == row.set_id
    assert id_map(ctx).session_id(first_session or 0) == log.session_id


def test_editing_and_deleting_a_set_undo_to_what_was_there(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    log, model = logging(ctx, events)
    key = saved(log, model, 60.0, 12)
    saved(log, model, 60.0, 10)
    edit = EditSetCommand(log, SLUG, key, replace(model.by_key(key).entry(SLUG), reps=11))
    edit.redo()
    assert saved_sets(ctx, log) == [(60.0, 11), (60.0, 10)]
    edit.undo()
    assert saved_sets(ctx, log) == [(60.0, 12), (60.0, 10)]
    delete = DeleteSetCommand(log, SLUG, key)
    delete.redo()
    assert saved_sets(ctx, log) == [(60.0, 10)]
    delete.undo()
    assert sorted(saved_sets(ctx, log)) == [(60.0, 10), (60.0, 12)]
    assert model.row_of(key) == 0  # back in its place in the table


def test_a_set_changed_elsewhere_is_refused_with_a_reason(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    log, model = logging(ctx, events)
    key = saved(log, model, 60.0, 12)
    delete = DeleteSetCommand(log, SLUG, key)
    model.remove_row(key)  # as if History had deleted it and the Log reloaded
    delete.redo()
    assert isinstance(delete.failure, InputError)
    assert "no longer in this session" in str(delete.failure)
    assert delete.isObsolete()


def test_session_details_are_saved_once_the_session_exists(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    log, model = logging(ctx, events)
    shown: list[tuple[datetime, float | None]] = []
    later = datetime(2026, 11, 20, 19, 30)
    change = EditSessionCommand(log, later, 80.0, lambda when, kg: shown.append((when, kg)))
    change.redo()
    assert (log.started_at, log.bodyweight_kg) == (later, 80.0)
    assert log.session_id is None  # nothing written before the first set
    saved(log, model, 60.0, 12)
    change.undo()
    assert log.session_id is not None
    session = training_log.get_session(ctx, log.session_id)
    assert session is not None and (session.started_at, session.bodyweight_kg) == (STARTED, None)
    assert shown == [(later, 80.0), (STARTED, None)]
