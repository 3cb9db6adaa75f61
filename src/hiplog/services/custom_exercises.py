"""Undoing the creation of a custom exercise."""

from __future__ import annotations

from hiplog.services.context import AppContext
from hiplog.storage import custom_exercise_repo


def delete_unused_custom_exercise(ctx: AppContext, slug: str) -> bool:
    """Remove a custom exercise that has no logged sets; False (and no change) otherwise."""
    with ctx.db.transaction() as tx:
        deleted = custom_exercise_repo.delete_custom_if_unused(tx, slug)
    ctx.invalidate()
    return deleted
