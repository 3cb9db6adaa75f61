"""Read a FitNotes CSV export.

One row per set, but only a date: no time, no workout, no set number, no RPE, no warm-up flag.
All sets of one date form one session, which starts at 00:00 of that date (the FitNotes backup
reader does the same, so both exports of the same log agree).

FitNotes does not quote commas inside exercise names (`Overhead Press (Each Side, Dumbbells)`),
so a row can split into more fields than the header has. The fixed columns are taken from both
ends and whatever is left in the middle is the name. The weight unit is in the header
(`Weight (kgs)`, `Weight (lbs)`) or per row (`Weight Unit`: kgs/lbs); Time is `H:MM:SS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.builder import ImportBuilder
from hiplog.domain.importers.cell_values import (
    load_from,
    metres_per,
    parse_date_in_formats,
    parse_number_or_none,
    parse_reps_or_zero,
    positive_or_none,
    weight_unit,
)
from hiplog.domain.importers.csv_input import column_getter, field_count_error, header_and_rows
from hiplog.domain.models import ImportedData
from hiplog.domain.translation import _
from hiplog.domain.units import Unit

_COLUMNS = {
    "date": ("date", None),
    "exercise": ("exercise", None),
    "category": ("category", None),
    "weight": ("weight", None),
    "weight (kgs)": ("weight", Unit.KG),
    "weight (kg)": ("weight", Unit.KG),
    "weight (lbs)": ("weight", Unit.LB),
    "weight (lb)": ("weight", Unit.LB),
    "weight unit": ("weight_unit", None),
    "reps": ("reps", None),
    "distance": ("distance", None),
    "distance unit": ("distance_unit", None),
    "time": ("time", None),
    "comment": ("comment", None),
}
_REQUIRED = ("date", "exercise", "weight", "reps")


@dataclass(frozen=True)
class _Layout:
    index: dict[str, int]
    width: int
    weight_unit: Unit | None


def _layout(header: list[str], source: str) -> _Layout:
    index: dict[str, int] = {}
    unit: Unit | None = None
    for i, name in enumerate(header):
        known = _COLUMNS.get(name.strip().casefold())
        if known is None:
            raise InputError(
                _("not a FitNotes export: unknown column '{name}'").format(name=name),
                f"{source} line 1",
            )
        fieldname, header_unit = known
        index[fieldname] = i
        if fieldname == "weight":
            unit = header_unit
    missing = [f for f in _REQUIRED if f not in index]
    if unit is None and "weight_unit" not in index:
        missing.append("Weight Unit")
    if missing:
        raise InputError(
            "not a FitNotes export: the header lacks " + ", ".join(missing), f"{source} line 1"
        )
    if index["exercise"] != 1:
        raise InputError(
            _("not a FitNotes export: Exercise is not the second column"), f"{source} line 1"
        )
    return _Layout(index, len(header), unit)


def parse_hms(text: str, where: str) -> float | None:
    """`H:MM:SS` (or `MM:SS`) as seconds; empty is None."""
    text = text.strip()
    if not text:
        return None
    parts = text.split(":")
    if not 2 <= len(parts) <= 3 or not all(p.strip().isdigit() for p in parts):
        raise InputError(_("time '{text}' is not H:MM:SS").format(text=text), where)
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return float(seconds)


def _fields(row: list[str], layout: _Layout, where: str) -> list[str]:
    """The row with an exercise name that held unquoted commas joined back together."""
    extra = len(row) - layout.width
    if extra < 0:
        raise field_count_error(layout.width, len(row), where)
    return [row[0], ",".join(row[1 : 2 + extra]), *row[2 + extra :]]


def read_fitnotes_csv(text: str, source: str, catalog: Catalog) -> ImportedData:
    """Parse a whole FitNotes CSV export; raise InputError (nothing returned) on bad input."""
    header, rows = header_and_rows(text, source, ",")
    layout = _layout(header, source)
    get = column_getter(layout.index)
    builder = ImportBuilder(catalog, "fitnotes")
    data = builder.data
    loads = {Unit.KG: 0, Unit.LB: 0}
    for line, raw in rows:
        where = _("{file} line {line}").format(file=source, line=line)
        row = _fields(raw, layout, where)
        data.rows_read += 1
        started_at = parse_date_in_formats(get(row, "date"), ("%Y-%m-%d",), where)
        key = started_at.date()
        exercise = get(row, "exercise").strip()
        if not exercise:
            raise InputError(_("the exercise name is empty"), where)
        weight = parse_number_or_none(get(row, "weight"), "weight", where)
        unit = layout.weight_unit
        if unit is None:
            unit_text = get(row, "weight_unit")
            if unit_text.strip():
                unit = weight_unit(unit_text, where)
            elif weight:
                raise InputError(_("this row has a weight but no weight unit"), where)
            else:
                unit = Unit.KG
        if weight:
            loads[unit] += 1
        distance = positive_or_none(parse_number_or_none(get(row, "distance"), "distance", where))
        distance_m = None
        if distance is not None:
            unit_text = get(row, "distance_unit")
            if not unit_text.strip():
                raise InputError(_("this row has a distance but no distance unit"), where)
            distance_m = distance * metres_per(unit_text, where)
        builder.add_set(
            key,
            started_at,
            exercise,
            line,
            reps=parse_reps_or_zero(get(row, "reps"), where),
            load_kg=load_from(weight, unit),
            duration_s=positive_or_none(parse_hms(get(row, "time"), where)),
            distance_m=distance_m,
            notes=get(row, "comment"),
            where=where,
        )
    if any(loads.values()):
        data.load_unit = (Unit.LB if loads[Unit.LB] > loads[Unit.KG] else Unit.KG).value
    return builder.finish()
