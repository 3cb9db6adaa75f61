"""Programs in the domain: ladders, rotation by sessions logged, picks, checks and JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.programs import (
    DayPick,
    Program,
    ProgramDay,
    ProgramEntry,
    ProgramRun,
    SessionExercises,
    check_program,
    current_rung,
    days_done,
    ladder_rungs,
    next_day,
    program_from_dict,
    program_to_dict,
)
from hiplog.resources import resource_path

CATALOG = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))
LOOKUP = CATALOG.get
START = datetime(2027, 1, 4, 9, 0)

A = ProgramDay("Day A", (ProgramEntry(None, "glute-bridge", 3, (10, 20)),))
B = ProgramDay("Day B", (ProgramEntry("romanian-deadlift", None, 3, (8, 12)),))
C = ProgramDay("Day C", (ProgramEntry("kettlebell-swing", None, 3, (10, 20)),))
PROGRAM = Program("ABC", (A, B, C))


def _session(n: int, day_offset: float, *slugs: str) -> SessionExercises:
    return SessionExercises(n, START + timedelta(days=day_offset), frozenset(slugs))


def test_the_bridge_ladder_climbs_to_the_barbell_hip_thrust() -> None:
    assert ladder_rungs("glute-bridge", LOOKUP) == (
        "glute-bridge",
        "single-leg-glute-bridge",
        "hip-thrust",
        "barbell-hip-thrust",
    )


def test_the_current_rung_is_the_highest_one_trained() -> None:
    entry = A.entries[0]
    assert current_rung(entry, [], LOOKUP) == "glute-bridge"
    assert current_rung(entry, ["glute-bridge", "hip-thrust"], LOOKUP) == "hip-thrust"


def test_days_follow_sessions_not_weekdays() -> None:
    run = ProgramRun("ABC", START)
    sessions = [
        _session(1, 1, "glute-bridge"),
        _session(2, 2, "romanian-deadlift"),
        _session(3, 10, "kettlebell-swing"),  # after a week off: still Day C
        _session(4, 11, "single-leg-glute-bridge"),  # a rung of the ladder counts
    ]
    assert [day for _, day in days_done(PROGRAM, run, sessions, LOOKUP)] == [0, 1, 2, 0]
    assert next_day(PROGRAM, run, sessions, LOOKUP, START + timedelta(days=12)) == (1, 2)


def test_a_session_without_the_programs_exercises_does_not_advance_it() -> None:
    run = ProgramRun("ABC", START)
    sessions = [_session(1, 1, "glute-bridge"), _session(2, 3, "deep-squat")]
    assert next_day(PROGRAM, run, sessions, LOOKUP, START + timedelta(days=4)) == (1, 2)


def test_sessions_before_the_program_was_started_do_not_count() -> None:
    run = ProgramRun("ABC", START)
    sessions = [_session(1, -2, "glute-bridge")]
    assert next_day(PROGRAM, run, sessions, LOOKUP, START + timedelta(days=1)) == (0, 1)


def test_a_picked_day_is_today_and_the_rotation_goes_on_after_it() -> None:
    pick = DayPick(START + timedelta(days=2, hours=8), 2)
    run = ProgramRun("ABC", START, picks=(pick,))
    before = [_session(1, 1, "glute-bridge")]
    assert next_day(PROGRAM, run, before, LOOKUP, START + timedelta(days=2, hours=9)) == (2, 0)
    done = [*before, _session(2, 2.4, "kettlebell-swing")]
    assert [d for _, d in days_done(PROGRAM, run, done, LOOKUP)] == [0, 2]
    assert next_day(PROGRAM, run, done, LOOKUP, START + timedelta(days=4)) == (0, 1)


def test_a_bad_entry_is_named_by_program_day_and_position() -> None:
    bad = Program("Mine", (ProgramDay("Day A", (ProgramEntry("lunge", None, 0, (8, 12)),)),))
    with pytest.raises(InputError, match=r"'Mine', Day A, entry 1: sets must be 1-10, not 0"):
        check_program(bad, lambda slug: slug in CATALOG)
    odd = Program("Mine", (ProgramDay("Day A", (ProgramEntry("lunge", None, 3, (12, 8)),)),))
    with pytest.raises(InputError, match="low first, not 12-8"):
        check_program(odd, lambda slug: slug in CATALOG)
    unknown = Program("Mine", (ProgramDay("Day A", (ProgramEntry("sled", None, 3, (8, 9)),)),))
    with pytest.raises(InputError, match="unknown exercise 'sled'"):
        check_program(unknown, lambda slug: slug in CATALOG)
    with pytest.raises(InputError, match="needs a name"):
        check_program(Program("  ", ()), lambda slug: True)


def test_json_form_round_trips() -> None:
    assert program_from_dict(program_to_dict(PROGRAM), "test") == PROGRAM


def test_json_with_a_wrong_shape_says_where() -> None:
    with pytest.raises(InputError, match="day 1 entry 1: rep_range must be"):
        program_from_dict(
            {"name": "X", "days": [{"name": "A", "entries": [{"exercise": "lunge", "sets": 3}]}]},
            "file.json",
        )
