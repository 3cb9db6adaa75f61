"""Body measurements (the Body measurements dialog's use cases): list, add, change, remove.

Values are stored in kg and cm. The person types and reads them in their unit: kg and cm, or
lb and in (domain/body.py). One entry a day: adding a second one on a day is refused with a
message that says to change the first. Each call is one transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time

from hiplog.domain.body import BodyMeasurement, from_cm, to_cm, validate_measurement
from hiplog.domain.errors import InputError
from hiplog.domain.translation import _
from hiplog.domain.units import Unit, from_kg, to_kg
from hiplog.domain.validation import typed_float
from hiplog.domain.wording import date_text
from hiplog.services.context import AppContext
from hiplog.storage import body_repo


@dataclass(frozen=True)
class BodySeries:
    """What the Body chart draws: bodyweights (entries and sessions together) and lengths."""

    bodyweight: tuple[tuple[datetime, float], ...]  # kg
    hip: tuple[tuple[datetime, float], ...]  # cm
    thigh: tuple[tuple[datetime, float], ...]  # cm

    @property
    def empty(self) -> bool:
        return not (self.bodyweight or self.hip or self.thigh)


def list_measurements(ctx: AppContext) -> list[BodyMeasurement]:
    """Every entry, oldest first."""
    with ctx.db.reader() as tx:
        return body_repo.measurements(tx)


def parse_value(text: str, what: str) -> float | None:
    """A number as typed ("81,5" too); blank is None. `what` names the field in the message."""
    try:
        number = typed_float(text)
    except ValueError:
        number = math.nan
    if number is not None and not math.isfinite(number):
        raise InputError(_("'{text}' is not a number").format(text=text.strip()), what)
    return number


def from_input(
    day: date,
    bodyweight: float | None,
    hip: float | None,
    thigh: float | None,
    unit: Unit,
) -> BodyMeasurement:
    """An entry from values in the person's units (lb and in with lb), checked."""
    entry = BodyMeasurement(
        datetime.combine(day, time()),
        None if bodyweight is None else to_kg(bodyweight, unit),
        None if hip is None else to_cm(hip, unit),
        None if thigh is None else to_cm(thigh, unit),
    )
    return validate_measurement(entry, unit)


def in_unit(entry: BodyMeasurement, unit: Unit) -> tuple[float | None, float | None, float | None]:
    """Bodyweight, hip and thigh in the person's units."""
    return (
        None if entry.bodyweight_kg is None else from_kg(entry.bodyweight_kg, unit),
        None if entry.hip_cm is None else from_cm(entry.hip_cm, unit),
        None if entry.thigh_cm is None else from_cm(entry.thigh_cm, unit),
    )


def add_measurement(ctx: AppContext, entry: BodyMeasurement) -> None:
    """Store a new entry; refused when its day has one already."""
    validate_measurement(entry, ctx.settings().unit)
    with ctx.db.transaction() as tx:
        if body_repo.on_day(tx, entry.measured_at.date()) is not None:
            raise InputError(
                _("there is an entry on {day} already: change that one instead").format(
                    day=date_text(entry.measured_at.date())
                )
            )
        body_repo.add(tx, entry)
    ctx.invalidate()


def replace_measurement(ctx: AppContext, old: BodyMeasurement, new: BodyMeasurement) -> None:
    """Put `new` in place of `old` (found by its time), in one transaction. A new date that
    has an entry of its own is refused."""
    validate_measurement(new, ctx.settings().unit)
    with ctx.db.transaction() as tx:
        if not body_repo.remove(tx, old.measured_at):
            raise InputError(
                _("the entry of {day} is gone").format(day=date_text(old.measured_at.date()))
            )
        if body_repo.on_day(tx, new.measured_at.date()) is not None:
            raise InputError(
                _("there is an entry on {day} already: change that one instead").format(
                    day=date_text(new.measured_at.date())
                )
            )
        if new.measured_at.date() == old.measured_at.date():
            new = BodyMeasurement(old.measured_at, new.bodyweight_kg, new.hip_cm, new.thigh_cm)
        body_repo.add(tx, new)
    ctx.invalidate()


def delete_measurement(ctx: AppContext, entry: BodyMeasurement) -> None:
    """Remove an entry (found by its time)."""
    with ctx.db.transaction() as tx:
        if not body_repo.remove(tx, entry.measured_at):
            raise InputError(
                _("the entry of {day} is gone").format(day=date_text(entry.measured_at.date()))
            )
    ctx.invalidate()


def body_series(ctx: AppContext) -> BodySeries:
    """Bodyweight over time (entries and the sessions' bodyweights; an entry and a session on
    one day: the entry) and the hip and thigh circumferences, oldest first."""
    with ctx.db.reader() as tx:
        entries = body_repo.measurements(tx)
        sessions = body_repo.session_bodyweights(tx)
    entry_days = {e.measured_at.date() for e in entries if e.bodyweight_kg is not None}
    weights = [(e.measured_at, e.bodyweight_kg) for e in entries if e.bodyweight_kg is not None]
    weights += [(when, kg) for when, kg in sessions if when.date() not in entry_days]
    return BodySeries(
        bodyweight=tuple(sorted((w, float(kg)) for w, kg in weights if kg is not None)),
        hip=tuple((e.measured_at, e.hip_cm) for e in entries if e.hip_cm is not None),
        thigh=tuple((e.measured_at, e.thigh_cm) for e in entries if e.thigh_cm is not None),
    )
