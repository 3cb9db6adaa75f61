"""Undoable changes to custom exercises: removing an unused one, and merges that can be reversed."""

from __future__ import annotations

from dataclasses import dataclass

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.services import exercises
from hiplog.services.context import AppContext
from hiplog.storage import custom_exercise_repo, exercise_repo


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changed, so that it can be reversed."""

    custom: Exercise
    target_slug: str
    set_ids: tuple[int, ...]


def delete_unused_custom_exercise(ctx: AppContext, slug: str) -> bool:
    """Remove a custom exercise that has no logged sets; False (and no change) otherwise."""
    with ctx.db.transaction() as tx:
        deleted = custom_exercise_repo.delete_custom_if_unused(tx, slug)
    ctx.invalidate()
    return deleted


def sets_to_move(ctx: AppContext, slug: str) -> int:
    """How many sets a merge of `slug` would move (shown before asking to confirm)."""
    with ctx.db.reader() as tx:
        return len(custom_exercise_repo.set_ids_of(tx, slug))


def merge(ctx: AppContext, custom_slug: str, target_slug: str) -> MergeRecord:
    """Map a custom exercise onto another one (see exercises.merge_custom_exercise)."""
    custom = ctx.catalog().get(custom_slug)
    if custom is None or not custom.custom:
        raise InputError(f"'{custom_slug}' is not a custom exercise")
    with ctx.db.reader() as tx:
        ids = tuple(custom_exercise_repo.set_ids_of(tx, custom_slug))
    exercises.merge_custom_exercise(ctx, custom_slug, target_slug)
    return MergeRecord(custom=custom, target_slug=target_slug, set_ids=ids)


def unmerge(ctx: AppContext, record: MergeRecord, set_ids: tuple[int, ...] | None = None) -> None:
    """Bring a merged custom exercise back and move its sets back onto it, in one transaction.

    `set_ids` replaces the recorded ids when sets were deleted and put back since the merge.
    """
    if record.custom.slug in ctx.catalog():
        raise InputError(f"there is already an exercise '{record.custom.slug}'")
    with ctx.db.transaction() as tx:
        exercise_repo.save_custom(tx, record.custom)
        custom_exercise_repo.move_sets(
            tx, list(set_ids if set_ids is not None else record.set_ids), record.custom.slug
        )
    ctx.invalidate()
