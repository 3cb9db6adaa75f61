"""A helper for GUI tests that need a training history: sessions logged days ago."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from hiplog.domain.models import Session, SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext


def add_past_session(
    ctx: AppContext, days_ago: int, sets: Sequence[tuple[str, float | None, int]]
) -> None:
    """A session at 18:00 `days_ago` days ago, with (exercise, load in kg, reps) sets numbered
    from 1 in the order given."""
    when = (datetime.now() - timedelta(days=days_ago)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    entries = tuple(
        SetEntry(exercise=slug, order=i, reps=reps, load_kg=load)
        for i, (slug, load, reps) in enumerate(sets, start=1)
    )
    training_log.restore_session(ctx, Session(started_at=when, sets=entries))
