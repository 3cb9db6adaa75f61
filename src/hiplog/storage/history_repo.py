"""Queries behind the history list and calendar: session counts, positions, days, bodyweights.

With `session_repo.session_totals` over a page's ids, the history view never loads sets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.orm import ExerciseRow, SessionRow, SetRow
from hiplog.storage.row_check import sound_session

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])


def _filtered(query: _Q, exercise: str | None) -> _Q:
    # Rows damaged outside hiplog are left out (row_check names them).
    query = query.where(sound_session())
    if exercise is None:
        return query
    return query.where(
        SessionRow.id.in_(
            select(SetRow.session_id)
            .join(ExerciseRow, ExerciseRow.id == SetRow.exercise_id)
            .where(ExerciseRow.slug == exercise)
        )
    )


def count_sessions(db: OrmSession, exercise: str | None = None) -> int:
    """Sessions in the history, or only those that include `exercise`."""
    query = _filtered(select(func.count(SessionRow.id)), exercise)
    return int(db.scalar(query) or 0)


def position_of(db: OrmSession, session_id: int, exercise: str | None = None) -> int | None:
    """Index of a session in the newest-first list (None if it is not there)."""
    row = db.get(SessionRow, session_id)
    if row is None:
        return None
    newer = or_(
        SessionRow.started_at > row.started_at,
        and_(SessionRow.started_at == row.started_at, SessionRow.id > row.id),
    )
    query = _filtered(select(func.count(SessionRow.id)).where(newer), exercise)
    return int(db.scalar(query) or 0)


def session_starts_between(
    db: OrmSession, start: datetime, end: datetime
) -> list[tuple[int, datetime]]:
    """(id, start time) of sessions starting in [start, end), oldest first."""
    rows = db.execute(
        select(SessionRow.id, SessionRow.started_at)
        .where(SessionRow.started_at >= start, SessionRow.started_at < end, sound_session())
        .order_by(SessionRow.started_at, SessionRow.id)
    ).all()
    return [(id_, started) for id_, started in rows]


def session_page(
    db: OrmSession, exercise: str | None = None, limit: int = 200, offset: int = 0
) -> list[tuple[int, datetime, float | None]]:
    """(id, start, bodyweight) of sessions newest first, as `session_repo.session_totals` orders
    them, including sessions that hold no sets yet."""
    query = _filtered(
        select(SessionRow.id, SessionRow.started_at, SessionRow.bodyweight_kg)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(limit)
        .offset(offset),
        exercise,
    )
    return [(id_, started, kg) for id_, started, kg in db.execute(query).all()]
