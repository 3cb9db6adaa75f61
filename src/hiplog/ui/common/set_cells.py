"""The cells of a sets table without Qt: the columns, what a cell shows of a SetRow, and how
text typed in a cell is read. ui/common/sets_table_model.py puts them in a Qt model."""

from __future__ import annotations

from typing import Any

from hiplog.domain.errors import InputError
from hiplog.domain.records import RecordKind
from hiplog.domain.units import Unit
from hiplog.domain.validation import parse_load, parse_reps, parse_rir
from hiplog.domain.wording import format_load
from hiplog.ui.common.number_text import load_text
from hiplog.ui.common.set_row import SetRow
from hiplog.ui.common.translation import N_, _, ngettext

COLUMNS = tuple(range(10))
EXERCISE, SET, LOAD, REPS, RIR, WARMUP, SIDE, BAND, NOTES, RECORD = COLUMNS
#: Column titles, messages and tips are N_() markers: translated where shown.
TITLES = (
    N_("Exercise"),
    N_("Set"),
    N_("Load"),
    N_("Reps"),
    N_("RIR"),
    N_("Warm-up"),
    N_("Side"),
    N_("Band"),
    N_("Notes"),
    N_("Record"),
)
#: How a column is named in a message ("Glute bridge, set 2, reps: ...").
WHAT = (
    N_("exercise"),
    N_("set"),
    N_("load"),
    N_("reps"),
    N_("RIR"),
    N_("warm-up"),
    N_("side"),
    N_("band"),
    N_("notes"),
    N_("record"),
)
#: The SetRow field each typed column sets.
FIELDS = {LOAD: "load_kg", REPS: "reps", RIR: "rir", SIDE: "side", BAND: "band", NOTES: "notes"}
HEADER_TIPS = {
    EXERCISE: N_("The exercise of the set"),
    SET: N_("Set number; W marks a warm-up set. 'next' rows are not saved yet."),
    LOAD: N_("External load. Leave blank for bodyweight."),
    REPS: N_("Repetitions done. A set is saved as soon as its reps are in."),
    RIR: N_("Reps in reserve: how many more reps you could have done (0-10). Optional."),
    WARMUP: N_("Warm-up sets are kept but do not count for progress or suggestions."),
    SIDE: N_("L or R for one-sided work; blank for both sides."),
    BAND: N_("The band you used, by name (for example 'medium')."),
    NOTES: N_("Anything worth remembering about this set."),
    RECORD: N_("PR marks a personal record; hover it to see which one."),
}
#: Columns of numbers, aligned right.
NUMBERED = (SET, LOAD, REPS, RIR)


def shows_hint(r: SetRow, column: int) -> bool:
    """Whether the cell shows a grey hint (a draft's 'next', the plan's target reps)."""
    if r.saved:
        return False
    if column == SET:
        return True
    return column == REPS and r.reps is None and r.target_reps is not None


def display_text(r: SetRow, column: int, unit: Unit) -> str:
    """What the cell shows (the Exercise and Set columns are the model's: they need the
    table around the row)."""
    if column == LOAD and not r.load_kg and r.saved:
        return _("bodyweight")
    if column == REPS and r.reps is None:
        return str(r.target_reps) if r.target_reps is not None else ""
    if column == RECORD:
        return _("★ PR") if r.records else ""
    return edit_text(r, column, unit)


def edit_text(r: SetRow, column: int, unit: Unit) -> str:
    """The cell's text as it is typed."""
    if column == LOAD:
        return load_text(r.load_kg, unit)
    if column == REPS:
        return "" if r.reps is None else str(r.reps)
    if column == RIR:
        return "" if r.rir is None else str(r.rir)
    if column == SIDE:
        return r.side or ""
    if column == BAND:
        return r.band or ""
    if column == NOTES:
        return r.notes
    return ""


def target_text(r: SetRow, column: int, unit: Unit) -> str:
    """The plan's target for the cell, as text ('' if none)."""
    if column == REPS and r.target_reps is not None:
        return str(r.target_reps)
    if column == LOAD and r.target_load_kg:
        return load_text(r.target_load_kg, unit)
    return ""


#: What each kind of personal record is, for the Record column's tooltip.
RECORD_NAMES = {
    RecordKind.HEAVIEST_FOR_REPS: N_("heaviest load for these reps"),
    RecordKind.BEST_E1RM: N_("best estimated one-rep max"),
    RecordKind.MOST_REPS_AT_LOAD: N_("most reps at this load"),
}


def record_text(kinds: tuple[RecordKind, ...]) -> str:
    """'Personal record: heaviest load for these reps and most reps at this load.'"""
    names = [_(RECORD_NAMES[k]) for k in kinds if k in RECORD_NAMES]
    if not names:
        return ""
    listed = names[0]
    if len(names) > 1:
        listed = _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])
    return _("Personal record: {records}.").format(records=listed)


def tooltip(r: SetRow, column: int, unit: Unit) -> str | None:
    if r.flagged:
        return _("Flagged on import as out of range: left out of statistics")
    if column == RECORD and r.records:
        return record_text(r.records)
    if column == SET:
        return _("Saved") if r.saved else _("Not saved yet: type the reps and press Enter")
    if column == REPS and not r.saved and r.target_reps is not None:
        return ngettext(
            "Target: {count} rep. Type the reps you did.",
            "Target: {count} reps. Type the reps you did.",
            r.target_reps,
        ).format(count=r.target_reps)
    if column == LOAD and not r.saved:
        target = format_load(r.target_load_kg, unit) if r.target_load_kg else None
        return (
            _("Target: {load}").format(load=target) if target else _("Leave blank for bodyweight")
        )
    tip = HEADER_TIPS.get(column)
    return _(tip) if tip else None


def parse_cell(column: int, text: str, unit: Unit, where: str) -> Any:
    """The value of `text` typed in `column`; raises InputError saying what and where."""
    if column == LOAD:
        return parse_load(text, unit, where)
    if column == REPS:
        return parse_reps(text, where) if text.strip() else None
    if column == RIR:
        return parse_rir(text, where)
    if column == SIDE:
        value = text.strip().upper()
        if value in ("", "L", "R"):
            return value or None
        raise InputError(_("side is L, R or blank, not '{text}'").format(text=text), where)
    if column == BAND:
        return text.strip() or None
    if column == NOTES:
        return text.strip()
    raise InputError(_("this cell cannot be edited"), where)
