"""Rows that hiplog could not have written: found, left out of every reading, repaired on request.

A row edited by hand or by another tool (text in a number column, an infinite load, a set of an
exercise that does not exist) passes SQLite's own checks. Reading such a row would crash a view
or an export and keep a person from the rest of their data, so every reading of sets and
sessions filters with `sound_set()` / `sound_session()`; `find_bad_rows` names each one (table,
row id, column, what is wrong) and `drop_bad_rows` removes them when the person asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, ColumnElement, delete, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql.visitors import InternalTraversal

from hiplog.domain.translation import N_, _
from hiplog.domain.validation import STORED_MAX_NUMBER, STORED_MAX_REPS, STORED_MAX_SET_NUMBER
from hiplog.storage.athlete_scope import ALL_ATHLETES
from hiplog.storage.orm import BodyMeasurementRow, SessionRow, SetRow

# The largest magnitude a number in the log may have (loads, durations, distances, weights):
# the same limit every write is checked against (validation.unstorable).
_BIG = repr(STORED_MAX_NUMBER)
_DATE = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]*'"


def _number(column: str, pg: bool, nullable: bool = True) -> str:
    # PostgreSQL keeps types itself: only the range is left to check (NaN fails `<=` there too).
    kind = "" if pg else f"typeof({column}) IN ('integer', 'real') AND "
    ok = f"{kind}abs({column}) <= {_BIG}"
    return f"({column} IS NULL OR ({ok}))" if nullable else f"({ok})"


def _integer(column: str, low: int, high: int, pg: bool, nullable: bool = False) -> str:
    kind = "" if pg else f"typeof({column}) = 'integer' AND "
    ok = f"{kind}{column} BETWEEN {low} AND {high}"
    return f"({column} IS NULL OR ({ok}))" if nullable else f"({ok})"


def _flag(column: str, pg: bool) -> str:
    return "TRUE" if pg else _integer(column, 0, 1, pg)


def _text(column: str, pg: bool, nullable: bool = False) -> str:
    if pg:
        return "TRUE"
    ok = f"typeof({column}) = 'text'"
    return f"({column} IS NULL OR {ok})" if nullable else f"({ok})"


def _date(column: str, pg: bool) -> str:
    # Within the years a training log holds (validation.FIRST_YEAR to LAST_YEAR): views cannot
    # chart or step through dates such as 0001-01-01 or 9999-12-31.
    in_range = f"{column} >= '1900-01-01' AND {column} < '2101-01-01'"
    if pg:
        return f"({in_range})"
    return f"(typeof({column}) = 'text' AND {column} GLOB {_DATE} AND {in_range})"


@cache
def rules(pg: bool) -> dict[str, list[tuple[str, str, str]]]:
    """table -> [(column, what a bad value is, SQL that is true for a good row)]. On SQLite a
    column may hold any type, so the type is checked too; PostgreSQL enforces the types."""
    return {
        "sets": [
            # EXISTS looks one row up by its key; IN (SELECT ...) would read the whole table
            # for every query.
            (
                "session_id",
                N_("no such session"),
                "EXISTS (SELECT 1 FROM sessions AS s WHERE s.id = sets.session_id)",
            ),
            (
                "exercise_id",
                N_("no such exercise"),
                "EXISTS (SELECT 1 FROM exercises AS e WHERE e.id = sets.exercise_id)",
            ),
            (
                "position",
                N_("not a set number"),
                _integer("sets.position", 1, STORED_MAX_SET_NUMBER, pg),
            ),
            ("reps", N_("not a rep count"), _integer("sets.reps", 0, STORED_MAX_REPS, pg)),
            ("load_kg", N_("not a finite load"), _number("sets.load_kg", pg)),
            ("rir", N_("not 0-10"), _integer("sets.rir", 0, 10, pg, nullable=True)),
            ("warmup", N_("not yes/no"), _flag("sets.warmup", pg)),
            ("flagged", N_("not yes/no"), _flag("sets.flagged", pg)),
            ("side", N_("not L or R"), "(sets.side IS NULL OR sets.side IN ('L', 'R'))"),
            ("band", N_("not text"), _text("sets.band", pg, nullable=True)),
            ("duration_s", N_("not a finite duration"), _number("sets.duration_s", pg)),
            ("distance_m", N_("not a finite distance"), _number("sets.distance_m", pg)),
            ("notes", N_("not text"), _text("sets.notes", pg)),
        ],
        "sessions": [
            ("started_at", N_("not a date and time"), _date("sessions.started_at", pg)),
            ("notes", N_("not text"), _text("sessions.notes", pg)),
            ("bodyweight_kg", N_("not a finite weight"), _number("sessions.bodyweight_kg", pg)),
        ],
        "body_measurements": [
            (
                "measured_at",
                N_("not a date and time"),
                _date("body_measurements.measured_at", pg),
            ),
            (
                "bodyweight_kg",
                N_("not a finite weight"),
                _number("body_measurements.bodyweight_kg", pg),
            ),
            ("hip_cm", N_("not a finite length"), _number("body_measurements.hip_cm", pg)),
            ("thigh_cm", N_("not a finite length"), _number("body_measurements.thigh_cm", pg)),
        ],
    }


def _sound(table: str, pg: bool = False) -> str:
    return " AND ".join(
        f"coalesce({rule}, FALSE)" for _column, _what, rule in rules(pg)[table] if rule != "TRUE"
    )


def _sound_set_sql(pg: bool) -> str:
    session_ok = f"sets.session_id IN (SELECT id FROM sessions WHERE {_sound('sessions', pg)})"
    return f"{_sound('sets', pg)} AND {session_ok}"


class _Sound(ColumnElement[bool]):
    """`_sound(table)` in the SQL of the dialect it is compiled for."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("table", InternalTraversal.dp_string)]  # noqa: RUF012

    def __init__(self, table: str) -> None:
        self.table = table


