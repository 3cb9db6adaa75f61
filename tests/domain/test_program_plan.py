"""A program day's plan: the entry's sets and rep range, ladders, warm-ups, the quiet line."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Session, SetEntry
from hiplog.domain.program_plan import build_program_plan
from hiplog.domain.programs import Program, ProgramDay, ProgramEntry
from hiplog.domain.settings import ProgressionSettings
from hiplog.resources import resource_path

CATALOG = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))
AS_OF = datetime(2027, 3, 1, 12, 0)
SETTINGS = ProgressionSettings()


def _session(days_ago: int, slug: str, reps: list[int], load: float | None = None) -> Session:
    when = AS_OF - timedelta(days=days_ago)
    return Session(when, tuple(SetEntry(slug, i, r, load) for i, r in enumerate(reps, start=1)))


def _program(*entries: ProgramEntry) -> Program:
    return Program("Test", (ProgramDay("Day A", entries), ProgramDay("Day B")))


def test_the_entrys_sets_and_rep_range_replace_the_catalogs() -> None:
    entry = ProgramEntry("barbell-hip-thrust", None, 4, (6, 10))
    history = [_session(3, "barbell-hip-thrust", [10, 10, 10, 10], 60.0)]
    plan = build_program_plan(history, CATALOG, SETTINGS, AS_OF, _program(entry), 0)
    (sug,) = plan.suggestions
    assert (sug.rule, sug.load_kg, sug.sets, sug.reps) == ("add-load", 62.5, 4, (6, 6, 6, 6))
    assert plan.program is not None
    assert (plan.program.day, plan.program.next_day) == ("Day A", "Day B")


def test_a_ladder_prescribes_the_rung_reached_with_the_entrys_sets() -> None:
    entry = ProgramEntry(None, "glute-bridge", 2, (10, 20))
    history = [
        _session(9, "glute-bridge", [20, 20]),
        _session(6, "glute-bridge", [20, 20]),
        _session(3, "single-leg-glute-bridge", [8, 8, 8, 8]),  # per side, unlabelled
    ]
    plan = build_program_plan(history, CATALOG, SETTINGS, AS_OF, _program(entry), 0)
    (sug,) = plan.suggestions
    assert sug.exercise == "single-leg-glute-bridge"
    assert sug.rep_range == (8, 15)  # the later rung keeps its own range
    assert sug.sets >= 2


def test_the_gate_of_the_named_rung_moves_on_to_the_next() -> None:
    entry = ProgramEntry(None, "glute-bridge", 2, (10, 12))
    history = [_session(6, "glute-bridge", [12, 12]), _session(3, "glute-bridge", [12, 12])]
    plan = build_program_plan(history, CATALOG, SETTINGS, AS_OF, _program(entry), 0)
    (sug,) = plan.suggestions
    assert (sug.rule, sug.exercise, sug.sets) == ("next-variation", "single-leg-glute-bridge", 2)


def test_warm_up_entries_and_the_quiet_line() -> None:
    entries = (
        ProgramEntry("glute-bridge", None, 1, (10, 10), warmup=True),
        ProgramEntry("romanian-deadlift", None, 3, (8, 12)),
    )
    history = [_session(2, "kettlebell-swing", [15, 15], 16.0), _session(30, "step-up", [15])]
    plan = build_program_plan(history, CATALOG, SETTINGS, AS_OF, _program(*entries), 0)
    assert [(s.exercise, s.warmup) for s in plan.suggestions] == [
        ("glute-bridge", True),
        ("romanian-deadlift", False),
    ]
    assert plan.program is not None and plan.program.others == ("kettlebell-swing",)
