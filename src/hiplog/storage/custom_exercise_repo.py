"""Custom exercises: remove an unused one, and move sets between exercises (undo of a merge)."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.orm import ExerciseRow, SetRow


def delete_custom_if_unused(db: OrmSession, slug: str) -> bool:
    """Delete the custom exercise `slug` if no set uses it; True if it was deleted."""
    row = db.scalars(select(ExerciseRow).where(ExerciseRow.slug == slug)).one_or_none()
    if row is None or not row.custom:
        return False
    used = db.scalar(select(func.count(SetRow.id)).where(SetRow.exercise_id == row.id)) or 0
    if used:
        return False
    db.delete(row)
    return True


def set_ids_of(db: OrmSession, slug: str) -> list[int]:
    """Ids of every set logged for an exercise."""
    exercise_id = db.scalar(select(ExerciseRow.id).where(ExerciseRow.slug == slug))
    if exercise_id is None:
        return []
    return list(db.scalars(select(SetRow.id).where(SetRow.exercise_id == exercise_id)))


def move_sets(db: OrmSession, set_ids: list[int], slug: str) -> int:
    """Point the given sets at exercise `slug`; returns how many were moved."""
    exercise_id = db.scalar(select(ExerciseRow.id).where(ExerciseRow.slug == slug))
    if exercise_id is None or not set_ids:
        return 0
    result = db.execute(
        update(SetRow).where(SetRow.id.in_(set_ids)).values(exercise_id=exercise_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)
