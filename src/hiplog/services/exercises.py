"""The exercise catalog as the user sees it: built-in and custom exercises.

Custom exercises can be created, edited, removed while unused, and mapped onto another
exercise (their sets move over); each change is one transaction and can be reversed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hiplog.domain.catalog import slugify
from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.domain.translation import _
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
        raise InputError(_("a custom exercise needs a name"))
    lo, hi = exercise.rep_range
    if not (1 <= lo <= hi <= 100) or not 1 <= exercise.sets <= 10:
        raise InputError(_("rep range must be 1-100 with low <= high, and sets 1-10"))
    catalog = ctx.catalog()
    clash = catalog.resolve(name)
    slug = exercise.slug or slugify(name)
    if clash is not None and (clash.slug != slug or not clash.custom):
        raise InputError(
            _("'{name}' is already the name of an exercise: {name2}").format(
                name=name, name2=clash.name
            )
        )
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
        name = source.name if source is not None else custom_slug
        raise InputError(
            _("{name} is not one of your own exercises, so it cannot be mapped").format(name=name)
        )
    if target is None or target.slug == source.slug:
        onto = target.name if target is not None else target_slug
        raise InputError(_("cannot map {name} onto {onto}").format(name=source.name, onto=onto))
    with ctx.db.transaction() as tx:
        moved = exercise_repo.map_onto(tx, custom_slug, target_slug)
    ctx.invalidate()
    return MappedExercise(custom=source, target_slug=target_slug, set_ids=tuple(moved))


def unmap(ctx: AppContext, record: MappedExercise, set_ids: tuple[int, ...] | None = None) -> None:
    """Bring a mapped custom exercise back and move its sets back onto it, in one transaction.

    `set_ids` replaces the recorded ids when sets were deleted and put back since the mapping.
    """
    if record.custom.slug in ctx.catalog():
        raise InputError(
            _("there is already an exercise called {name}").format(name=record.custom.name)
        )
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


MAX_NOTE_CHARS = 2000


def exercise_notes(ctx: AppContext) -> dict[str, str]:
    """The person's note per exercise slug (bench height, foot stance...), where there is one."""
    with ctx.db.reader() as tx:
        return exercise_repo.notes(tx)


def exercise_note(ctx: AppContext, slug: str) -> str:
    return exercise_notes(ctx).get(slug, "")


def set_exercise_note(ctx: AppContext, slug: str, note: str) -> str:
    """Replace an exercise's note (built-in or own); returns the note as stored (trimmed)."""
    text = note.strip()
    exercise = ctx.catalog().get(slug)
    if exercise is None:
        raise InputError(_("there is no exercise '{slug}' to write a note on").format(slug=slug))
    if len(text) > MAX_NOTE_CHARS:
        raise InputError(
            _("the note on {name} is {count} characters; at most {MAX_NOTE_CHARS}").format(
                name=exercise.name, count=len(text), MAX_NOTE_CHARS=MAX_NOTE_CHARS
            )
        )
    with ctx.db.transaction() as tx:
        exercise_repo.set_note(tx, slug, text)
    return text


def logged_set_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.reader() as tx:
        return exercise_repo.set_counts(tx)
