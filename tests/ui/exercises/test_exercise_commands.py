"""The Exercises view's commands, run by calling redo() and undo() directly."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Length, LoadKind, SetEntry
from hiplog.services import exercises, training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.exercises.exercise_commands import (
    CreateCustomExercise,
    EditCustomExercise,
    MapCustomExercise,
)

pytestmark = pytest.mark.gui

FROG_PUMP = Exercise(
    "", "Frog pump", LoadKind.BODYWEIGHT, Length.SHORT, ("glute max",), 3, (20, 30)
)


def names(ctx: AppContext) -> set[str]:
    return {e.name for e in exercises.list_exercises(ctx)}


def test_create_and_edit_undo_and_redo(qtbot: QtBot, ctx: AppContext, events: DataEvents) -> None:
    create = CreateCustomExercise(ctx, events, FROG_PUMP)
    create.redo()
    assert create.saved is not None and "Frog pump" in names(ctx)
    edit = EditCustomExercise(ctx, events, create.saved, replace(create.saved, sets=4))
    edit.redo()
    assert ctx.catalog().get(create.saved.slug).sets == 4  # type: ignore[union-attr]
    edit.undo()
    assert ctx.catalog().get(create.saved.slug).sets == 3  # type: ignore[union-attr]
    create.undo()
    assert "Frog pump" not in names(ctx)
    create.redo()
    assert "Frog pump" in names(ctx)


def created_with_a_set(ctx: AppContext, events: DataEvents) -> CreateCustomExercise:
    """A frog pump created by its command, then one set of it logged."""
    create = CreateCustomExercise(ctx, events, FROG_PUMP)
    create.redo()
    assert create.saved is not None
    training_log.log_sets(ctx, [SetEntry(exercise=create.saved.slug, order=1, reps=25)])
    return create


def test_undoing_a_create_is_refused_once_sets_are_logged(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    create = created_with_a_set(ctx, events)
    assert create.saved is not None
    create.undo()
    assert isinstance(create.failure, InputError)
    assert "has logged sets now" in str(create.failure)
    assert "Frog pump" in names(ctx)


def test_mapping_moves_the_sets_and_undo_moves_them_back(
    qtbot: QtBot, ctx: AppContext, events: DataEvents
) -> None:
    create = created_with_a_set(ctx, events)
    assert create.saved is not None
    target = ctx.catalog().get("glute-bridge")
    assert target is not None
    mapping = MapCustomExercise(ctx, events, create.saved, target)
    mapping.redo()
    assert mapping.moved == 1 and "Frog pump" not in names(ctx)
    assert exercises.logged_set_counts(ctx).get("glute-bridge") == 1
    mapping.undo()
    assert "Frog pump" in names(ctx)
    assert exercises.logged_set_counts(ctx).get(create.saved.slug) == 1
