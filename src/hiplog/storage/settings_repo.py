"""Settings as key/value text rows (saved, loaded, removed), and bodyweight entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.models import BodyweightEntry
from hiplog.storage.orm import BodyweightRow, SessionRow, SettingRow
from hiplog.storage.row_check import sound_bodyweight


def load_settings(db: OrmSession) -> dict[str, str]:
    return {row.key: row.value for row in db.scalars(select(SettingRow))}


def save_settings(db: OrmSession, values: Mapping[str, str]) -> None:
    stored = {row.key: row for row in db.scalars(select(SettingRow))}
    for key, value in values.items():
        row = stored.get(key)
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
    """The newest of a bodyweight entry and a session's bodyweight (at or before `at`); on the
    same moment the entry wins."""
    entry = select(BodyweightRow.measured_at, BodyweightRow.kg).where(sound_bodyweight())
    session = select(SessionRow.started_at, SessionRow.bodyweight_kg).where(
        SessionRow.bodyweight_kg.is_not(None)
    )
    if at is not None:
        entry = entry.where(BodyweightRow.measured_at <= at)
        session = session.where(SessionRow.started_at <= at)
    found = [
        (when, rank, kg)
        for rank, query in ((1, entry), (0, session))
        for when, kg in db.execute(query.order_by(query.selected_columns[0].desc()).limit(1))
        if kg is not None
    ]
    return float(max(found)[2]) if found else None
