"""Read a FitNotes backup (`.fitnotes`): the app's own SQLite database, opened read-only.

Tables used (schema versions 14 to 22; version 14 has no distance or duration columns):
- `training_log`: one row per set: exercise_id, date (`YYYY-MM-DD`), metric_weight (always kg,
  whatever unit the app showed), reps, and from later versions distance, duration_seconds and
  `unit`, which for a distance says what it is in.
- `exercise`: names. `Comment` rows with owner_type_id 1 are notes on one set (owner_id is the
  training_log _id). `WorkoutComment` is a note on a date's workout. `BodyWeight` is the
  bodyweight log.

As with the FitNotes CSV, all sets of one date form one session starting at 00:00. Comments on a
set that was since deleted go to the session of their date; a comment (or workout comment) on a
date with no sets at all has nothing to attach to and is left out. A database has no lines:
flagged sets are reported with line 0 and a reason that starts with their training_log row id.

The distance unit codes are not documented; they are inferred from real backups: 2 holds metres
(rowing 1625, bike 16080 in an hour), 3 kilometres (runs of 1.8 in 9 minutes), 4 feet (rope pulls
of 200-423); 0 and 1 never carry a distance there and are read as metres, 5 as miles.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.builder import ImportBuilder
from hiplog.domain.importers.cell_values import date_in_formats, positive_or_none
from hiplog.domain.models import BodyweightEntry, ImportedData
from hiplog.domain.translation import _
from hiplog.domain.validation import BODYWEIGHT_KG_RANGE, check_training_date

SQLITE_MAGIC = b"SQLite format 3\x00"
_METRES_PER_UNIT = {0: 1.0, 1: 1.0, 2: 1.0, 3: 1000.0, 4: 0.3048, 5: 1609.344}
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S")


def _parse_datetime(value: Any, what: str, where: str) -> datetime:
    text = str(value).strip() if value is not None else ""
    parsed = date_in_formats(text, _DATE_FORMATS)
    if parsed is None:
        raise InputError(
            _("{what} '{text}' is not a valid date").format(what=what, text=text), where
        )
    return check_training_date(parsed, where)


def _number_or_zero(value: Any, what: str, where: str) -> float:
    """A stored number; NULL or an empty cell is 0 (FitNotes stores "not used" that way)."""
    if value is None or value == "":
        return 0.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(
            _("{what} '{value}' is not a number").format(what=what, value=value), where
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise InputError(
            _("{what} '{value}' is not a number").format(what=what, value=value), where
        )
    return number


def _as_int(value: Any) -> int | None:
    """An integer id, or None for anything else (a damaged row)."""
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')}


def read_fitnotes_backup(path: Path, source: str, catalog: Catalog) -> ImportedData:
    """Read a whole FitNotes backup; raise InputError (nothing returned) when it is unusable."""
    try:
        with path.open("rb") as f:
            magic = f.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise InputError(
            _("cannot open the file: {value}").format(value=err.strerror or err), source
        ) from None
    if magic != SQLITE_MAGIC:
        raise InputError(_("not a FitNotes backup (not an SQLite database)"), source)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as err:
        raise InputError(
            _("cannot open this FitNotes backup: {err}").format(err=err), source
        ) from None
    try:
        return _read(conn, source, catalog)
    except sqlite3.Error as err:
        raise InputError(
            _("cannot read this FitNotes backup: {err}").format(err=err), source
        ) from None
    except UnicodeDecodeError:
        message = _("this FitNotes backup holds text that is not UTF-8 (damaged?)")
        raise InputError(message, source) from None
    finally:
        conn.close()


def _note_on_day(builder: ImportBuilder, date: Any, text: Any, where: str) -> None:
    """A note on a date goes to that date's session; a date with no sets has none to take it."""
    day = _parse_datetime(date, "date", where).date()
    note = "" if text is None else str(text).strip()
    if note and builder.has_session(day):
        builder.add_session_note(day, datetime(day.year, day.month, day.day), note)


def _read(conn: sqlite3.Connection, source: str, catalog: Catalog) -> ImportedData:
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    log_columns = _check_tables(conn, tables, source)
    builder = ImportBuilder(catalog, "fitnotes-backup")
    where_set = _read_training_log(conn, builder, log_columns, source)
    _read_notes(conn, builder, tables, where_set, source)
    if "BodyWeight" in tables:
        _read_bodyweights(conn, builder, source)
    return builder.finish()


def _check_tables(conn: sqlite3.Connection, tables: set[str], source: str) -> set[str]:
    """The training_log's columns, after checking the tables and columns a set needs."""
    for needed in ("training_log", "exercise"):
        if needed not in tables:
            raise InputError(
                _("not a FitNotes backup: it has no {needed} table").format(needed=needed), source
            )
    log_columns = _columns(conn, "training_log")
    missing = {"_id", "exercise_id", "date", "metric_weight", "reps"} - log_columns
    if missing:
        raise InputError(
            "not a FitNotes backup: training_log lacks " + ", ".join(sorted(missing)), source
        )
    return log_columns


