"""Settings as key/value text rows (saved, loaded, removed), and bodyweight entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.models import BodyweightEntry
from hiplog.storage.orm import BodyweightRow, SettingRow
from hiplog.storage.row_check import sound_bodyweight


def load_settings(db: OrmSession) -> dict[str, str]:
    return {row.key: row.value for row in db.scalars(select(SettingRow))}


def save_settings(db: OrmSession, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        row = db.get(SettingRow, key)
        if row is None:
            db.add(SettingRow(key=key, value=value))
        else:
            row.value = value


def delete_settings(db: OrmSession, keys: Iterable[str]) -> None:
    """Remove stored setting rows (an exercise override that was cleared)."""
    wanted = list(keys)
    if wanted:
        db.execute(delete(SettingRow).where(SettingRow.key.in_(wanted)))


def add_bodyweight(db: OrmSession, entry: BodyweightEntry) -> None:
    db.add(BodyweightRow(measured_at=entry.measured_at, kg=entry.kg))


def bodyweights(db: OrmSession) -> list[BodyweightEntry]:
    query = select(BodyweightRow).where(sound_bodyweight()).order_by(BodyweightRow.measured_at)
    rows = db.scalars(query)
    return [BodyweightEntry(measured_at=row.measured_at, kg=row.kg) for row in rows]


def latest_bodyweight(db: OrmSession, at: datetime | None = None) -> float | None:
    query = (
        select(BodyweightRow.kg)
        .where(sound_bodyweight())
        .order_by(BodyweightRow.measured_at.desc())
        .limit(1)
    )
    if at is not None:
        query = query.where(BodyweightRow.measured_at <= at)
    return db.scalar(query)
