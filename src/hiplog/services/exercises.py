"""The exercise catalog as the user sees it: built-in and custom exercises.

Custom exercises can be created, edited, removed while unused, and mapped onto another
exercise (their sets move over); each change is one transaction and can be reversed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hiplog.domain.catalog import slugify
from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.services.context import AppContext
from hiplog.storage import exercise_repo


def list_exercises(ctx: AppContext) -> list[Exercise]:
    return list(ctx.catalog())


def find_exercise(ctx: AppContext, name: str, where: str | None = None) -> Exercise:
    """By slug, name or alias; an unknown name raises InputError naming the closest matches."""
    return ctx.catalog().require(name, where)


def save_custom_exercise(ctx: AppContext, exercise: Exercise) -> Exercise:
    """Create or edit a custom exercise. Its name may not be a built-in exercise's name."""
    name = exercise.name.strip()
    if not name:
        raise InputError("a custom exercise needs a name")
    lo, hi = exercise.rep_range
    if not (1 <= lo <= hi <= 100) or not 1 <= exercise.sets <= 10:
        raise InputError("rep range must be 1-100 with low <= high, and sets 1-10")
    catalog = ctx.catalog()
    clash = catalog.resolve(name)
    slug = exercise.slug or slugify(name)
    if clash is not None and (clash.slug != slug or not clash.custom):
        raise InputError(f"'{name}' is already the exercise '{clash.slug}'")
    existing = catalog.get(slug)
    if existing is not None and not existing.custom:
        slug = f"{slug}-custom"
    saved = replace(exercise, name=name, slug=slug, custom=True)
    with ctx.db.transaction() as tx:
        exercise_repo.save_custom(tx, saved)
    ctx.invalidate()
    return ctx.exercise(saved.slug)


@dataclass(frozen=True)
class MappedExercise:
    """What mapping a custom exercise onto another one changed, so that it can be reversed."""

    custom: Exercise
    target_slug: str
    set_ids: tuple[int, ...]


def sets_to_move(ctx: AppContext, slug: str) -> int:
    """How many sets mapping `slug` onto another exercise would move (shown before confirming)."""
    with ctx.db.reader() as tx:
        return len(exercise_repo.set_ids_of(tx, slug))


def map_onto(ctx: AppContext, custom_slug: str, target_slug: str) -> MappedExercise:
    """Map a custom exercise onto another one, in one transaction: its sets move over and it is
    removed. The result says which sets moved, for `unmap`."""
    catalog = ctx.catalog()
    source, target = catalog.get(custom_slug), catalog.get(target_slug)
    if source is None or not source.custom:
        raise InputError(f"'{custom_slug}' is not a custom exercise")
    if target is None or target.slug == source.slug:
        raise InputError(f"cannot map '{custom_slug}' onto '{target_slug}'")
    with ctx.db.transaction() as tx:
        moved = exercise_repo.map_onto(tx, custom_slug, target_slug)
    ctx.invalidate()
    return MappedExercise(custom=source, target_slug=target_slug, set_ids=tuple(moved))


def unmap(ctx: AppContext, record: MappedExercise, set_ids: tuple[int, ...] | None = None) -> None:
    """Bring a mapped custom exercise back and move its sets back onto it, in one transaction.

    `set_ids` replaces the recorded ids when sets were deleted and put back since the mapping.
    """
    if record.custom.slug in ctx.catalog():
        raise InputError(f"there is already an exercise '{record.custom.slug}'")
    with ctx.db.transaction() as tx:
        exercise_repo.save_custom(tx, record.custom)
        exercise_repo.move_sets(
            tx, list(set_ids if set_ids is not None else record.set_ids), record.custom.slug
        )
    ctx.invalidate()


def delete_unused_custom_exercise(ctx: AppContext, slug: str) -> bool:
    """Remove a custom exercise that has no logged sets; False (and no change) otherwise."""
    with ctx.db.transaction() as tx:
        deleted = exercise_repo.delete_custom_if_unused(tx, slug)
    ctx.invalidate()
    return deleted


def logged_set_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.reader() as tx:
        return exercise_repo.set_counts(tx)
