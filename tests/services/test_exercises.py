"""Custom exercises: mapping one onto a catalog exercise and back, removing an unused one."""

from __future__ import annotations

from datetime import datetime

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Length, LoadKind, SetEntry
from hiplog.services import exercises, training_log
from hiplog.services.context import AppContext

WHEN = datetime(2026, 11, 2, 18)


def _custom(ctx: AppContext) -> Exercise:
    return exercises.save_custom_exercise(
        ctx,
        Exercise("", "Hip Thrusts BB", LoadKind.EXTERNAL, Length.SHORT, ("glute max",), 3, (8, 12)),
    )


def test_map_onto_moves_every_set_and_removes_the_custom_exercise(ctx: AppContext) -> None:
    custom = _custom(ctx)
    training_log.log_sets(ctx, [SetEntry(custom.slug, 0, 10, 60.0)] * 2, when=WHEN)
    training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 0, 8, 70.0)], when=WHEN)
    assert exercises.sets_to_move(ctx, custom.slug) == 2
    record = exercises.map_onto(ctx, custom.slug, "barbell-hip-thrust")
    assert len(record.set_ids) == 2
    assert custom.slug not in ctx.catalog()
    assert exercises.logged_set_counts(ctx) == {"barbell-hip-thrust": 3}
    exercises.unmap(ctx, record)
    assert ctx.exercise(custom.slug).name == "Hip Thrusts BB"
    assert exercises.logged_set_counts(ctx) == {"barbell-hip-thrust": 1, custom.slug: 2}


def test_map_onto_refuses_a_builtin_or_itself_and_changes_nothing(ctx: AppContext) -> None:
    custom = _custom(ctx)
    with pytest.raises(InputError, match="not a custom exercise"):
        exercises.map_onto(ctx, "barbell-hip-thrust", custom.slug)
    with pytest.raises(InputError, match="cannot map"):
        exercises.map_onto(ctx, custom.slug, custom.slug)
    assert custom.slug in ctx.catalog()


def test_an_unused_custom_exercise_can_be_removed_but_not_a_used_one(ctx: AppContext) -> None:
    custom = _custom(ctx)
    assert exercises.delete_unused_custom_exercise(ctx, custom.slug)
    again = _custom(ctx)
    training_log.log_sets(ctx, [SetEntry(again.slug, 0, 10, 60.0)], when=WHEN)
    assert not exercises.delete_unused_custom_exercise(ctx, again.slug)
    assert again.slug in ctx.catalog()
