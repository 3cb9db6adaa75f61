"""Checks on what a person types or a file holds, with messages that say what and where."""

from __future__ import annotations

import math
import re
from datetime import datetime

from hiplog.domain.errors import InputError
from hiplog.domain.locale_format import localize_number
from hiplog.domain.models import SetEntry
from hiplog.domain.translation import _
from hiplog.domain.units import Unit, to_kg

# The one set of limits for a set. What a person types beyond them is refused; what a file holds
# beyond them is imported but flagged (models.SetEntry.flagged): nobody lifts, moves or holds that
# much in one set. hiplog_csv and the importers read them from here.
MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
MAX_RIR = 10
MAX_DURATION_S = 24 * 3600.0
MAX_DISTANCE_M = 100_000.0
# What the database can hold at all, flagged or not (storage.row_check reads every row against
# them): beyond these a value is damage, not a set, and it is refused wherever it enters.
STORED_MAX_REPS = 1_000_000_000  # a typed 877777 is a flagged set; 2**63-1 is damage
STORED_MAX_NUMBER = 1e9  # loads, durations, distances, weights
STORED_MAX_SET_NUMBER = 10_000
# The dates a training log holds. Beyond them dates cannot be charted, shifted by a week or
# written back, so they are refused wherever a date enters.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def check_training_date(value: datetime, where: str | None = None) -> datetime:
    """`value` when its year is FIRST_YEAR to LAST_YEAR, else an InputError saying so."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InputError(
            _("the date {date} is not between {first} and {last}").format(
                date=f"{value:%Y-%m-%d}", first=FIRST_YEAR, last=LAST_YEAR
            ),
            where,
        )
    return value


#: A person's bodyweight in kg, lowest and highest: for the setting and for a session alike.
BODYWEIGHT_KG_RANGE = (20.0, 400.0)

_SET_SPEC = re.compile(r"^\s*(?P<load>[^xX×]*)[xX×](?P<reps>[^xX×]*)\s*$")


def parse_reps(text: str, where: str | None = None) -> int:
    """A whole number of reps from 0 to MAX_REPS typed by a person; blank is an error (an
    import's blank cell is 0 reps: cell_values.parse_reps_or_zero)."""
    value = text.strip()
    if not re.fullmatch(r"\d+", value):
        raise InputError(
            _("reps must be a whole number from 0 to {most}, not '{text}'").format(
                most=MAX_REPS, text=text
            ),
            where,
        )
    reps = int(value)
    if reps > MAX_REPS:
        raise InputError(
            _("{reps} reps is more than {most}; check the number").format(reps=reps, most=MAX_REPS),
            where,
        )
    return reps


def plain_float(text: str) -> float:
    """float(text) for a number as people write it: Python's `1_000` is not one (ValueError)."""
    if "_" in text:
        raise ValueError(_("'{text}' is not a plain number").format(text=text))
    return float(text)


def typed_float(text: str) -> float | None:
    """A number as typed, with a decimal point or comma ("81,5"); None when blank. ValueError
    when it is not a plain number (inf and nan pass: the caller says what they may be)."""
    value = text.strip().replace(",", ".")
    return plain_float(value) if value else None


def parse_load(text: str, unit: Unit = Unit.KG, where: str | None = None) -> float | None:
    """A load in `unit` as kg, or None for blank or 0 (bodyweight)."""
    try:
        number = typed_float(text)
    except ValueError:
        message = _("load must be a number, not '{text}'").format(text=text)
        raise InputError(message, where) from None
    if number is None:
        return None
    if not math.isfinite(number) or number < 0:
        raise InputError(_("load must be 0 or more, not '{text}'").format(text=text), where)
    kg = to_kg(number, unit)
    if kg > MAX_LOAD_KG:
        raise InputError(
            _("a load of {load} is over {most} kg").format(
                load=f"{text} {unit.value}", most=f"{MAX_LOAD_KG:g}"
            ),
            where,
        )
    return kg or None


def parse_rir(text: str, where: str | None = None) -> int | None:
    value = text.strip()
    if not value:
        return None
    if not re.fullmatch(r"\d+", value) or int(value) > MAX_RIR:
        raise InputError(
            _("RIR (reps in reserve) must be a whole number from 0 to {most}, not '{text}'").format(
                most=MAX_RIR, text=text
            ),
            where,
        )
    return int(value)


def parse_set_spec(
    text: str, unit: Unit = Unit.KG, where: str | None = None
) -> tuple[float | None, int]:
    """'60x12' -> (60.0, 12); 'x15' -> (None, 15); '132.5x8' in lb -> (60.1..., 8)."""
    match = _SET_SPEC.match(text)
    if match is None:
        raise InputError(
            _("a set is written LOADxREPS (60x12) or xREPS (x15), not '{text}'").format(text=text),
            where,
        )
    return parse_load(match["load"], unit, where), parse_reps(match["reps"], where)


def parse_when_midnight_default(text: str, where: str | None = None) -> datetime:
    """An ISO date or date and time: 2026-11-20 (midnight), 2026-11-20T18:00[:SS], a space for
    the T allowed. Used for the time a set was done (`hiplog log --date`)."""
    value = text.strip()
    formats = (
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d",
    )
    for fmt in formats:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return check_training_date(parsed, where)
    raise InputError(
        _("'{text}' is not a real date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM").format(
            text=text
        ),
        where,
    )


def validate_bodyweight(kg: float | None, where: str | None = None) -> None:
    """Refuse a bodyweight no person has (None, not recorded, is fine)."""
    low, high = BODYWEIGHT_KG_RANGE
    if kg is not None and not low <= kg <= high:
        raise InputError(
            _("bodyweight must be from {low} to {high} kg, not {value}").format(
                low=f"{low:g}", high=f"{high:g}", value=localize_number(f"{kg:g}")
            ),
            where,
        )


def unstorable(
    reps: int, load_kg: float | None, duration_s: float | None, distance_m: float | None
) -> str:
    """Why a set's values cannot be stored at all ("" when they can): a negative or non-finite
    number, or one over STORED_MAX_REPS / STORED_MAX_NUMBER. Imports refuse such a set; a
    merely implausible one (over MAX_REPS, MAX_LOAD_KG, ...) is imported and flagged."""
    if not 0 <= reps <= STORED_MAX_REPS:
        return _("reps must be from 0 to {STORED_MAX_REPS}, not {reps}").format(
            STORED_MAX_REPS=STORED_MAX_REPS, reps=reps
        )
    for label, value in (("load", load_kg), ("duration", duration_s), ("distance", distance_m)):
        if value is not None and not 0 <= value <= STORED_MAX_NUMBER:  # False for NaN too
            return _("{label} must be from 0 to {STORED_MAX_NUMBER:g}, not {value:g}").format(
                label=label, STORED_MAX_NUMBER=STORED_MAX_NUMBER, value=value
            )
    return ""


def validate_set(entry: SetEntry, where: str | None = None) -> None:
    """Refuse a set no person could have done; flagged (imported) sets may exceed the limits
    (up to what the database holds, `unstorable`)."""
    if entry.reps < 0 or (entry.reps > MAX_REPS and not entry.flagged):
        raise InputError(
            _("reps must be from 0 to {MAX_REPS}, not {reps}").format(
                MAX_REPS=MAX_REPS, reps=entry.reps
            ),
            where,
        )
    if entry.load_kg is not None and (
        not math.isfinite(entry.load_kg)
        or entry.load_kg < 0
        or (entry.load_kg > MAX_LOAD_KG and not entry.flagged)
    ):
        raise InputError(
            _("load must be from 0 to {MAX_LOAD_KG:g} kg, not {load_kg:g}").format(
                MAX_LOAD_KG=MAX_LOAD_KG, load_kg=entry.load_kg
            ),
            where,
        )
    if entry.rir is not None and not 0 <= entry.rir <= MAX_RIR:
        raise InputError(
            _("RIR must be from 0 to {MAX_RIR}, not {rir}").format(MAX_RIR=MAX_RIR, rir=entry.rir),
            where,
        )
    if entry.side not in (None, "L", "R"):
        raise InputError(
            _("side must be L, R or blank, not '{side}'").format(side=entry.side), where
        )
    if entry.order < 1:
        raise InputError(
            _("set number must be 1 or more, not {order}").format(order=entry.order), where
        )
    if entry.order > STORED_MAX_SET_NUMBER:
        raise InputError(
            _("set number must be {STORED_MAX_SET_NUMBER} or less").format(
                STORED_MAX_SET_NUMBER=STORED_MAX_SET_NUMBER
            ),
            where,
        )
    for label, value, most in (
        ("duration", entry.duration_s, MAX_DURATION_S),
        ("distance", entry.distance_m, MAX_DISTANCE_M),
    ):
        if value is not None and (not math.isfinite(value) or value < 0):
            raise InputError(
                _("{label} must be 0 or more, not {value:g}").format(label=label, value=value),
                where,
            )
        if value is not None and value > most and not entry.flagged:
            raise InputError(
                _("{label} must be from 0 to {most:g}, not {value:g}").format(
                    label=label, most=most, value=value
                ),
                where,
            )
    for label, words in (("notes", entry.notes), ("band", entry.band)):
        # PostgreSQL's text cannot hold U+0000 (SQLite's can): refused on both, alike.
        if words and "\x00" in words:
            raise InputError(
                _("{label} cannot hold a NUL character (U+0000)").format(label=label), where
            )
    problem = unstorable(entry.reps, entry.load_kg, entry.duration_s, entry.distance_m)
    if problem:
        raise InputError(problem, where)
