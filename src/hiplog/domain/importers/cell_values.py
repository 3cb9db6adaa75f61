"""Cells of another app's export turned into values: numbers, reps, dates, units, RPE.

Also the plausibility check of a set's values against the limits in validation.py.
"""

from __future__ import annotations

import math
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from hiplog.domain.errors import InputError
from hiplog.domain.translation import _
from hiplog.domain.units import Unit, to_kg
from hiplog.domain.validation import (
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_LOAD_KG,
    MAX_REPS,
    MAX_RIR,
    check_training_date,
    unstorable,
)

METRES_PER = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometers": 1000.0,
    "kilometres": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yards": 0.9144,
}

WEIGHT_UNITS = {
    "kg": Unit.KG,
    "kgs": Unit.KG,
    "lb": Unit.LB,
    "lbs": Unit.LB,
}


def weight_unit(text: str, where: str) -> Unit:
    """`kg`, `kgs`, `lb` or `lbs` (any case) as a Unit."""
    unit = WEIGHT_UNITS.get(text.strip().casefold())
    if unit is None:
        raise InputError(
            _("unknown weight unit '{text}' (expected kg or lbs)").format(text=text), where
        )
    return unit


def metres_per(text: str, where: str) -> float:
    """How many metres one of `text` (m, km, mi, ft, yd, ...) is."""
    factor = METRES_PER.get(text.strip().casefold())
    if factor is None:
        raise InputError(
            _("unknown distance unit '{text}' (expected m, km, mi, ft or yd)").format(text=text),
            where,
        )
    return factor


def check_text(text: str, source: str) -> str:
    """The text without a byte-order mark; refuses an empty or binary file before parsing."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError(_("this is a binary file, not a CSV export"), f"{source} line 1")
    if not text.strip():
        raise InputError(_("the file is empty"), f"{source} line 1")
    return text


def parse_number_or_none(text: str, what: str, where: str) -> float | None:
    """A decimal number, or None for an empty cell. `nan`/`inf` are not numbers here."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            _("{what} '{text}' is not a number").format(what=what, text=text), where
        ) from None
    if not math.isfinite(value):
        raise InputError(_("{what} '{text}' is not a number").format(what=what, text=text), where)
    return value


def parse_reps_or_zero(text: str, where: str) -> int:
    """Reps as a whole number; `13.0` is 13, an empty cell is 0 (a timed or distance set).

    Unlike validation.parse_reps (what a person types), where a blank is an error."""
    value = parse_number_or_none(text, "reps", where)
    if value is None:
        return 0
    if value != int(value):
        raise InputError(
            _("reps '{value}' is not a whole number").format(value=text.strip()), where
        )
    return int(value)


def parse_date_in_formats(text: str, formats: tuple[str, ...], where: str) -> datetime:
    """A naive datetime in one of `formats`, else an InputError naming the value."""
    text = text.strip()
    parsed = date_in_formats(text, formats)
    if parsed is None:
        raise InputError(_("'{text}' is not a valid date").format(text=text), where)
    return check_training_date(parsed, where)


@lru_cache(maxsize=4096)
def date_in_formats(text: str, formats: tuple[str, ...]) -> datetime | None:
    """`text` read with the first of `formats` that fits, or None when none does."""
    # Exports repeat a workout's date on each of its rows, and strptime is slow: remembering
    # recent answers cuts the time of a large import by about a quarter.
    for fmt in formats:
        try:
            return _zero_padded(text, fmt) or datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


# Formats whose zero-padded form is read without strptime (about 20 times faster; a workout
# history has one distinct date per workout, thousands in a long one).
_PADDED_SHAPES = {
    "%Y-%m-%d %H:%M:%S": "dddd-dd-dd dd:dd:dd",
    "%Y-%m-%d %H:%M": "dddd-dd-dd dd:dd",
    "%Y-%m-%d": "dddd-dd-dd",
}
_DIGITS = frozenset("0123456789")


