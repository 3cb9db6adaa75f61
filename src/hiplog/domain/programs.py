"""Programs: ordered days of ordered entries, and which day comes next.

An entry names an exercise, or a ladder (its first rung: "the bridge ladder" is
``glute-bridge``), with the sets and rep range the program asks for and a warm-up flag. The next
day is the one after the last day done: every session since the person started following the
program that holds one of its exercises advances the rotation by one day, whatever the weekday.
A session with none of them does not. A day the person picked for today counts instead of the
rotation for the next program session. Pure: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.domain.translation import _

#: A pick made in the Plan applies to a session that started up to this long before it too
#: (the Log joins a session that started in the last three hours).
PICK_REACH = timedelta(hours=3)
MAX_SETS = 10
MAX_REPS = 100
MAX_NAME = 80

SlugLookup = Callable[[str], Exercise | None]


@dataclass(frozen=True)
class ProgramEntry:
    """One line of a day: an exercise or a ladder, with its sets and rep range."""

    exercise: str | None
    ladder: str | None
    sets: int
    rep_range: tuple[int, int]
    warmup: bool = False

    @property
    def slug(self) -> str:
        """The exercise, or the ladder's first rung."""
        return self.exercise or self.ladder or ""


@dataclass(frozen=True)
class ProgramDay:
    name: str
    entries: tuple[ProgramEntry, ...] = ()


@dataclass(frozen=True)
class Program:
    name: str
    days: tuple[ProgramDay, ...] = ()
    starter: bool = False  # a template shipped with hiplog; using it makes the person's copy


@dataclass(frozen=True)
class DayPick:
    """The person chose day `day` (0-based) for the session at `picked_at`."""

    picked_at: datetime
    day: int


@dataclass(frozen=True)
class ProgramRun:
    """A stretch of following one program, from `started_at` until `ended_at` (None: now)."""

    program: str
    started_at: datetime
    ended_at: datetime | None = None
    picks: tuple[DayPick, ...] = ()

    def covers(self, when: datetime) -> bool:
        return when >= self.started_at and (self.ended_at is None or when < self.ended_at)


@dataclass(frozen=True)
class SessionExercises:
    """What the rotation needs of a session: when it started and which exercises it holds."""

    session_id: int
    started_at: datetime
    exercises: frozenset[str] = field(default_factory=frozenset)


# --- ladders and slugs ------------------------------------------------------------------------


def ladder_rungs(first: str, lookup: SlugLookup) -> tuple[str, ...]:
    """The ladder from `first` upwards, following each exercise's successor."""
    rungs = [first]
    ex = lookup(first)
    while ex is not None and ex.successor and ex.successor not in rungs:
        rungs.append(ex.successor)
        ex = lookup(ex.successor)
    return tuple(rungs)


def entry_slugs(entry: ProgramEntry, lookup: SlugLookup) -> tuple[str, ...]:
    """Every exercise an entry may ask for: itself, or each rung of its ladder."""
    if entry.ladder is not None:
        return ladder_rungs(entry.ladder, lookup)
    return (entry.slug,)


def program_slugs(program: Program, lookup: SlugLookup) -> frozenset[str]:
    return frozenset(
        slug for day in program.days for entry in day.entries for slug in entry_slugs(entry, lookup)
    )


def current_rung(entry: ProgramEntry, trained: Iterable[str], lookup: SlugLookup) -> str:
    """The rung the person is on: the highest rung of the ladder they have trained, else its
    first. For an exercise entry, the exercise."""
    rungs = entry_slugs(entry, lookup)
    done = set(trained)
    for slug in reversed(rungs):
        if slug in done:
            return slug
    return rungs[0]


# --- rotation ---------------------------------------------------------------------------------


def _pick_for(session: SessionExercises, after: datetime, picks: Sequence[DayPick]) -> int | None:
    """The day of the latest pick made after `after` that reaches this session (made before it
    started, or up to PICK_REACH after, while it was going on)."""
    reaching = [p for p in picks if after < p.picked_at <= session.started_at + PICK_REACH]
    if not reaching:
        return None
    return max(reaching, key=lambda p: p.picked_at).day


def days_done(
    program: Program,
    run: ProgramRun,
    sessions: Sequence[SessionExercises],
    lookup: SlugLookup,
) -> list[tuple[SessionExercises, int]]:
    """Each program session of the run with the day (0-based) it was, oldest first."""
    n = len(program.days)
    if n == 0:
        return []
    slugs = program_slugs(program, lookup)
    done: list[tuple[SessionExercises, int]] = []
    previous = run.started_at - PICK_REACH
    expected = 0
    for s in sorted(sessions, key=lambda s: (s.started_at, s.session_id)):
        if not run.covers(s.started_at) or not (s.exercises & slugs):
            continue
        picked = _pick_for(s, previous, run.picks)
        day = picked % n if picked is not None else expected
        done.append((s, day))
        expected = (day + 1) % n
        previous = s.started_at + PICK_REACH
    return done


