"""The person's programs: copies of starters, changes, which day each session was, and the JSON
backup that restores them exactly."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.programs import ProgramDay, ProgramEntry
from hiplog.services import import_export, programs, training_log
from hiplog.services import plan as plan_service
from hiplog.services.context import AppContext

MONDAY = datetime(2027, 1, 4, 18, 0)


@pytest.fixture
def ctx(fresh_ctx: AppContext) -> AppContext:
    return fresh_ctx


def _log(ctx: AppContext, when: datetime, *slugs: str) -> None:
    training_log.log_sets(ctx, [SetEntry(s, 1, 10, None) for s in slugs], when)


def test_using_a_starter_makes_an_own_copy_that_can_change(ctx: AppContext) -> None:
    programs.use_program(ctx, "Bodyweight at home", at=MONDAY)
    own = programs.find_program(ctx, "bodyweight at home")
    assert not own.starter
    changed = replace(own, days=(*own.days, ProgramDay("Day C", own.days[0].entries)))
    programs.save_program(ctx, changed, replacing=own.name)
    assert [d.name for d in programs.find_program(ctx, own.name).days] == [
        "Day A",
        "Day B",
        "Day C",
    ]
    # The starter itself is unchanged and no longer listed beside the copy.
    assert [d.name for d in programs.starters()[0].program.days] == ["Day A", "Day B"]
    assert [p.name for p in programs.list_programs(ctx)].count("Bodyweight at home") == 1


def test_a_second_program_under_a_taken_name_is_refused(ctx: AppContext) -> None:
    programs.use_program(ctx, "Gym with a barbell", at=MONDAY)
    copy = programs.find_program(ctx, "Gym with a barbell")
    with pytest.raises(InputError, match="already a program called 'Gym with a barbell'"):
        programs.save_program(ctx, copy)
    assert programs.free_name(ctx, copy.name) == "Gym with a barbell (2)"


def test_the_plan_shows_the_day_and_mentions_other_recent_work(ctx: AppContext) -> None:
    programs.use_program(ctx, "Gym with a barbell", at=MONDAY - timedelta(days=1))
    _log(ctx, MONDAY, "barbell-hip-thrust", "conventional-deadlift")
    plan = plan_service.suggest(ctx, MONDAY + timedelta(days=2))
    assert plan.program is not None
    assert (plan.program.day, plan.program.next_day) == ("Day B", "Day A")
    assert plan.program.others == ("barbell-hip-thrust", "conventional-deadlift")
    picked = plan_service.suggest(ctx, MONDAY + timedelta(days=2), day=0)
    assert picked.program is not None and picked.program.day == "Day A"
    assert [s.exercise for s in picked.suggestions][1] == "barbell-hip-thrust"


def test_history_knows_which_day_each_session_was(ctx: AppContext) -> None:
    _log(ctx, MONDAY - timedelta(days=3), "glute-bridge")  # before the program
    programs.use_program(ctx, "Home with kettlebells", at=MONDAY - timedelta(days=1))
    _log(ctx, MONDAY, "glute-bridge")
    _log(ctx, MONDAY + timedelta(days=1), "deep-squat")  # not in the program
    _log(ctx, MONDAY + timedelta(days=2), "kettlebell-swing")
    programs.pick_day(ctx, 1, at=MONDAY + timedelta(days=4, hours=-1))
    _log(ctx, MONDAY + timedelta(days=4), "step-up")
    marks = sorted(programs.session_days(ctx).values())
    assert marks == [
        "Day A of Home with kettlebells",
        "Day B of Home with kettlebells",
        "Day B of Home with kettlebells",
    ]


def test_json_export_import_export_is_identical_with_programs(
    ctx: AppContext, tmp_path: Path
) -> None:
    programs.use_program(ctx, "Gym with a barbell", at=MONDAY - timedelta(days=9))
    programs.use_program(ctx, "Home with kettlebells", at=MONDAY - timedelta(days=2))
    mine = programs.find_program(ctx, "Home with kettlebells")
    ladder = ProgramEntry(None, "quadruped-kickback", 4, (12, 18), warmup=False)
    programs.save_program(
        ctx, replace(mine, name="Mine", days=(ProgramDay("Only day", (ladder,)),))
    )
    programs.pick_day(ctx, 1, at=MONDAY - timedelta(hours=1))
    _log(ctx, MONDAY, "kettlebell-swing")
    import_export.export_json(ctx, tmp_path / "one.json")
    other = AppContext.open_path(tmp_path / "other.db")
    try:
        import_export.import_file(other, tmp_path / "one.json")
        import_export.export_json(other, tmp_path / "two.json")
        assert programs.session_days(other) != {}
    finally:
        other.close()
    one = json.loads((tmp_path / "one.json").read_text("utf-8"))
    two = json.loads((tmp_path / "two.json").read_text("utf-8"))
    del one["exported_at"], two["exported_at"]
    assert one == two
    assert [p["name"] for p in one["programs"]] == [
        "Gym with a barbell",
        "Home with kettlebells",
        "Mine",
    ]
    assert [r["ended_at"] is None for r in one["program_runs"]] == [False, True]
    assert one["program_runs"][1]["picks"][0]["day"] == 1


def test_importing_into_a_database_with_programs_adds_only_new_names(
    ctx: AppContext, tmp_path: Path
) -> None:
    programs.use_program(ctx, "Gym with a barbell", at=MONDAY)
    import_export.export_json(ctx, tmp_path / "one.json")
    other = AppContext.open_path(tmp_path / "other.db")
    try:
        programs.use_program(other, "Bodyweight at home", at=MONDAY)
        import_export.import_file(other, tmp_path / "one.json")
        assert [p.name for p in programs.own_programs(other)] == [
            "Bodyweight at home",
            "Gym with a barbell",
        ]
        run = programs.active_run(other)
        assert run is not None and run.program == "Bodyweight at home"
    finally:
        other.close()
