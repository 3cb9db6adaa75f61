"""Removing a custom exercise (the undo of creating one)."""

from __future__ import annotations

from sqlalchemy import func, select
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
