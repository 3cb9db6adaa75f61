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

from dataclasses import dataclass

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.common import (
    DROP_SET_TAG,
    FAILURE_TAG,
    ImportBuilder,
    column_getter,
    field_count_error,
    header_and_rows,
    load_from,
    metres_per,
    parse_date,
    parse_number,
    parse_reps,
    positive_or_none,
    rir_from_rpe_cell,
    weight_unit,
)
from hiplog.domain.models import ImportedData
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
    get = column_getter(layout.index)
    builder = ImportBuilder(catalog, "strong")
    data = builder.data

    for line, row in rows:
        where = f"{source} line {line}"
        if len(row) != layout.width:
            raise field_count_error(layout.width, len(row), where)
        data.rows_read += 1
        started_at = parse_date(get(row, "date"), _DATE_FORMATS, where)
        workout_no = get(row, "workout_no").strip()
        key = ("#", workout_no) if workout_no else (started_at, get(row, "workout_name").strip())
        exercise = get(row, "exercise").strip()
        if not exercise:
            raise InputError("the exercise name is empty", where)
        kind = get(row, "set_order").strip()
        folded = kind.casefold()
        notes = get(row, "notes")
        builder.add_session_note(key, started_at, get(row, "workout_notes"))
        if folded in _REST:
            data.rest_rows += 1
            continue
        if folded in _NOTE:
            data.note_rows += 1
            builder.add_exercise_note(key, started_at, exercise, notes)
            continue
        warmup = folded in _WARMUP
        tag = FAILURE_TAG if folded in _FAILURE else DROP_SET_TAG if folded in _DROP else ""
        if not (warmup or tag or kind.isdigit()):
            raise InputError(f"unknown Set Order '{kind}'", where)

        reps = parse_reps(get(row, "reps"), where)
        weight = parse_number(get(row, "weight"), "weight", where)
        load_kg = load_from(weight, _row_weight_unit(row, layout, unit, weight, where))
        distance = parse_number(get(row, "distance"), "distance", where)
        distance_m = positive_or_none(distance)
        if distance_m is not None:
            distance_m *= _row_metres_per(row, layout, unit, where)
        seconds = positive_or_none(parse_number(get(row, "seconds"), "seconds", where))
        rir = rir_from_rpe_cell(get(row, "rpe"), where)
        builder.add_set(
            key,
            started_at,
            exercise,
            line,
            reps=reps,
            load_kg=load_kg,
            rir=rir,
            warmup=warmup,
            duration_s=seconds,
            distance_m=distance_m,
            notes=notes,
            tag=tag,
        )
    return builder.finish()


def _row_weight_unit(
    row: list[str], layout: _Layout, unit: Unit | None, weight: float | None, where: str
) -> Unit:
    if layout.weight_unit is not None:
        return weight_unit(layout.weight_unit, where)
    i = layout.index.get("weight_unit")
    if i is not None and row[i].strip():
        return weight_unit(row[i], where)
    if unit is not None:
        return unit
    if not weight:
        return Unit.KG  # bodyweight: no unit needed
    raise InputError("this row has a weight but no weight unit; choose with --unit", where)


def _row_metres_per(row: list[str], layout: _Layout, unit: Unit | None, where: str) -> float:
    if layout.distance_unit is not None:
        return metres_per(layout.distance_unit, where)
    i = layout.index.get("distance_unit")
    if i is not None and row[i].strip():
        return metres_per(row[i], where)
    # No unit in the file: Strong wrote km for kg users and miles for lb users.
    return metres_per("mi" if unit is Unit.LB else "km", where)
