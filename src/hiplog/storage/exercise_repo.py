"""Exercises in the database: the built-in catalog, custom exercises and the sets that use them."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.catalog import Catalog, exercise_from_dict, exercise_to_dict
from hiplog.domain.models import Exercise, Role
from hiplog.storage.athlete_scope import ALL_ATHLETES
from hiplog.storage.engine import APPLICATION_ID
from hiplog.storage.orm import ExerciseNoteRow, ExerciseRow, SetRow

# The catalog is shared: moving or deleting an exercise concerns every athlete's sets.
_EVERYONE = {ALL_ATHLETES: True}


def _to_domain(row: ExerciseRow) -> Exercise:
    facts = json.loads(row.facts_json)
    facts["role"] = row.role
    return exercise_from_dict(facts, position=row.position, custom=row.custom)


def _facts(exercise: Exercise) -> str:
    """The facts_json of an exercise: everything but its role (a column)."""
    facts = exercise_to_dict(exercise)
    del facts["role"]
    return json.dumps(facts, sort_keys=True)


def load_catalog(db: OrmSession) -> Catalog:
    """Every exercise, built-in and custom, in catalog order."""
    rows = db.scalars(select(ExerciseRow)).all()
    return Catalog(_to_domain(row) for row in rows)


def slug_ids(db: OrmSession) -> dict[str, int]:
    rows = db.execute(select(ExerciseRow.slug, ExerciseRow.id)).all()
    return dict(rows)


def sync_builtins(db: OrmSession, exercises: Iterable[Exercise]) -> int:
    """Insert or update the built-in exercises; custom exercises and logged sets stay as they are.

    Returns how many rows were inserted or changed.
    """
    if db.get_bind().dialect.name == "postgresql":
        # Two clients starting together on a new server database: the second waits for the
        # first's catalog, then finds it (the lock is the one schema creation takes).
        db.execute(text(f"SELECT pg_advisory_xact_lock({APPLICATION_ID})"))
    existing = {row.slug: row for row in db.scalars(select(ExerciseRow))}
    changed = 0
    for ex in exercises:
        facts = _facts(ex)
        row = existing.get(ex.slug)
        if row is None:
            db.add(
                ExerciseRow(
                    slug=ex.slug,
                    name=ex.name,
                    custom=False,
                    position=ex.position,
                    facts_json=facts,
                    role=Role.CATALOG.value,
                )
            )
            changed += 1
        elif _outdated(row, ex, facts):
            row.name, row.position, row.facts_json = ex.name, ex.position, facts
            changed += 1
    return changed


def _outdated(row: ExerciseRow, ex: Exercise, facts: str) -> bool:
    """A built-in exercise row that differs from the catalog's entry."""
    return not row.custom and (
        row.facts_json != facts or row.name != ex.name or row.position != ex.position
    )


def builtins_in_sync(db: OrmSession, exercises: Iterable[Exercise]) -> bool:
    """True when sync_builtins would change nothing (so no write lock is needed at all)."""
    existing = {row.slug: row for row in db.scalars(select(ExerciseRow))}
    for ex in exercises:
        row = existing.get(ex.slug)
        if row is None or _outdated(row, ex, _facts(ex)):
            return False
    return True


def save_custom(db: OrmSession, exercise: Exercise) -> None:
    """Insert a custom exercise, or update the custom exercise with the same slug."""
    facts = _facts(exercise)
    row = db.scalars(select(ExerciseRow).where(ExerciseRow.slug == exercise.slug)).one_or_none()
    if row is None:
        position = 1000 + (db.scalar(select(ExerciseRow.id).order_by(ExerciseRow.id.desc())) or 0)
        db.add(
            ExerciseRow(
                slug=exercise.slug,
                name=exercise.name,
                custom=True,
                position=position,
                facts_json=facts,
                role=exercise.role.value,
            )
        )
    else:
        row.name, row.facts_json, row.role = exercise.name, facts, exercise.role.value


def exercise_id(db: OrmSession, slug: str) -> int | None:
    return db.scalar(select(ExerciseRow.id).where(ExerciseRow.slug == slug))


def set_ids_of(db: OrmSession, slug: str) -> list[int]:
    """Ids of every set logged for an exercise."""
    found = exercise_id(db, slug)
    if found is None:
        return []
    return list(db.scalars(select(SetRow.id).where(SetRow.exercise_id == found)))


def move_sets(db: OrmSession, set_ids: list[int], slug: str) -> int:
    """Point the given sets at exercise `slug`; returns how many were moved."""
    found = exercise_id(db, slug)
    if found is None or not set_ids:
        return 0
    result = db.execute(
        update(SetRow).where(SetRow.id.in_(set_ids)).values(exercise_id=found),
        execution_options=_EVERYONE,
    )
    return int(getattr(result, "rowcount", 0) or 0)


def map_onto(db: OrmSession, custom_slug: str, target_slug: str) -> list[int]:
    """Move every set of a custom exercise onto another exercise and delete the custom one.

    The catalog is shared by the athletes, so every athlete's sets move with it. Returns the
    ids of the sets moved.
    """
    ids = slug_ids(db)
    source_id, target_id = ids[custom_slug], ids[target_slug]
    moved = list(
        db.scalars(
            select(SetRow.id).where(SetRow.exercise_id == source_id), execution_options=_EVERYONE
        )
    )
    db.execute(
        update(SetRow).where(SetRow.exercise_id == source_id).values(exercise_id=target_id),
        execution_options=_EVERYONE,
    )
    db.delete(db.get_one(ExerciseRow, source_id))
    return moved


def delete_custom_if_unused(db: OrmSession, slug: str) -> bool:
    """Delete the custom exercise `slug` if no set of any athlete uses it; True if it was
    deleted."""
    row = db.scalars(select(ExerciseRow).where(ExerciseRow.slug == slug)).one_or_none()
    if row is None or not row.custom:
        return False
    used = (
        db.scalar(
            select(func.count(SetRow.id)).where(SetRow.exercise_id == row.id),
            execution_options=_EVERYONE,
        )
        or 0
    )
    if used:
        return False
    db.delete(row)
    return True


def set_counts(db: OrmSession) -> dict[str, int]:
    """Logged sets per exercise slug."""
    rows = db.execute(
        select(ExerciseRow.slug, func.count(SetRow.id))
        .join(SetRow, SetRow.exercise_id == ExerciseRow.id)
        .group_by(ExerciseRow.slug)
    ).all()
    return {slug: int(count) for slug, count in rows}


def notes(db: OrmSession) -> dict[str, str]:
    """The athlete's note per exercise slug, for the exercises that have one."""
    rows = db.execute(
        select(ExerciseRow.slug, ExerciseNoteRow.note)
        .join(ExerciseNoteRow, ExerciseNoteRow.exercise_id == ExerciseRow.id)
        .where(ExerciseNoteRow.note != "")
    )
    return {str(slug): str(note) for slug, note in rows}


def set_note(db: OrmSession, slug: str, note: str) -> bool:
    """Replace the athlete's note on exercise `slug` (an empty one removes it); False if there
    is no such exercise."""
    found = exercise_id(db, slug)
    if found is None:
        return False
    row = db.scalars(
        select(ExerciseNoteRow).where(ExerciseNoteRow.exercise_id == found)
    ).one_or_none()
    if not note:
        if row is not None:
            db.delete(row)
    elif row is None:
        db.add(ExerciseNoteRow(exercise_id=found, note=note))
    else:
        row.note = note
    return True