def _read_training_log(
    conn: sqlite3.Connection, builder: ImportBuilder, log_columns: set[str], source: str
) -> dict[int, tuple[object, int]]:
    """Every training_log row as a set; returns where each row's set went: _id -> (session key,
    index), for the comments on sets."""
    extras = [c if c in log_columns else f"0 AS {c}" for c in ("distance", "duration_seconds")]
    unit = "unit" if "unit" in log_columns else "0 AS unit"
    names: dict[int, str] = {}
    for exercise_id, name in conn.execute("SELECT _id, name FROM exercise"):
        if _as_int(exercise_id) is not None:
            names[int(exercise_id)] = str(name)
    where_set: dict[int, tuple[object, int]] = {}
    query = (
        f"SELECT _id, exercise_id, date, metric_weight, reps, {unit}, {', '.join(extras)} "
        "FROM training_log ORDER BY date, _id"
    )
    for row in conn.execute(query):
        raw_id, exercise_id = row[0], row[1]
        where = f"{source} training_log row {raw_id}"
        row_id = _as_int(raw_id)
        if row_id is None:
            raise InputError(_("this row has no id (damaged backup?)"), where)
        builder.data.rows_read += 1
        name = names.get(_as_int(exercise_id) or 0, f"FitNotes exercise {exercise_id}")
        key = _add_log_row(builder, row, name, where, row_id)
        where_set[row_id] = (key, builder.set_count(key) - 1)
    return where_set


def _add_log_row(
    builder: ImportBuilder, row: tuple[Any, ...], name: str, where: str, row_id: int
) -> object:
    """One training_log row as a set of the day's session; returns the session key."""
    _row_id, _exercise_id, date, weight, reps, unit_code, distance, duration = row
    started_at = _parse_datetime(date, "date", where).replace(hour=0, minute=0, second=0)
    started_at = started_at.replace(microsecond=0)
    key = started_at.date()
    reps_value = _number_or_zero(reps, "reps", where)
    if reps_value != int(reps_value):
        raise InputError(_("reps '{reps}' is not a whole number").format(reps=reps), where)
    distance_value = positive_or_none(_number_or_zero(distance, "distance", where))
    distance_m = None
    if distance_value is not None:
        code = _as_int(unit_code)
        if code is None or code not in _METRES_PER_UNIT:
            raise InputError(
                _("unknown distance unit code {unit_code}").format(unit_code=unit_code), where
            )
        distance_m = distance_value * _METRES_PER_UNIT[code]
    builder.add_set(
        key,
        started_at,
        name,
        0,
        reps=int(reps_value),
        load_kg=positive_or_none(_number_or_zero(weight, "metric_weight", where)),
        duration_s=positive_or_none(_number_or_zero(duration, "duration_seconds", where)),
        distance_m=distance_m,
        label=f"training_log row {row_id}",
        where=where,
    )
    return key


def _read_notes(
    conn: sqlite3.Connection,
    builder: ImportBuilder,
    tables: set[str],
    where_set: dict[int, tuple[object, int]],
    source: str,
) -> None:
    """Comments on sets go to their set (else to the day's session); workout comments to the
    day's session."""
    data = builder.data
    if "Comment" in tables:
        comments = conn.execute(
            "SELECT _id, date, owner_id, comment FROM Comment WHERE owner_type_id = 1 ORDER BY _id"
        )
        for comment_id, date, owner_id, text in comments:
            data.note_rows += 1
            target = where_set.get(_as_int(owner_id) or 0)
            if target is not None:
                builder.add_set_note(target[0], target[1], str(text or ""))
                continue
            _note_on_day(builder, date, text, f"{source} Comment row {comment_id}")
    if "WorkoutComment" in tables:
        for comment_id, date, text in conn.execute(
            "SELECT _id, date, comment FROM WorkoutComment ORDER BY date, _id"
        ):
            data.note_rows += 1
            _note_on_day(builder, date, text, f"{source} WorkoutComment row {comment_id}")


def _read_bodyweights(conn: sqlite3.Connection, builder: ImportBuilder, source: str) -> None:
    """Bodyweight entries, each also the bodyweight of a session on its day."""
    for entry_id, date, kg in conn.execute(
        "SELECT _id, date, body_weight_metric FROM BodyWeight ORDER BY date, _id"
    ):
        where = f"{source} BodyWeight row {entry_id}"
        measured_at = _parse_datetime(date, "date", where)
        entry = BodyweightEntry(measured_at, _number_or_zero(kg, "body_weight_metric", where))
        low, high = BODYWEIGHT_KG_RANGE
        if not low <= entry.kg <= high:  # 0 is FitNotes' "none"; nobody weighs 5 or 900 kg
            builder.data.impossible_bodyweights += 1
            continue
        builder.data.bodyweights.append(entry)
        if builder.has_session(measured_at.date()):
            builder.set_bodyweight(measured_at.date(), entry.kg)
