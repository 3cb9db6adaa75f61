"""Body measurements (bodyweight, hip and thigh on a day) read and written, and the latest
bodyweight of entries and sessions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.models import BodyweightEntry
from hiplog.storage.orm import BodyMeasurementRow, SessionRow
from hiplog.storage.row_check import sound_measurement, sound_session


def _entry(row: BodyMeasurementRow) -> BodyMeasurement:
    return BodyMeasurement(row.measured_at, row.bodyweight_kg, row.hip_cm, row.thigh_cm)


def measurements(db: OrmSession) -> list[BodyMeasurement]:
    """Every entry, oldest first."""
    query = (
        select(BodyMeasurementRow)
        .where(sound_measurement())
        .order_by(BodyMeasurementRow.measured_at, BodyMeasurementRow.id)
    )
    return [_entry(row) for row in db.scalars(query)]


def on_day(db: OrmSession, day: date) -> BodyMeasurement | None:
    """The entry of one day (the first, should an import have brought two)."""
    start = datetime.combine(day, time())
    query = (
        select(BodyMeasurementRow)
        .where(sound_measurement())
        .where(BodyMeasurementRow.measured_at >= start)
        .where(BodyMeasurementRow.measured_at < start + timedelta(days=1))
        .order_by(BodyMeasurementRow.measured_at, BodyMeasurementRow.id)
        .limit(1)
    )
    row = db.scalars(query).first()
    return None if row is None else _entry(row)


def add(db: OrmSession, entry: BodyMeasurement) -> None:
    db.add(
        BodyMeasurementRow(
            measured_at=entry.measured_at,
            bodyweight_kg=entry.bodyweight_kg,
            hip_cm=entry.hip_cm,
            thigh_cm=entry.thigh_cm,
        )
    )
    db.flush()


def remove(db: OrmSession, measured_at: datetime) -> int:
    """Delete the entry taken at `measured_at`; how many rows went (0 when none was there)."""
    result = db.execute(
        delete(BodyMeasurementRow).where(BodyMeasurementRow.measured_at == measured_at),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0))


def add_bodyweight(db: OrmSession, entry: BodyweightEntry) -> None:
    """A bodyweight entry from an import (FitNotes' BodyWeight table)."""
    add(db, BodyMeasurement(entry.measured_at, bodyweight_kg=entry.kg))


def latest_bodyweight(db: OrmSession, at: datetime | None = None) -> float | None:
    """The newest of a bodyweight entry and a session's bodyweight (at or before `at`); on the
    same moment the entry wins."""
    entry = (
        select(BodyMeasurementRow.measured_at, BodyMeasurementRow.bodyweight_kg)
        .where(sound_measurement())
        .where(BodyMeasurementRow.bodyweight_kg.is_not(None))
    )
    session = select(SessionRow.started_at, SessionRow.bodyweight_kg).where(
        SessionRow.bodyweight_kg.is_not(None), sound_session()
    )
    if at is not None:
        entry = entry.where(BodyMeasurementRow.measured_at <= at)
        session = session.where(SessionRow.started_at <= at)
    found = [
        (when, rank, kg)
        for rank, query in ((1, entry), (0, session))
        for when, kg in db.execute(query.order_by(query.selected_columns[0].desc()).limit(1))
        if kg is not None
    ]
    return float(max(found)[2]) if found else None


def session_bodyweights(db: OrmSession) -> list[tuple[datetime, float]]:
    """(start, kg) of every session with a bodyweight, oldest first (for the Body chart)."""
    query = (
        select(SessionRow.started_at, SessionRow.bodyweight_kg)
        .where(SessionRow.bodyweight_kg.is_not(None), sound_session())
        .order_by(SessionRow.started_at)
    )
    return [(when, float(kg)) for when, kg in db.execute(query) if kg is not None]
