"""Aggregates for the progress charts, computed by the database.

The charts never load every set: per session the database sums and counts the working sets of
one exercise grouped by load (sets at one load share an effective load, so the per-set numbers
the domain needs can be rebuilt exactly from these groups), and per session and exercise it
counts hard sets for the weekly charts. Only portable SQL (CASE, SUM, MAX, COUNT, GROUP BY).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.chart_series import HardSetGroup, LoadGroup
from hiplog.domain.metrics import EPLEY_MAX_REPS
from hiplog.storage.exercise_repo import slug_ids
from hiplog.storage.orm import ExerciseRow, SessionRow, SetRow
from hiplog.storage.row_check import sound_session, sound_set


def _working() -> ColumnElement[bool]:
    # Rows damaged outside hiplog are left out (row_check names them).
    return and_(SetRow.warmup.is_(False), SetRow.flagged.is_(False), sound_set(), sound_session())


def load_groups(db: OrmSession, slug: str) -> list[LoadGroup]:
    """Working sets of `slug` grouped by session and load, oldest session first."""
    exercise_id = slug_ids(db).get(slug)
    if exercise_id is None:
        return []
    load = func.coalesce(SetRow.load_kg, 0.0)
    epley_reps = case((SetRow.reps.between(1, EPLEY_MAX_REPS), SetRow.reps), else_=None)
    rows = db.execute(
        select(
            SessionRow.id,
            SessionRow.started_at,
            SessionRow.bodyweight_kg,
            load,
            func.count(SetRow.id),
            func.sum(SetRow.reps),
            func.max(SetRow.reps),
            func.max(epley_reps),
        )
        .join(SetRow, SetRow.session_id == SessionRow.id)
        .where(SetRow.exercise_id == exercise_id, _working())
        .group_by(SessionRow.id, SessionRow.started_at, SessionRow.bodyweight_kg, load)
        .order_by(SessionRow.started_at, SessionRow.id, load)
    ).all()
    return [
        LoadGroup(
            session_id=int(sid),
            started_at=started,
            session_bodyweight_kg=bw,
            load_kg=float(kg or 0.0),
            sets=int(n),
            reps=int(reps or 0),
            max_reps=int(top or 0),
            max_reps_for_e1rm=None if e1 is None else int(e1),
        )
        for sid, started, bw, kg, n, reps, top, e1 in rows
    ]


def hard_set_groups(db: OrmSession, max_rir: int) -> list[HardSetGroup]:
    """Counts of working sets per session, exercise, side-ness and hardness, oldest first."""
    sided = case((SetRow.side.is_(None), 0), else_=1)
    hard = case((SetRow.rir.is_(None) | (SetRow.rir <= max_rir), 1), else_=0)
    rows = db.execute(
        select(
            SessionRow.id,
            SessionRow.started_at,
            ExerciseRow.slug,
            sided,
            hard,
            func.count(SetRow.id),
        )
        .join(SetRow, SetRow.session_id == SessionRow.id)
        .join(ExerciseRow, ExerciseRow.id == SetRow.exercise_id)
        .where(_working())
        .group_by(SessionRow.id, SessionRow.started_at, ExerciseRow.slug, sided, hard)
        .order_by(SessionRow.started_at, SessionRow.id)
    ).all()
    return [
        HardSetGroup(int(sid), started, slug, bool(one), bool(h), int(n))
        for sid, started, slug, one, h, n in rows
    ]


def first_trained(db: OrmSession, slugs: Iterable[str]) -> dict[str, datetime]:
    """The start of the first session with a working set of each exercise (those ever trained)."""
    wanted = list(slugs)
    if not wanted:
        return {}
    rows = db.execute(
        select(ExerciseRow.slug, func.min(SessionRow.started_at))
        .join(SetRow, SetRow.exercise_id == ExerciseRow.id)
        .join(SessionRow, SessionRow.id == SetRow.session_id)
        .where(ExerciseRow.slug.in_(wanted), _working())
        .group_by(ExerciseRow.slug)
    ).all()
    return {slug: started for slug, started in rows if started is not None}


def sessions_per_exercise(db: OrmSession) -> dict[str, int]:
    """How many sessions hold a working set of each exercise (exercises never trained: absent)."""
    rows = db.execute(
        select(ExerciseRow.slug, func.count(func.distinct(SetRow.session_id)))
        .join(SetRow, SetRow.exercise_id == ExerciseRow.id)
        .join(SessionRow, SessionRow.id == SetRow.session_id)
        .where(_working())
        .group_by(ExerciseRow.slug)
    ).all()
    return {slug: int(n) for slug, n in rows}
