"""Rows that hiplog could not have written: found, left out of every reading, repaired on request.

A row edited by hand or by another tool (text in a number column, an infinite load, a set of an
exercise that does not exist) passes SQLite's own checks. Reading such a row would crash a view
or an export and keep a person from the rest of their data, so every reading of sets and
sessions filters with `sound_set()` / `sound_session()`; `find_bad_rows` names each one (table,
row id, column, what is wrong) and `drop_bad_rows` removes them when the person asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, text
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.validation import STORED_MAX_NUMBER, STORED_MAX_REPS, STORED_MAX_SET_NUMBER
from hiplog.storage.orm import BodyMeasurementRow, SessionRow, SetRow

# The largest magnitude a number in the log may have (loads, durations, distances, weights):
# the same limit every write is checked against (validation.unstorable).
_BIG = repr(STORED_MAX_NUMBER)
_DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]*'"


def _number(column: str, nullable: bool = True) -> str:
    ok = f"typeof({column}) IN ('integer', 'real') AND abs({column}) <= {_BIG}"
    return f"({column} IS NULL OR ({ok}))" if nullable else f"({ok})"


def _integer(column: str, low: int, high: int, nullable: bool = False) -> str:
    ok = f"typeof({column}) = 'integer' AND {column} BETWEEN {low} AND {high}"
    return f"({column} IS NULL OR ({ok}))" if nullable else f"({ok})"


def _text(column: str, nullable: bool = False) -> str:
    ok = f"typeof({column}) = 'text'"
    return f"({column} IS NULL OR {ok})" if nullable else f"({ok})"


def _date(column: str) -> str:
    # Within the years a training log holds (validation.FIRST_YEAR to LAST_YEAR): views cannot
    # chart or step through dates such as 0001-01-01 or 9999-12-31.
    in_range = f"{column} >= '1900-01-01' AND {column} < '2101-01-01'"
    return f"(typeof({column}) = 'text' AND {column} GLOB {_DATE} AND {in_range})"


# table -> [(column, what a bad value is, SQL that is true for a good row)]
RULES: dict[str, list[tuple[str, str, str]]] = {
    "sets": [
        # EXISTS looks one row up by its key; IN (SELECT ...) would read the whole table
        # for every query.
        (
            "session_id",
            "no such session",
            "EXISTS (SELECT 1 FROM sessions AS s WHERE s.id = sets.session_id)",
        ),
        (
            "exercise_id",
            "no such exercise",
            "EXISTS (SELECT 1 FROM exercises AS e WHERE e.id = sets.exercise_id)",
        ),
        ("position", "not a set number", _integer("sets.position", 1, STORED_MAX_SET_NUMBER)),
        ("reps", "not a rep count", _integer("sets.reps", 0, STORED_MAX_REPS)),
        ("load_kg", "not a finite load", _number("sets.load_kg")),
        ("rir", "not 0-10", _integer("sets.rir", 0, 10, nullable=True)),
        ("warmup", "not yes/no", _integer("sets.warmup", 0, 1)),
        ("flagged", "not yes/no", _integer("sets.flagged", 0, 1)),
        ("side", "not L or R", "(sets.side IS NULL OR sets.side IN ('L', 'R'))"),
        ("band", "not text", _text("sets.band", nullable=True)),
        ("duration_s", "not a finite duration", _number("sets.duration_s")),
        ("distance_m", "not a finite distance", _number("sets.distance_m")),
        ("notes", "not text", _text("sets.notes")),
    ],
    "sessions": [
        ("started_at", "not a date and time", _date("sessions.started_at")),
        ("notes", "not text", _text("sessions.notes")),
        ("bodyweight_kg", "not a finite weight", _number("sessions.bodyweight_kg")),
    ],
    "body_measurements": [
        ("measured_at", "not a date and time", _date("body_measurements.measured_at")),
        ("bodyweight_kg", "not a finite weight", _number("body_measurements.bodyweight_kg")),
        ("hip_cm", "not a finite length", _number("body_measurements.hip_cm")),
        ("thigh_cm", "not a finite length", _number("body_measurements.thigh_cm")),
    ],
}


def _sound(table: str) -> str:
    return " AND ".join(f"ifnull({rule}, 0)" for _, _, rule in RULES[table])


def _sound_set_sql() -> str:
    session_ok = f"sets.session_id IN (SELECT id FROM sessions WHERE {_sound('sessions')})"
    return f"{_sound('sets')} AND {session_ok}"


def sound_set() -> ColumnElement[bool]:
    """True for a `sets` row every reader can use. Its session is checked by the reader, which
    reads the session too (sound_session), or by drop_bad_rows."""
    return and_(text(_sound("sets")))


def sound_session() -> ColumnElement[bool]:
    """True for a `sessions` row every reader can use."""
    return and_(text(_sound("sessions")))


def sound_measurement() -> ColumnElement[bool]:
    """True for a `body_measurements` row every reader can use."""
    return and_(text(_sound("body_measurements")))


@dataclass(frozen=True)
class BadRow:
    """One value hiplog cannot read: where it is and what is wrong with it."""

    table: str
    row_id: int
    column: str
    problem: str

    def describe(self) -> str:
        return f"{self.table} row {self.row_id}, {self.column}: {self.problem}"


def find_bad_rows(db: OrmSession) -> list[BadRow]:
    """Every bad value in the tables hiplog reads, by table and row id."""
    found: list[BadRow] = []
    for table, rules in RULES.items():
        for column, problem, rule in rules:
            query = f"SELECT id FROM {table} WHERE NOT ifnull({rule}, 0) ORDER BY id"
            for (row_id,) in db.execute(text(query)):
                found.append(BadRow(table, int(row_id), column, problem))
    found.sort(key=lambda bad: (bad.table, bad.row_id, bad.column))
    return found


def drop_bad_rows(db: OrmSession) -> int:
    """Delete every row with a bad value (a bad session with all its sets); returns how many."""
    statements = (
        # Sets of bad sessions are not sound either: they go first, with the bad sets.
        delete(SetRow).where(text(f"NOT ({_sound_set_sql()})")),
        delete(SessionRow).where(text(f"NOT ({_sound('sessions')})")),
        delete(BodyMeasurementRow).where(text(f"NOT ({_sound('body_measurements')})")),
    )
    count = 0
    for statement in statements:
        result = db.execute(statement, execution_options={"synchronize_session": False})
        count += int(getattr(result, "rowcount", 0))
    return count
