"""How hiplog writes numbers, counts, sets and prescriptions, the same in the window and the CLI.

- numbers: `trim_number` (no trailing zeros) and `format_load` ('62.5 kg', 'bodyweight'); loads
  in lb to a tenth at most, in kg to 0.01 (`load_number`);
- counts: `plural` ('1 set', '3 sets');
- a set: `load_reps_text` ('60 kg x 12') and `set_text` (with side, RIR, warm-up, flagged);
  reps in reserve are written 'RIR 2' everywhere (`rir_text`);
- a prescription: `prescription_text` ('3 x 8 at 62.5 kg');
- dates: `date_text` ('Sat 28 Nov 2026') and `date_time_text` ('Sat 28 Nov 2026 21:54').
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from hiplog.domain.models import SetEntry
from hiplog.domain.units import Unit, from_kg

if TYPE_CHECKING:  # progression imports this module for its own wording
    from hiplog.domain.progression import Suggestion


def trim_number(value: float, decimals: int = 2) -> str:
    """`value` to at most `decimals` places with no trailing zeros: '62.5', '60', '29.484'.

    A value that rounds to nothing is '0', never '-0'.
    """
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def load_decimals(unit: Unit) -> int:
    """Places a load is written to: a tenth of a pound (no one loads 132.28 lb), 0.01 kg (the
    1.25 kg plate pair makes 61.25 kg)."""
    return 1 if unit is Unit.LB else 2


def load_number(kg: float, unit: Unit) -> str:
    """A load's number in `unit` as the window writes it: '62.5', '132.3'."""
    return trim_number(from_kg(kg, unit), load_decimals(unit))


def format_load(kg: float | None, unit: Unit = Unit.KG) -> str:
    """'62.5 kg', '135 lb', '2116.4 lb', or 'bodyweight' for no load."""
    if not kg:
        return "bodyweight"
    return f"{load_number(kg, unit)} {unit.value}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 set', '3 sets', '0 sets'; `many` for a word that does not just take an 's'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def rir_text(rir: int) -> str:
    """Reps in reserve as hiplog writes them: 'RIR 2'."""
    return f"RIR {rir}"


def load_reps_text(load_kg: float | None, reps: int, unit: Unit, times: str = "x") -> str:
    """'60 kg x 12', 'bodyweight x 15'; `times` is '×' in the History's rich text."""
    return f"{format_load(load_kg, unit)} {times} {reps}"


def set_text(entry: SetEntry, unit: Unit) -> str:
    """One set in full: '60 kg x 12 (L), RIR 2, warm-up, flagged (not counted)'."""
    text = load_reps_text(entry.load_kg, entry.reps, unit)
    if entry.side:
        text += f" ({entry.side})"
    if entry.rir is not None:
        text += f", {rir_text(entry.rir)}"
    if entry.warmup:
        text += ", warm-up"
    if entry.flagged:
        text += ", flagged (not counted)"
    return text


def reps_list_text(reps: Sequence[int]) -> str:
    """'8' when every set has the same target, else '10, 10, 9'."""
    return str(reps[0]) if len(set(reps)) == 1 else ", ".join(str(r) for r in reps)


def prescription_text(s: Suggestion, unit: Unit) -> str:
    """'3 x 8 at 62.5 kg', '3 x 10, 10, 9 at bodyweight', '2 x 12 with the medium band'."""
    if s.load_kg:
        load = f"at {format_load(s.load_kg, unit)}"
    elif s.band:
        load = f"with the {s.band} band"
    else:
        load = "at bodyweight"
    return f"{s.sets} x {reps_list_text(s.reps)} {load}"


#: The one way hiplog writes a day and a moment: 'Sat 28 Nov 2026', 'Sat 28 Nov 2026 21:54'.
DATE_FORMAT = "%a %d %b %Y"
DATE_TIME_FORMAT = "%a %d %b %Y %H:%M"
#: The same in Qt's display-format language, for the date-and-time fields (no Qt import here).
DATE_TIME_QT_FORMAT = "ddd dd MMM yyyy HH:mm"
#: A date alone in Qt's display-format language (the Body measurements dialog).
DATE_QT_FORMAT = "ddd dd MMM yyyy"


def date_text(when: date) -> str:
    """'Sat 28 Nov 2026'."""
    return when.strftime(DATE_FORMAT)


def date_time_text(when: datetime) -> str:
    """'Sat 28 Nov 2026 21:54'."""
    return when.strftime(DATE_TIME_FORMAT)