@compiles(_Sound)
def _compile_sound(element: _Sound, compiler: Any, **_: Any) -> str:
    return f"({_sound(element.table, compiler.dialect.name == 'postgresql')})"


def _is_pg(db: OrmSession) -> bool:
    return db.get_bind().dialect.name == "postgresql"


def sound_set() -> ColumnElement[bool]:
    """True for a `sets` row every reader can use. Its session is checked by the reader, which
    reads the session too (sound_session), or by drop_bad_rows."""
    return _Sound("sets")


def sound_session() -> ColumnElement[bool]:
    """True for a `sessions` row every reader can use."""
    return _Sound("sessions")


def sound_measurement() -> ColumnElement[bool]:
    """True for a `body_measurements` row every reader can use."""
    return _Sound("body_measurements")


@dataclass(frozen=True)
class BadRow:
    """One value hiplog cannot read: where it is and what is wrong with it."""

    table: str
    row_id: int
    column: str
    problem: str

    def describe(self) -> str:
        return _("{table} row {row}, {column}: {problem}").format(
            table=self.table, row=self.row_id, column=self.column, problem=_(self.problem)
        )


def find_bad_rows(db: OrmSession) -> list[BadRow]:
    """Every bad value in the tables hiplog reads, by table and row id."""
    found: list[BadRow] = []
    for table, table_rules in rules(_is_pg(db)).items():
        for column, problem, rule in table_rules:
            query = f"SELECT id FROM {table} WHERE NOT coalesce({rule}, FALSE) ORDER BY id"
            for (row_id,) in db.execute(text(query)):
                found.append(BadRow(table, int(row_id), column, problem))
    found.sort(key=lambda bad: (bad.table, bad.row_id, bad.column))
    return found


def drop_bad_rows(db: OrmSession) -> int:
    """Delete every row with a bad value (a bad session with all its sets), whichever athlete's
    it is, as `find_bad_rows` lists them; returns how many."""
    pg = _is_pg(db)
    statements = (
        # Sets of bad sessions are not sound either: they go first, with the bad sets.
        delete(SetRow).where(text(f"NOT ({_sound_set_sql(pg)})")),
        delete(SessionRow).where(text(f"NOT ({_sound('sessions', pg)})")),
        delete(BodyMeasurementRow).where(text(f"NOT ({_sound('body_measurements', pg)})")),
    )
    count = 0
    for statement in statements:
        result = db.execute(
            statement, execution_options={"synchronize_session": False, ALL_ATHLETES: True}
        )
        count += int(getattr(result, "rowcount", 0))
    return count
