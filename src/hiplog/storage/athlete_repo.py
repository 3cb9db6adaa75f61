"""The athletes of a database: listed with their unit and session count, found, added."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.athlete_scope import ALL_ATHLETES
from hiplog.storage.orm import AthleteRow, SessionRow, SettingRow
from hiplog.storage.row_check import sound_session


@dataclass(frozen=True)
class AthleteRecord:
    id: int
    name: str
    unit: str | None  # the stored unit setting; None when the athlete kept the default
    sessions: int


def first_athlete_id(db: OrmSession) -> int:
    """The athlete a database opens for when none is named (the first one made)."""
    found = db.scalar(select(func.min(AthleteRow.id)))
    if found is None:  # pragma: no cover - revision 0006 always leaves one
        raise LookupError("the database holds no athlete")
    return int(found)


def athletes(db: OrmSession) -> list[AthleteRecord]:
    """Every athlete, by name, with their unit setting and number of sessions."""
    everyone = {ALL_ATHLETES: True}
    counts: dict[int, int] = dict(
        db.execute(
            select(SessionRow.athlete_id, func.count(SessionRow.id))
            .where(sound_session())
            .group_by(SessionRow.athlete_id),
            execution_options=everyone,
        ).all()
    )
    units: dict[int, str] = dict(
        db.execute(
            select(SettingRow.athlete_id, SettingRow.value).where(SettingRow.key == "unit"),
            execution_options=everyone,
        ).all()
    )
    rows = db.execute(select(AthleteRow.id, AthleteRow.name).order_by(AthleteRow.name)).all()
    return [
        AthleteRecord(athlete_id, name, units.get(athlete_id), int(counts.get(athlete_id, 0)))
        for athlete_id, name in rows
    ]


def athlete_names(db: OrmSession) -> list[str]:
    """Every athlete's name, in order (without `athletes`' counts: asked after every change)."""
    return list(db.scalars(select(AthleteRow.name).order_by(AthleteRow.name)))


def athlete_id(db: OrmSession, name: str) -> int | None:
    return db.scalar(select(AthleteRow.id).where(AthleteRow.name == name))


def athlete_name(db: OrmSession, athlete: int) -> str:
    return db.get_one(AthleteRow, athlete).name


def add_athlete(db: OrmSession, name: str, created: datetime) -> int:
    row = AthleteRow(name=name, created=created)
    db.add(row)
    db.flush()
    return row.id


def rename_athlete(db: OrmSession, athlete: int, name: str) -> None:
    db.get_one(AthleteRow, athlete).name = name
