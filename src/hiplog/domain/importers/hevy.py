"""Read a Hevy CSV export.

One row per set. A workout has no id in the file: it is the pair (start_time, title). Units live
in the column names and are read separately (`weight_kg` or `weight_lbs`, `distance_km` or
`distance_miles`). `set_type` is normal, warmup, failure or dropset; `rpe` comes in half steps.
`exercise_notes` repeat on every row of an exercise and go to its first set; `description` is the
workout's note.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TypeVar

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.builder import DROP_SET_TAG, FAILURE_TAG, ImportBuilder
from hiplog.domain.importers.cell_values import (
    load_from,
    parse_number_or_none,
    parse_reps_or_zero,
    positive_or_none,
    rir_from_rpe_cell,
)
from hiplog.domain.importers.csv_input import column_getter, field_count_error, header_and_rows
from hiplog.domain.models import ImportedData
from hiplog.domain.translation import _
from hiplog.domain.units import Unit
from hiplog.domain.validation import check_training_date

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_TIME = re.compile(r"(\d{1,2}) ([A-Za-z]+)\.? (\d{4}),? (\d{1,2}):(\d{2})")

_SET_TYPES = {
    "normal": (False, ""),
    "": (False, ""),
    "warmup": (True, ""),
    "failure": (False, FAILURE_TAG),
    "dropset": (False, DROP_SET_TAG),
}
T = TypeVar("T")

_REQUIRED = ("title", "start_time", "exercise_title", "reps")


def parse_hevy_time(text: str, where: str) -> datetime:
    """`15 Sep 2025, 07:48` (English month names, whatever the system locale)."""
    match = _TIME.fullmatch(text.strip())
    month = _MONTHS.get(match.group(2).casefold()) if match else None
    if match is None or month is None:
        raise InputError(
            _("'{text}' is not a Hevy time such as '15 Sep 2025, 07:48'").format(text=text), where
        )
    day, year, hour, minute = (int(match.group(i)) for i in (1, 3, 4, 5))
    try:
        parsed = datetime(year, month, day, hour, minute)
    except ValueError:
        raise InputError(_("'{text}' is not a valid date").format(text=text), where) from None
    return check_training_date(parsed, where)


def read_hevy(text: str, source: str, catalog: Catalog) -> ImportedData:
    """Parse a whole Hevy export; raise InputError (nothing returned) on malformed input."""
    cells, rows = header_and_rows(text, source)
    header = [h.strip().casefold() for h in cells]
    ix = {name: i for i, name in reversed(list(enumerate(header)))}
    weight_col, weight_unit = _unit_column(ix, {"weight_kg": Unit.KG, "weight_lbs": Unit.LB})
    distance_col, metres = _unit_column(ix, {"distance_km": 1000.0, "distance_miles": 1609.344})
    missing = [c for c in _REQUIRED if c not in ix]
    if weight_col is None:
        missing.append("weight_kg or weight_lbs")
    if missing:
        raise InputError(
            "not a Hevy export: the header lacks " + ", ".join(missing), f"{source} line 1"
        )
    assert weight_unit is not None

    get = column_getter(ix)
    builder = ImportBuilder(catalog, "hevy")
    data = builder.data

    for line, row in rows:
        where = _("{file} line {line}").format(file=source, line=line)
        if len(row) != len(header):
            raise field_count_error(len(header), len(row), where)
        data.rows_read += 1
        started_at = parse_hevy_time(get(row, "start_time"), where)
        key = (started_at, get(row, "title").strip())
        exercise = get(row, "exercise_title").strip()
        if not exercise:
            raise InputError(_("the exercise title is empty"), where)
        warmup, tag = _set_type(get(row, "set_type"), where)
        reps = parse_reps_or_zero(get(row, "reps"), where)
        load_kg = load_from(
            parse_number_or_none(get(row, weight_col), "weight", where), weight_unit
        )
        distance = positive_or_none(parse_number_or_none(get(row, distance_col), "distance", where))
        duration = positive_or_none(
            parse_number_or_none(get(row, "duration_seconds"), "duration_seconds", where)
        )
        rir = rir_from_rpe_cell(get(row, "rpe"), where)
        builder.add_session_note(key, started_at, get(row, "description"))
        builder.add_exercise_note(key, started_at, exercise, get(row, "exercise_notes"))
        builder.add_set(
            key,
            started_at,
            exercise,
            line,
            reps=reps,
            load_kg=load_kg,
            rir=rir,
            warmup=warmup,
            duration_s=duration,
            distance_m=distance * metres if distance is not None and metres else None,
            tag=tag,
            where=where,
        )
    if weight_unit is not None:
        data.load_unit = weight_unit.value
    return builder.finish()


def _set_type(text: str, where: str) -> tuple[bool, str]:
    """(warm-up, tag) of a set_type cell: normal, warmup, failure or dropset."""
    set_type = text.strip().casefold()
    if set_type not in _SET_TYPES:
        raise InputError(
            _("unknown set_type '{set_type}' (expected normal, warmup, failure or dropset)").format(
                set_type=set_type
            ),
            where,
        )
    return _SET_TYPES[set_type]


def _unit_column(ix: dict[str, int], options: dict[str, T]) -> tuple[str | None, T | None]:
    for name, unit in options.items():
        if name in ix:
            return name, unit
    return None, None