def next_day(
    program: Program,
    run: ProgramRun,
    sessions: Sequence[SessionExercises],
    lookup: SlugLookup,
    as_of: datetime,
) -> tuple[int, int]:
    """(today's day, the day after it), 0-based: the day after the last one done, or the day the
    person picked since their last program session."""
    n = len(program.days)
    if n == 0:
        raise InputError(_("program '{name}' has no days").format(name=program.name))
    past = [s for s in sessions if s.started_at <= as_of]
    done = days_done(program, run, past, lookup)
    today = (done[-1][1] + 1) % n if done else 0
    since = done[-1][0].started_at + PICK_REACH if done else run.started_at - PICK_REACH
    for pick in sorted(run.picks, key=lambda p: p.picked_at):
        if since < pick.picked_at <= as_of:
            today = pick.day % n
    return today, (today + 1) % n


# --- checking and JSON ------------------------------------------------------------------------


def check_name(name: str, what: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise InputError(_("{what} needs a name").format(what=what))
    if len(text) > MAX_NAME:
        raise InputError(
            _("{what} name '{value}...' is longer than {MAX_NAME} characters").format(
                what=what, value=text[:20], MAX_NAME=MAX_NAME
            )
        )
    return text


def check_entry(entry: ProgramEntry, where: str, known: Callable[[str], bool]) -> None:
    """Raise InputError naming `where` when the entry is not something a person can do."""
    if (entry.exercise is None) == (entry.ladder is None):
        raise InputError(
            _("{where}: give an exercise or a ladder, not both or neither").format(where=where)
        )
    if not known(entry.slug):
        raise InputError(
            _("{where}: unknown exercise '{slug}'").format(where=where, slug=entry.slug)
        )
    if not 1 <= entry.sets <= MAX_SETS:
        raise InputError(
            _("{where}: sets must be 1-{MAX_SETS}, not {sets}").format(
                where=where, MAX_SETS=MAX_SETS, sets=entry.sets
            )
        )
    lo, hi = entry.rep_range
    if not 1 <= lo <= hi <= MAX_REPS:
        raise InputError(
            _("{where}: the rep range must be 1-{MAX_REPS}, low first, not {lo}-{hi}").format(
                where=where, MAX_REPS=MAX_REPS, lo=lo, hi=hi
            )
        )


def check_program(program: Program, known: Callable[[str], bool]) -> Program:
    """The program with tidied names; InputError names the day and entry at fault."""
    name = check_name(program.name, "a program")
    days = []
    for d, day in enumerate(program.days, start=1):
        day_name = check_name(day.name, f"day {d} of '{name}'")
        for e, entry in enumerate(day.entries, start=1):
            check_entry(entry, f"'{name}', {day_name}, entry {e}", known)
        days.append(ProgramDay(day_name, day.entries))
    return Program(name, tuple(days), program.starter)


def entry_to_dict(entry: ProgramEntry) -> dict[str, Any]:
    return {
        "exercise": entry.exercise,
        "ladder": entry.ladder,
        "sets": entry.sets,
        "rep_range": list(entry.rep_range),
        "warmup": entry.warmup,
    }


def program_to_dict(program: Program) -> dict[str, Any]:
    """One element of ``hiplog program list --json``."""
    return {
        "name": program.name,
        "starter": program.starter,
        "days": [
            {"name": d.name, "entries": [entry_to_dict(e) for e in d.entries]} for d in program.days
        ],
    }


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            _("{where} must be a whole number, not {value!r}").format(where=where, value=value)
        )
    return value


def _slug(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise InputError(
            _("{where} must be an exercise slug or null, not {value!r}").format(
                where=where, value=value
            )
        )
    return value


def entry_from_dict(data: Mapping[str, Any], where: str) -> ProgramEntry:
    rng = data.get("rep_range")
    if not isinstance(rng, list | tuple) or len(rng) != 2:
        raise InputError(
            _("{where}: rep_range must be [LO, HI], not {rng!r}").format(where=where, rng=rng)
        )
    return ProgramEntry(
        exercise=_slug(data.get("exercise"), f"{where}: exercise"),
        ladder=_slug(data.get("ladder"), f"{where}: ladder"),
        sets=_int(data.get("sets"), f"{where}: sets"),
        rep_range=(_int(rng[0], f"{where}: rep_range"), _int(rng[1], f"{where}: rep_range")),
        warmup=bool(data.get("warmup", False)),
    )


def program_from_dict(data: Mapping[str, Any], where: str, *, starter: bool = False) -> Program:
    """A program from its JSON form; InputError says what and where."""
    name = data.get("name")
    if not isinstance(name, str):
        raise InputError(_("{where}: a program needs a name").format(where=where))
    days_data = data.get("days")
    if not isinstance(days_data, list):
        raise InputError(
            _("{where}: program '{name}' needs a list of days").format(where=where, name=name)
        )
    days = []
    for d, day in enumerate(days_data, start=1):
        if not isinstance(day, Mapping) or not isinstance(day.get("entries"), list):
            raise InputError(
                _("{where}: day {d} of '{name}' needs a name and a list of entries").format(
                    where=where, d=d, name=name
                )
            )
        entries = tuple(
            entry_from_dict(e, f"{where}: '{name}' day {d} entry {i}")
            for i, e in enumerate(day["entries"], start=1)
            if isinstance(e, Mapping) or _bad(f"{where}: '{name}' day {d} entry {i}")
        )
        days.append(ProgramDay(str(day.get("name", "")), entries))
    return Program(name, tuple(days), starter)


def _bad(where: str) -> bool:
    raise InputError(_("{where} must be an object").format(where=where))
