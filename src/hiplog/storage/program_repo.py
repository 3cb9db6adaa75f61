"""Programs, the runs of following one, and day picks: rows in, domain dataclasses out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.programs import (
    DayPick,
    Program,
    ProgramDay,
    ProgramEntry,
    ProgramRun,
    SessionExercises,
)
from hiplog.storage.orm import (
    DayPickRow,
    ExerciseRow,
    ProgramDayRow,
    ProgramEntryRow,
    ProgramRow,
    ProgramRunRow,
    SessionRow,
    SetRow,
)


def _program(row: ProgramRow) -> Program:
    return Program(
        row.name,
        tuple(
            ProgramDay(
                d.name,
                tuple(
                    ProgramEntry(
                        e.exercise_slug, e.ladder_slug, e.sets, (e.rep_lo, e.rep_hi), e.warmup
                    )
                    for e in d.entries
                ),
            )
            for d in row.days
        ),
    )


def _day_rows(program: Program) -> list[ProgramDayRow]:
    return [
        ProgramDayRow(
            position=d,
            name=day.name,
            entries=[
                ProgramEntryRow(
                    position=i,
                    exercise_slug=e.exercise,
                    ladder_slug=e.ladder,
                    sets=e.sets,
                    rep_lo=e.rep_range[0],
                    rep_hi=e.rep_range[1],
                    warmup=e.warmup,
                )
                for i, e in enumerate(day.entries)
            ],
        )
        for d, day in enumerate(program.days)
    ]


def _row(db: OrmSession, name: str) -> ProgramRow | None:
    return db.scalar(select(ProgramRow).where(ProgramRow.name == name))


def list_programs(db: OrmSession) -> list[Program]:
    rows = db.scalars(select(ProgramRow).order_by(ProgramRow.position, ProgramRow.id))
    return [_program(r) for r in rows]


def get_program(db: OrmSession, name: str) -> Program | None:
    row = _row(db, name)
    return None if row is None else _program(row)


def save_program(db: OrmSession, program: Program, replacing: str | None = None) -> None:
    """Insert `program`, or replace the program called `replacing` (its runs stay with it)."""
    row = _row(db, replacing) if replacing is not None else None
    if row is None:
        last = db.scalar(select(func.max(ProgramRow.position))) or 0
        row = ProgramRow(name=program.name, position=last + 1)
        db.add(row)
    else:
        row.name = program.name
        row.days.clear()
        db.flush()  # the old days go before the new ones take their positions
    row.days = _day_rows(program)
    db.flush()


def delete_program(db: OrmSession, name: str) -> None:
    row = _row(db, name)
    if row is not None:
        db.delete(row)
        db.flush()


def _run(row: ProgramRunRow, name: str) -> ProgramRun:
    return ProgramRun(
        name,
        row.started_at,
        row.ended_at,
        tuple(DayPick(p.picked_at, p.day) for p in row.picks),
    )


def runs(db: OrmSession) -> list[ProgramRun]:
    """Every run, oldest first."""
    query = (
        select(ProgramRunRow, ProgramRow.name)
        .join(ProgramRow, ProgramRow.id == ProgramRunRow.program_id)
        .order_by(ProgramRunRow.started_at, ProgramRunRow.id)
    )
    return [_run(row, name) for row, name in db.execute(query)]


def active_run(db: OrmSession) -> ProgramRun | None:
    query = (
        select(ProgramRunRow, ProgramRow.name)
        .join(ProgramRow, ProgramRow.id == ProgramRunRow.program_id)
        .where(ProgramRunRow.ended_at.is_(None))
        .order_by(ProgramRunRow.started_at.desc())
        .limit(1)
    )
    found = db.execute(query).first()
    return None if found is None else _run(found[0], found[1])


def end_runs(db: OrmSession, at: datetime) -> None:
    for row in db.scalars(select(ProgramRunRow).where(ProgramRunRow.ended_at.is_(None))):
        row.ended_at = at
    db.flush()


def start_run(db: OrmSession, name: str, at: datetime) -> None:
    """End the active run and follow `name` from `at` (it must exist)."""
    row = _row(db, name)
    if row is None:
        raise KeyError(name)
    end_runs(db, at)
    db.add(ProgramRunRow(program_id=row.id, started_at=at))
    db.flush()


def add_pick(db: OrmSession, at: datetime, day: int) -> None:
    """Record the day picked for today on the active run (nothing without one)."""
    row = db.scalar(select(ProgramRunRow).where(ProgramRunRow.ended_at.is_(None)))
    if row is not None:
        row.picks.append(DayPickRow(picked_at=at, day=day))
        db.flush()


def replace_all(
    db: OrmSession, programs: Sequence[Program], all_runs: Sequence[ProgramRun]
) -> None:
    """Replace every program and run (a restore of the JSON backup)."""
    db.execute(delete(DayPickRow))
    db.execute(delete(ProgramRunRow))
    db.execute(delete(ProgramEntryRow))
    db.execute(delete(ProgramDayRow))
    db.execute(delete(ProgramRow))
    db.flush()
    ids: dict[str, int] = {}
    for p, program in enumerate(programs, start=1):
        row = ProgramRow(name=program.name, position=p, days=_day_rows(program))
        db.add(row)
        db.flush()
        ids[program.name] = row.id
    for run in all_runs:
        if run.program not in ids:
            continue
        db.add(
            ProgramRunRow(
                program_id=ids[run.program],
                started_at=run.started_at,
                ended_at=run.ended_at,
                picks=[DayPickRow(picked_at=k.picked_at, day=k.day) for k in run.picks],
            )
        )
    db.flush()


def session_exercises(
    db: OrmSession, start: datetime, end: datetime | None
) -> list[SessionExercises]:
    """Each session in [start, end) with the slugs of its working sets: one query, no set rows."""
    query = (
        select(SessionRow.id, SessionRow.started_at, ExerciseRow.slug)
        .join(SetRow, SetRow.session_id == SessionRow.id)
        .join(ExerciseRow, ExerciseRow.id == SetRow.exercise_id)
        .where(SessionRow.started_at >= start, SetRow.warmup.is_(False))
        .distinct()
    )
    if end is not None:
        query = query.where(SessionRow.started_at < end)
    found: dict[int, tuple[datetime, set[str]]] = {}
    for sid, started, slug in db.execute(query):
        found.setdefault(sid, (started, set()))[1].add(slug)
    return [
        SessionExercises(sid, started, frozenset(slugs))
        for sid, (started, slugs) in sorted(found.items(), key=lambda kv: (kv[1][0], kv[0]))
    ]


def merge(db: OrmSession, programs: Sequence[Program], all_runs: Sequence[ProgramRun]) -> None:
    """Add imported programs. Into a database without programs they come exactly as they were,
    runs included (a restore); otherwise only programs under names not yet taken are added, and
    which program is followed stays as it is."""
    if db.scalar(select(func.count(ProgramRow.id))) == 0:
        replace_all(db, programs, all_runs)
        return
    for program in programs:
        if _row(db, program.name) is None:
            save_program(db, program)


def undo_start(db: OrmSession, started_at: datetime, previous: ProgramRun | None) -> None:
    """Take back a `start_run` at `started_at`: its run goes, the run it ended goes on."""
    db.execute(
        delete(ProgramRunRow).where(
            ProgramRunRow.started_at == started_at, ProgramRunRow.ended_at.is_(None)
        )
    )
    if previous is not None and previous.ended_at is None:
        row = _row(db, previous.program)
        if row is not None:
            for run in db.scalars(
                select(ProgramRunRow).where(
                    ProgramRunRow.program_id == row.id,
                    ProgramRunRow.started_at == previous.started_at,
                )
            ):
                run.ended_at = None
    db.flush()


def runs_of(db: OrmSession, name: str) -> list[ProgramRun]:
    return [run for run in runs(db) if run.program == name]


def add_runs(db: OrmSession, all_runs: Sequence[ProgramRun]) -> None:
    """Put runs back (after their program was deleted and restored), picks included."""
    for run in all_runs:
        row = _row(db, run.program)
        if row is None:
            continue
        db.add(
            ProgramRunRow(
                program_id=row.id,
                started_at=run.started_at,
                ended_at=run.ended_at,
                picks=[DayPickRow(picked_at=k.picked_at, day=k.day) for k in run.picks],
            )
        )
    db.flush()
