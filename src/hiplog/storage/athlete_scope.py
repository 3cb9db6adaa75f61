"""Every ORM statement sees one athlete's rows, and every new row is theirs.

A database may hold several athletes (revision 0006). Rather than every query of every repo
naming the athlete (and one forgotten WHERE mixing two people's training), an ORM session made
by `Database` carries the open athlete's id in `info`, and two SQLAlchemy session events do the
rest: `do_orm_execute` adds the athlete's criteria to each SELECT, UPDATE and DELETE on a
per-person table (wherever it appears: joins and subqueries too), and `before_flush` stamps the
athlete on each new row. Core statements on a bare connection (the bulk import, the bad-row
check, the migrations) name the athlete themselves or deliberately cover the whole file.

A statement that must see every athlete (the list of athletes, whether an exercise is still
used by anyone) runs with `.execution_options(all_athletes=True)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from hiplog.storage.orm import (
    BodyMeasurementRow,
    DayPickRow,
    ExerciseNoteRow,
    ImportRecord,
    ProgramDayRow,
    ProgramEntryRow,
    ProgramRow,
    ProgramRunRow,
    SessionRow,
    SetRow,
    SettingRow,
)

ATHLETE_KEY = "athlete_id"
ALL_ATHLETES = "all_athletes"

# Rows with an athlete_id of their own: new ones get the open athlete's.
_OWNED: tuple[type[Any], ...] = (
    SessionRow,
    BodyMeasurementRow,
    SettingRow,
    ImportRecord,
    ProgramRow,
    ExerciseNoteRow,
)


@cache
def _criteria(athlete: int) -> tuple[Any, ...]:
    """The loader criteria that keep a statement to `athlete`: on the owned tables directly,
    on their children through their parent. Plain expressions, not lambdas: the athlete's id is
    then a bound parameter of each statement, never a value cached with its compiled form.
    Built once per athlete (a few ms each time otherwise)."""
    own = [with_loader_criteria(row, row.athlete_id == athlete) for row in _OWNED]
    sessions = select(SessionRow.id).where(SessionRow.athlete_id == athlete)
    programs = select(ProgramRow.id).where(ProgramRow.athlete_id == athlete)
    days = select(ProgramDayRow.id).where(ProgramDayRow.program_id.in_(programs))
    runs = select(ProgramRunRow.id).where(ProgramRunRow.program_id.in_(programs))
    return (
        *own,
        with_loader_criteria(SetRow, SetRow.session_id.in_(sessions)),
        with_loader_criteria(ProgramDayRow, ProgramDayRow.program_id.in_(programs)),
        with_loader_criteria(ProgramRunRow, ProgramRunRow.program_id.in_(programs)),
        with_loader_criteria(ProgramEntryRow, ProgramEntryRow.day_id.in_(days)),
        with_loader_criteria(DayPickRow, DayPickRow.run_id.in_(runs)),
    )


@event.listens_for(Session, "do_orm_execute")
def _keep_to_the_athlete(state: ORMExecuteState) -> None:
    athlete = state.session.info.get(ATHLETE_KEY)
    if athlete is None or state.execution_options.get(ALL_ATHLETES, False):
        return
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.is_column_load or state.is_relationship_load:
        return  # the parent row was loaded under the criteria already
    state.statement = state.statement.options(*_criteria(int(athlete)))


@event.listens_for(Session, "before_flush")
def _stamp_new_rows(session: Session, _context: Any, _instances: Any) -> None:
    athlete = session.info.get(ATHLETE_KEY)
    if athlete is None:
        return
    for row in session.new:
        if isinstance(row, _OWNED) and getattr(row, "athlete_id", None) is None:
            row.athlete_id = int(athlete)


@contextmanager
def working_for(session: Session, athlete: int) -> Iterator[None]:
    """Let the statements of this block, in the same transaction, work for `athlete` (an
    export or import of every athlete)."""
    before = session.info.get(ATHLETE_KEY)
    session.flush()
    session.info[ATHLETE_KEY] = athlete
    try:
        yield
    finally:
        session.flush()
        session.info[ATHLETE_KEY] = before
