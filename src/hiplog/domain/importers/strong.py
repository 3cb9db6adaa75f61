"""Read a Strong CSV export (every layout seen: 2016-17, comma, unit columns, `;`, German).

One row per set. `Set Order` says what a row is: a number (a set), `W`/`WARM_UP` (a warm-up),
`F`/`FAILURE` and `D` (failure and drop sets, kept with a tag in the notes), `Rest Timer` or
`Ruhezeit` (a rest: counted, not a set) or `Note` (an exercise note: counted and attached to the
exercise's first set). A workout is the `Workout #` when the file has one, else Date + Workout Name.

Units: per row (`Weight Unit`: kg/lbs, blank for bodyweight), per header (`kg`, `Weight (kg)`,
`Distance (meters)`, `km`), or nowhere, in which case the caller says which (`unit`). Where the
distance has no unit, Strong used km for kg users and miles for lb users.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.builder import DROP_SET_TAG, FAILURE_TAG, DraftSession, ImportBuilder
from hiplog.domain.importers.cell_values import (
    SetValues,
    load_from,
    metres_per,
    parse_date_in_formats,
    parse_number_or_none,
    parse_reps_or_zero,
    positive_or_none,
    rir_from_rpe_cell,
    weight_unit,
)
from hiplog.domain.importers.csv_input import field_count_error, header_and_rows
from hiplog.domain.models import ImportedData
from hiplog.domain.translation import _
from hiplog.domain.units import Unit

NO_UNIT_MESSAGE = (
    "this Strong file does not say whether weights are kg or lb; choose with --unit kg or --unit lb"
)

# Header (case-insensitive) -> (field, unit the header implies or None).
_COLUMNS: dict[str, tuple[str, str | None]] = {
    "workout #": ("workout_no", None),
    "date": ("date", None),
    "datum": ("date", None),
    "workout name": ("workout_name", None),
    "workout-name": ("workout_name", None),
    "exercise name": ("exercise", None),
    "name der übung": ("exercise", None),
    "set order": ("set_order", None),
    "reihenfolge festlegen": ("set_order", None),
    "weight": ("weight", None),
    "gewicht": ("weight", None),
    "kg": ("weight", "kg"),
    "weight (kg)": ("weight", "kg"),
    "weight (lbs)": ("weight", "lbs"),
    "weight (lb)": ("weight", "lbs"),
    "weight unit": ("weight_unit", None),
    "reps": ("reps", None),
    "wiederh.": ("reps", None),
    "wiederholungen": ("reps", None),
    "rpe": ("rpe", None),
    "distance": ("distance", None),
    "entfernung": ("distance", None),
    "km": ("distance", "km"),
    "distance (meters)": ("distance", "m"),
    "distance (km)": ("distance", "km"),
    "distance (miles)": ("distance", "mi"),
    "distance unit": ("distance_unit", None),
    "seconds": ("seconds", None),
    "sekunden": ("seconds", None),
    "notes": ("notes", None),
    "notizen": ("notes", None),
    "workout notes": ("workout_notes", None),
    "workout-notizen": ("workout_notes", None),
}
_REQUIRED = ("date", "exercise", "set_order", "reps")

_WARMUP = {"w", "warm_up", "warmup"}
_FAILURE = {"f", "failure"}
_DROP = {"d", "drop_set", "dropset"}
_REST = {"rest timer", "ruhezeit", "rest_timer"}
_NOTE = {"note", "notiz"}

_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class _Layout:
    index: dict[str, int]
    width: int
    weight_unit: str | None  # from the header
    distance_unit: str | None  # from the header


def _layout(header: list[str], source: str) -> _Layout:
    index: dict[str, int] = {}
    units: dict[str, str | None] = {"weight": None, "distance": None}
    for i, name in enumerate(header):
        known = _COLUMNS.get(name.strip().casefold())
        if known is None:
            continue  # columns we do not use (Duration, Dauer, Workout Duration, ...)
        fieldname, unit = known
        if fieldname not in index:
            index[fieldname] = i
            if fieldname in units:
                units[fieldname] = unit
    missing = [f for f in _REQUIRED if f not in index]
    if missing or ("workout_name" not in index and "workout_no" not in index):
        raise InputError(
            "not a Strong export: the header lacks " + ", ".join(missing or ["Workout Name"]),
            f"{source} line 1",
        )
    return _Layout(index, len(header), units["weight"], units["distance"])


def read_strong(text: str, source: str, catalog: Catalog, unit: Unit | None) -> ImportedData:
    """Parse a whole Strong export; raise InputError (nothing returned) on malformed input."""
    header, rows = header_and_rows(text, source)
    layout = _layout(header, source)
    if layout.weight_unit is None and "weight_unit" not in layout.index and unit is None:
        raise InputError(NO_UNIT_MESSAGE, where=source)
    builder = ImportBuilder(catalog, "strong")
    data = builder.data
    width = layout.width
    session_cells, set_cells, (exercise_at, notes_at, workout_notes_at) = _cell_getters(layout)
    # A long history repeats the same few cells on row after row (a workout's date on each of
    # its sets, the same weights and reps week after week), so each distinct combination is
    # parsed once. Only what parsed is remembered: a bad cell is reported on every row.
    sessions: dict[tuple[str, ...], tuple[object, datetime, DraftSession]] = {}
    slugs: dict[str, str] = {}
    values: dict[tuple[str, ...], SetValues | str] = {}
    rows_read = rest_rows = note_rows = 0

    for line, row in rows:
        if len(row) != width:
            raise field_count_error(
                width, len(row), _("{file} line {line}").format(file=source, line=line)
            )
        rows_read += 1
        row.append("")
        cells = session_cells(row)
        found = sessions.get(cells)
        if found is None:
            found = sessions[cells] = _session_of(
                builder, cells, _("{file} line {line}").format(file=source, line=line)
            )
        key, started_at, draft = found
        name = row[exercise_at]
        slug = slugs.get(name)  # mapped on the first set (a rest row maps nothing)
        if slug is None and not name.strip():
            raise InputError(
                _("the exercise name is empty"),
                _("{file} line {line}").format(file=source, line=line),
            )
        if row[workout_notes_at]:
            builder.add_session_note(key, started_at, row[workout_notes_at])
        numbers = set_cells(row)
        parsed = values.get(numbers)
        if parsed is None:
            parsed = values[numbers] = _set_values(
                numbers, layout, unit, _("{file} line {line}").format(file=source, line=line)
            )
        if isinstance(parsed, SetValues):
            if slug is None:
                slug = slugs[name] = builder.mapper.slug_for(name.strip())
            builder.add_set_values(draft, slug, line, parsed, row[notes_at])
        elif parsed == _REST_ROW:
            rest_rows += 1
        else:
            note_rows += 1
            builder.add_exercise_note(key, started_at, name.strip(), row[notes_at])
    data.rows_read, data.rest_rows, data.note_rows = rows_read, rest_rows, note_rows
    data.load_unit = _load_unit(values, layout, unit)
    return builder.finish()


def _load_unit(
    values: dict[tuple[str, ...], SetValues | str], layout: _Layout, unit: Unit | None
) -> str:
    """The unit most loaded sets were written in (counting each distinct set of cells once)."""
    counts = {Unit.KG: 0, Unit.LB: 0}
    for cells, parsed in values.items():
        if isinstance(parsed, SetValues) and parsed.load_kg:
            counts[_row_weight_unit(cells[3], layout, unit, parsed.load_kg, "")] += 1
    if not any(counts.values()):
        return ""
    return Unit.LB.value if counts[Unit.LB] > counts[Unit.KG] else Unit.KG.value


_Cells = Callable[[list[str]], tuple[str, ...]]


def _cell_getters(
    layout: _Layout,
) -> tuple[_Cells, _Cells, tuple[int, int, int]]:
    """Where read_strong finds its cells: getters for a row's session cells and set cells, and the
    indexes of the exercise name, the set notes and the workout notes.

    Every row gets one empty cell appended: it stands for each column the file lacks, so a cell
    is one index whatever the layout.
    """

    def column(name: str) -> int:
        return layout.index.get(name, layout.width)

    session_cells = itemgetter(column("date"), column("workout_no"), column("workout_name"))
    set_cells = itemgetter(*(column(name) for name in _SET_FIELDS))
    return session_cells, set_cells, (column("exercise"), column("notes"), column("workout_notes"))


# The cells that make a set's values, in the order _set_values reads them.
_SET_FIELDS = (
    "set_order",
    "reps",
    "weight",
    "weight_unit",
    "distance",
    "distance_unit",
    "seconds",
    "rpe",
)
_REST_ROW = "rest"
_NOTE_ROW = "note"


def _session_of(
    builder: ImportBuilder, cells: tuple[str, ...], where: str
) -> tuple[object, datetime, DraftSession]:
    """The workout of a row from its date, Workout # and Workout Name cells."""
    date, workout_no, workout_name = cells
    started_at = parse_date_in_formats(date, _DATE_FORMATS, where)
    workout_no = workout_no.strip()
    key = ("#", workout_no) if workout_no else (started_at, workout_name.strip())
    draft = builder.session(key, started_at)
    return key, draft.started_at, draft


