"""Programs: the starters shipped with hiplog, the person's own programs, which one is followed
and which day each session was. Each change is one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from hiplog.domain.errors import InputError
from hiplog.domain.programs import (
    Program,
    ProgramRun,
    check_program,
    days_done,
    next_day,
    program_from_dict,
)
from hiplog.domain.translation import _
from hiplog.domain.wording import date_text
from hiplog.resources import resource_path
from hiplog.services import history
from hiplog.services.context import AppContext
from hiplog.storage import program_repo


@dataclass(frozen=True)
class Starter:
    program: Program
    about: str


@cache
def starters() -> tuple[Starter, ...]:
    """The starter programs in resources/programs.json, in file order."""
    data = json.loads(resource_path("programs.json").read_text("utf-8"))
    return tuple(
        Starter(program_from_dict(item, "programs.json", starter=True), str(item.get("about", "")))
        for item in data
    )


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def own_programs(ctx: AppContext) -> list[Program]:
    with ctx.db.reader() as tx:
        return program_repo.list_programs(tx)


def list_programs(ctx: AppContext) -> list[Program]:
    """The person's programs, then the starters (a starter also shown under the same name as
    one of theirs is left out: theirs is the one that name means)."""
    own = own_programs(ctx)
    taken = {p.name.casefold() for p in own}
    return own + [s.program for s in starters() if s.program.name.casefold() not in taken]


def find_program(ctx: AppContext, name: str) -> Program:
    """The program called `name` (case-insensitive): the person's own first, else a starter."""
    for program in list_programs(ctx):
        if program.name.casefold() == " ".join(name.split()).casefold():
            return program
    known = ", ".join(f"'{p.name}'" for p in list_programs(ctx))
    raise InputError(
        _("no program called '{name}' (there are {known})").format(name=name, known=known), "NAME"
    )


def active_run(ctx: AppContext) -> ProgramRun | None:
    with ctx.db.reader() as tx:
        return program_repo.active_run(tx)


def active_program(ctx: AppContext) -> tuple[Program, ProgramRun] | None:
    with ctx.db.reader() as tx:
        run = program_repo.active_run(tx)
        program = None if run is None else program_repo.get_program(tx, run.program)
    return None if run is None or program is None else (program, run)


def _checked(ctx: AppContext, program: Program) -> Program:
    catalog = ctx.catalog()
    return check_program(replace(program, starter=False), lambda slug: slug in catalog)


def save_program(ctx: AppContext, program: Program, replacing: str | None = None) -> Program:
    """Store the person's program (new, or in place of the one called `replacing`)."""
    checked = _checked(ctx, program)
    with ctx.db.transaction() as tx:
        clash = program_repo.get_program(tx, checked.name)
        if clash is not None and (replacing is None or replacing != checked.name):
            raise InputError(
                _("there is already a program called '{name}'").format(name=checked.name)
            )
        program_repo.save_program(tx, checked, replacing)
    return checked


def delete_program(ctx: AppContext, name: str) -> list[ProgramRun]:
    """Delete the person's program `name`; returns its runs (they go with it) for an undo."""
    with ctx.db.transaction() as tx:
        gone = program_repo.runs_of(tx, name)
        program_repo.delete_program(tx, name)
    return gone


def restore_program(ctx: AppContext, program: Program, runs: list[ProgramRun]) -> None:
    """Put back a deleted program with the runs it had, in one transaction."""
    checked = _checked(ctx, program)
    with ctx.db.transaction() as tx:
        program_repo.save_program(tx, checked)
        program_repo.add_runs(tx, runs)


def free_name(ctx: AppContext, base: str) -> str:
    """`base`, or 'base (2)', 'base (3)'... whichever no program of the person's has."""
    taken = {p.name.casefold() for p in own_programs(ctx)}
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base} ({n})"
    return name


