"""How hiplog writes numbers, counts, sets and prescriptions, the same in the window and the CLI.

- numbers: `trim_number` (no trailing zeros, always a point: for files), `number_text` (the same
  in the locale: '62,5' in German) and `format_load` ('62.5 kg', 'bodyweight'); loads in lb to
  a tenth at most, in kg to 0.01 (`load_number`);
- counts: `sets_text` ('1 set', '3 sets', by the language's plural rule); `plural` is English
  only (an English word plus 's'), for text not yet translated;
- a set: `load_reps_text` ('60 kg x 12') and `set_text` (with side, RIR, warm-up, flagged);
  reps in reserve are written 'RIR 2' everywhere (`rir_text`);
- a prescription: `prescription_text` ('3 x 8 at 62.5 kg');
- dates: `date_text` ('Sat 28 Nov 2026') and `date_time_text` ('Sat 28 Nov 2026 21:54').

Every text is in the current language (domain/translation.py), numbers and dates in its locale
(domain/locale_format.py); English is written exactly as before translation existed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hiplog.domain.locale_format import (
    DATE_FORMAT,
    DATE_TIME_FORMAT,
    date_text,
    date_time_text,
    localize_number,
)
from hiplog.domain.models import SetEntry
from hiplog.domain.translation import _, ngettext
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


def number_text(value: float, decimals: int = 2) -> str:
    """`trim_number` with the locale's decimal symbol: '62.5' in English, '62,5' in German."""
    return localize_number(trim_number(value, decimals))


def load_number(kg: float, unit: Unit) -> str:
    """A load's number in `unit` as the window writes it: '62.5', '132.3' ('62,5' in German)."""
    return number_text(from_kg(kg, unit), load_decimals(unit))


def format_load(kg: float | None, unit: Unit = Unit.KG) -> str:
    """'62.5 kg', '135 lb', '2116.4 lb', or 'bodyweight' for no load."""
    if not kg:
        return _("bodyweight")
    return f"{load_number(kg, unit)} {unit.value}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 set', '3 sets', '0 sets'; `many` for a word that does not just take an 's'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def sets_text(count: int) -> str:
    """'1 set', '3 sets', in the current language."""
    return ngettext("{count} set", "{count} sets", count).format(count=count)


def rir_text(rir: int) -> str:
    """Reps in reserve as hiplog writes them: 'RIR 2'."""
    return _("RIR {rir}").format(rir=rir)


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
        text += _(", warm-up")
    if entry.flagged:
        text += _(", flagged (not counted)")
    return text


def reps_list_text(reps: Sequence[int]) -> str:
    """'8' when every set has the same target, else '10, 10, 9'."""
    return str(reps[0]) if len(set(reps)) == 1 else ", ".join(str(r) for r in reps)


def prescription_text(s: Suggestion, unit: Unit) -> str:
    """'3 x 8 at 62.5 kg', '3 x 10, 10, 9 at bodyweight', '2 x 12 with the medium band'."""
    fields = {"sets": s.sets, "reps": reps_list_text(s.reps)}
    if s.load_kg:
        return _("{sets} x {reps} at {load}").format(**fields, load=format_load(s.load_kg, unit))
    if s.band:
        return _("{sets} x {reps} with the {band} band").format(**fields, band=s.band)
    return _("{sets} x {reps} at bodyweight").format(**fields)


#: The English date-and-time in Qt's display-format language, for the date-and-time fields (no
#: Qt import here).
DATE_TIME_QT_FORMAT = "ddd dd MMM yyyy HH:mm"
#: A date alone in Qt's display-format language (the Body measurements dialog).
DATE_QT_FORMAT = "ddd dd MMM yyyy"

__all__ = [
    "DATE_FORMAT",
    "DATE_TIME_FORMAT",
    "DATE_TIME_QT_FORMAT",
    "date_text",
    "date_time_text",
    "format_load",
    "load_decimals",
    "load_number",
    "load_reps_text",
    "number_text",
    "plural",
    "prescription_text",
    "reps_list_text",
    "rir_text",
    "set_text",
    "sets_text",
    "trim_number",
]