def _set_values(
    cells: tuple[str, ...], layout: _Layout, unit: Unit | None, where: str
) -> SetValues | str:
    """A row's set values from its _SET_FIELDS cells, or _REST_ROW or _NOTE_ROW."""
    kind, reps_cell, weight_cell, unit_cell, distance_cell, distance_unit_cell, seconds, rpe = cells
    kind = kind.strip()
    folded = kind.casefold()
    if folded in _REST:
        return _REST_ROW
    if folded in _NOTE:
        return _NOTE_ROW
    warmup = folded in _WARMUP
    tag = FAILURE_TAG if folded in _FAILURE else DROP_SET_TAG if folded in _DROP else ""
    if not (warmup or tag or kind.isdigit()):
        raise InputError(_("unknown Set Order '{kind}'").format(kind=kind), where)
    reps = parse_reps_or_zero(reps_cell, where)
    weight = parse_number_or_none(weight_cell, "weight", where)
    load_kg = load_from(weight, _row_weight_unit(unit_cell, layout, unit, weight, where))
    distance_m = positive_or_none(parse_number_or_none(distance_cell, "distance", where))
    if distance_m is not None:
        distance_m *= _row_metres_per(distance_unit_cell, layout, unit, where)
    duration_s = positive_or_none(parse_number_or_none(seconds, "seconds", where))
    return SetValues.checked(
        reps=reps,
        load_kg=load_kg,
        rir=rir_from_rpe_cell(rpe, where),
        warmup=warmup,
        duration_s=duration_s,
        distance_m=distance_m,
        tag=tag,
        where=where,
    )


def _row_weight_unit(
    cell: str, layout: _Layout, unit: Unit | None, weight: float | None, where: str
) -> Unit:
    if layout.weight_unit is not None:
        return weight_unit(layout.weight_unit, where)
    if cell.strip():  # the Weight Unit column ("" when the file has none)
        return weight_unit(cell, where)
    if unit is not None:
        return unit
    if not weight:
        return Unit.KG  # bodyweight: no unit needed
    raise InputError(_("this row has a weight but no weight unit; choose with --unit"), where)


def _row_metres_per(cell: str, layout: _Layout, unit: Unit | None, where: str) -> float:
    if layout.distance_unit is not None:
        return metres_per(layout.distance_unit, where)
    if cell.strip():  # the Distance Unit column ("" when the file has none)
        return metres_per(cell, where)
    # No unit in the file: Strong wrote km for kg users and miles for lb users.
    return metres_per("mi" if unit is Unit.LB else "km", where)
