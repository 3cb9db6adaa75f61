"""Body measurements: bodyweight, hip and thigh circumference on a date, and their limits.

Lengths are kept in cm, as loads are kept in kg; a person who works in lb types and reads
inches. One entry per date; any of the three values may be missing, but not all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from hiplog.domain.errors import InputError
from hiplog.domain.translation import N_, _
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.validation import BODYWEIGHT_KG_RANGE, check_training_date
from hiplog.domain.wording import number_text

CM_PER_IN = 2.54  # exact, by definition
#: A hip or thigh circumference in cm, lowest and highest.
CIRCUMFERENCE_CM_RANGE = (20.0, 250.0)
#: The fields of an entry: the key a refusal names in `InputError.where` (stable: the window
#: marks that field by it, a backup's reader turns it into a JSON path) and the field's name
#: as a person reads it (`refusal_text`).
FIELD_LABELS = {
    "date": N_("date"),
    "bodyweight": N_("bodyweight"),
    "hip": N_("hip circumference"),
    "thigh": N_("thigh circumference"),
}


@dataclass(frozen=True)
class BodyMeasurement:
    """What a person measured on one day (`measured_at` keeps the time an import gave)."""

    measured_at: datetime
    bodyweight_kg: float | None = None
    hip_cm: float | None = None
    thigh_cm: float | None = None

    @property
    def empty(self) -> bool:
        return self.bodyweight_kg is None and self.hip_cm is None and self.thigh_cm is None


def length_unit(unit: Unit) -> str:
    """The unit of lengths that goes with a unit of loads: cm with kg, in with lb."""
    return "in" if unit is Unit.LB else "cm"


def to_cm(value: float, unit: Unit) -> float:
    """A length typed in the person's length unit (in with lb), in cm."""
    return value * CM_PER_IN if unit is Unit.LB else value


def from_cm(cm: float, unit: Unit) -> float:
    return cm / CM_PER_IN if unit is Unit.LB else cm


def validate_measurement(entry: BodyMeasurement, unit: Unit = Unit.KG) -> BodyMeasurement:
    """`entry` when every value is one a person has, else an InputError naming the value and
    its limits in the person's units."""
    check_training_date(entry.measured_at, "date")
    if entry.empty:
        raise InputError(_("give a bodyweight, a hip or a thigh circumference (or more)"))
    low, high = BODYWEIGHT_KG_RANGE
    kg = entry.bodyweight_kg
    if kg is not None and not (kg == kg and low <= kg <= high):
        limits = (from_kg(low, unit), from_kg(high, unit), unit.value)
        raise InputError(_out_of_range(*limits, from_kg(kg, unit)), "bodyweight")
    low, high = CIRCUMFERENCE_CM_RANGE
    for what, cm in (("hip", entry.hip_cm), ("thigh", entry.thigh_cm)):
        if cm is not None and not (cm == cm and low <= cm <= high):
            limits = (from_cm(low, unit), from_cm(high, unit), length_unit(unit))
            raise InputError(_out_of_range(*limits, from_cm(cm, unit)), what)
    return entry


def _out_of_range(low: float, high: float, unit: str, value: float) -> str:
    """'must be from 45 to 881 lb, not 12': the limits as whole numbers inside them (20 kg is
    44.09 lb), the value to a tenth, in the locale's numbers."""
    return _("must be from {low} to {high} {unit}, not {value}").format(
        low=math.ceil(low - 1e-9),
        high=math.floor(high + 1e-9),
        unit=unit,
        value=number_text(value, 1),
    )


def refusal_text(exc: InputError) -> str:
    """A refusal of an entry as a person reads it: the field's name in their language before
    the message ('Hüftumfang: muss zwischen 20 und 250 cm liegen, nicht 300'), where
    `str(exc)` has the field's key ('hip: ...')."""
    label = FIELD_LABELS.get(exc.where or "")
    if label is None:
        return str(exc)
    return _("{field}: {problem}").format(field=_(label), problem=exc.message)