def _zero_padded(text: str, fmt: str) -> datetime | None:
    """`text` read with `fmt` when it has the format's zero-padded shape exactly (the value
    strptime would give), else None. Raises ValueError for a date that does not exist."""
    shape = _PADDED_SHAPES.get(fmt)
    if shape is None or len(text) != len(shape):
        return None
    for char, want in zip(text, shape, strict=True):
        if (char not in _DIGITS) if want == "d" else (char != want):
            return None
    n = len(text)
    return datetime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]) if n > 10 else 0,
        int(text[14:16]) if n > 13 else 0,
        int(text[17:19]) if n > 16 else 0,
    )


def rir_from_rpe_cell(text: str, where: str) -> int | None:
    """The RPE column of a row as reps in reserve; None when the cell is empty."""
    rpe = parse_number_or_none(text, "RPE", where)
    return None if rpe is None else rir_from_rpe(rpe)


def rir_from_rpe(rpe: float) -> int:
    """Reps in reserve from RPE: 10 - RPE, halves rounded down (RPE 8.5 -> 1), clamped 0..10."""
    rir = math.floor(10.0 - rpe + 0.5 - 1e-9)
    return max(0, min(MAX_RIR, rir))


def load_from(value: float | None, unit: Unit) -> float | None:
    """External load in kg; empty or zero is bodyweight (None)."""
    if value is None or value == 0:
        return None
    return to_kg(value, unit)


def positive_or_none(value: float | None) -> float | None:
    """A duration or distance; zero means the app left it unused."""
    if value is None or value == 0:
        return None
    return value


def implausible(
    reps: int,
    load_kg: float | None,
    duration_s: float | None,
    distance_m: float | None,
) -> list[str]:
    """Why a set is outside what a person can do (empty when it is plausible)."""
    why: list[str] = []
    if reps < 0:
        why.append(_("negative reps ({reps})").format(reps=reps))
    elif reps > MAX_REPS:
        why.append(_("{reps} reps is more than {MAX_REPS}").format(reps=reps, MAX_REPS=MAX_REPS))
    if load_kg is not None:
        if load_kg < 0:
            why.append(_("negative load ({load_kg:g} kg)").format(load_kg=load_kg))
        elif load_kg > MAX_LOAD_KG:
            why.append(
                _("load {load_kg:g} kg is more than {MAX_LOAD_KG:g} kg").format(
                    load_kg=load_kg, MAX_LOAD_KG=MAX_LOAD_KG
                )
            )
    if duration_s is not None:
        if duration_s < 0:
            why.append(_("negative duration ({duration_s:g} s)").format(duration_s=duration_s))
        elif duration_s > MAX_DURATION_S:
            why.append(
                _("duration {duration_s:g} s is more than 24 hours").format(duration_s=duration_s)
            )
    if distance_m is not None:
        if distance_m < 0:
            why.append(_("negative distance ({distance_m:g} m)").format(distance_m=distance_m))
        elif distance_m > MAX_DISTANCE_M:
            why.append(
                _("distance {distance_m:g} m is more than 100 km").format(distance_m=distance_m)
            )
    return why


class SetValues(NamedTuple):
    """A set's parsed values, and why they are implausible ("" when they are not)."""

    reps: int
    load_kg: float | None
    rir: int | None
    warmup: bool
    duration_s: float | None
    distance_m: float | None
    tag: str
    why: str

    @classmethod
    def checked(
        cls,
        *,
        reps: int,
        load_kg: float | None,
        rir: int | None,
        warmup: bool,
        duration_s: float | None,
        distance_m: float | None,
        tag: str,
        where: str,
    ) -> SetValues:
        """The values, flagged when implausible; an InputError naming `where` when the log
        cannot hold them at all (negative, not finite, beyond validation's stored limits)."""
        problem = unstorable(reps, load_kg, duration_s, distance_m)
        if problem:
            raise InputError(problem, where)
        why = "; ".join(implausible(reps, load_kg, duration_s, distance_m))
        return cls(reps, load_kg, rir, warmup, duration_s, distance_m, tag, why)