def use_program(ctx: AppContext, name: str | None, at: datetime | None = None) -> Program | None:
    """Follow `name` from its first day (a starter is copied under its own name first), or
    nothing (None). Returns the program followed."""
    when = at or _now()
    if name is None:
        with ctx.db.transaction() as tx:
            program_repo.end_runs(tx, when)
        return None
    program = find_program(ctx, name)
    if not program.days:
        raise InputError(
            _("program '{name}' has no days yet: add one first").format(name=program.name), "NAME"
        )
    with ctx.db.transaction() as tx:
        if program.starter:
            program = _checked(ctx, program)
            program_repo.save_program(tx, program)
        program_repo.start_run(tx, program.name, when)
    return program


def pick_day(ctx: AppContext, day: int, at: datetime | None = None) -> None:
    """Do day `day` (0-based) of the followed program today instead of the rotation's day."""
    with ctx.db.transaction() as tx:
        program_repo.add_pick(tx, at or _now(), day)


def today(ctx: AppContext, as_of: datetime) -> tuple[Program, ProgramRun, int] | None:
    """The followed program, its run and the day (0-based) due at `as_of`; None when no program
    is followed or it has no days."""
    found = active_program(ctx)
    if found is None or not found[0].days:
        return None
    program, run = found
    lookup = ctx.catalog().get
    with ctx.db.reader() as tx:
        sessions = program_repo.session_exercises(
            tx, run.started_at - timedelta(hours=3), as_of + timedelta(seconds=1)
        )
    day, _next_index = next_day(program, run, sessions, lookup, as_of)
    return program, run, day


def session_day_names(ctx: AppContext) -> dict[int, tuple[str, str]]:
    """Session id -> (day name, program name) for every session done while following one."""
    lookup = ctx.catalog().get
    with ctx.db.reader() as tx:
        all_runs = program_repo.runs(tx)
        programs = {p.name: p for p in program_repo.list_programs(tx)}
        if not all_runs:
            return {}
        sessions = program_repo.session_exercises(tx, all_runs[0].started_at, None)
    marks: dict[int, tuple[str, str]] = {}
    for run in all_runs:
        program = programs.get(run.program)
        if program is None:
            continue
        for session, day in days_done(program, run, sessions, lookup):
            marks[session.session_id] = (program.days[day].name, program.name)
    return marks


def session_days(ctx: AppContext) -> dict[int, str]:
    """Session id -> 'Day A of NAME' for every session done while following a program."""
    return {sid: f"{day} of {name}" for sid, (day, name) in session_day_names(ctx).items()}


def all_runs(ctx: AppContext) -> list[ProgramRun]:
    with ctx.db.reader() as tx:
        return program_repo.runs(tx)


def undo_use(ctx: AppContext, at: datetime, previous: ProgramRun | None) -> None:
    """Take back `use_program(..., at=at)`: follow what was followed before, as before."""
    with ctx.db.transaction() as tx:
        program_repo.undo_start(tx, at, previous)


#: What a day of the adherence calendar holds.
REST, SESSION, PROGRAM_DAY = 0, 1, 2


@dataclass(frozen=True)
class AdherenceDay:
    mark: int  # REST, SESSION or PROGRAM_DAY
    text: str  # what the day's square says when pointed at


def adherence(ctx: AppContext, last: date, days: int = 371) -> dict[date, AdherenceDay]:
    """The days from `days` before `last` to `last` that hold a session: a program day (the
    session was the program's day) or another session."""
    first = last - timedelta(days=days - 1)
    trained = history.training_days(ctx, first, last)
    marks = session_days(ctx)
    out: dict[date, AdherenceDay] = {}
    for day, ids in trained.items():
        named = [marks[i] for i in ids if i in marks]
        count = f"{len(ids)} session{'s' if len(ids) != 1 else ''}"
        if named:
            out[day] = AdherenceDay(PROGRAM_DAY, f"{date_text(day)}: {', '.join(named)}")
        else:
            out[day] = AdherenceDay(
                SESSION,
                _("{value}: {count}, no program day").format(value=date_text(day), count=count),
            )
    return out
