"""Twelve weeks of following each starter program, logging exactly what the Plan prescribes.

Monday, Wednesday and Friday at 18:00: the days rotate A, B, A...; every entry progresses (load,
reps or the next rung of its ladder); the week's hard sets for the glutes stay in 10-20; and after
the first week no coverage or recovery warning is raised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiplog.domain.metrics import weekly_hard_sets
from hiplog.domain.models import LoadKind, SetEntry, StepKind
from hiplog.domain.plan import Plan
from hiplog.domain.progression import Suggestion
from hiplog.services import plan as plan_service
from hiplog.services import programs, training_log
from hiplog.services.context import AppContext
from hiplog.storage import session_repo

FIRST_MONDAY = datetime(2027, 1, 4, 18, 0)
WEEKS = 12
#: What a person picks when the Plan says "choose a load you can lift 12 times".
CHOSEN_START_KG = {StepKind.KETTLEBELL: 12.0, StepKind.DUMBBELL: 8.0, StepKind.STACK: 20.0}
WATCHED = {"coverage-short", "coverage-long", "short-recovery"}


@dataclass
class Done:
    when: datetime
    plan: Plan


def _session_times() -> Iterator[datetime]:
    for week in range(WEEKS):
        for day in (0, 2, 4):
            yield FIRST_MONDAY + timedelta(weeks=week, days=day)


def _sets_for(ctx: AppContext, sug: Suggestion) -> list[SetEntry]:
    """Exactly the prescription, per side for one-sided work."""
    ex = ctx.exercise(sug.exercise)
    load = sug.load_kg
    if load is None and ex.load_kind is LoadKind.EXTERNAL and ex.step_kind is not None:
        load = CHOSEN_START_KG[ex.step_kind]
    sides: tuple[str | None, ...] = ("L", "R") if ex.unilateral else (None,)
    return [
        SetEntry(ex.slug, 1, reps, load, band=sug.band, side=side)
        for reps in sug.reps
        for side in sides
    ]


def _follow(ctx: AppContext, name: str) -> list[Done]:
    programs.use_program(ctx, name, at=FIRST_MONDAY - timedelta(days=1))
    done = []
    for when in _session_times():
        plan = plan_service.suggest(ctx, when)
        entries = [e for sug in plan.suggestions for e in _sets_for(ctx, sug)]
        training_log.log_sets(ctx, entries, when)
        done.append(Done(when, plan))
    return done


@pytest.fixture(
    scope="module",
    params=[
        (name, engine)
        for name in [s.program.name for s in programs.starters()]
        for engine in ("sqlite", "postgresql")
    ],
    ids=lambda p: f"{p[1]}-{p[0]}",
)
def followed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppContext, list[Done]]]:
    """Twelve weeks of one starter, on SQLite and on PostgreSQL (logged once per module)."""
    name, engine = request.param
    path: Path = tmp_path_factory.mktemp("sim") / "hiplog.db"
    if engine == "postgresql":
        _, url = request.getfixturevalue("pg_databases").new()
        ctx = AppContext.open_url(url, local=path)
    else:
        ctx = AppContext.open_path(path)
    try:
        yield ctx, _follow(ctx, name)
    finally:
        ctx.close()


def test_there_are_three_starters_at_home_and_in_the_gym() -> None:
    names = [s.program.name for s in programs.starters()]
    assert names == ["Bodyweight at home", "Home with kettlebells", "Gym with a barbell"]


def test_the_days_rotate_a_b_a(followed: tuple[AppContext, list[Done]]) -> None:
    _, done = followed
    days = [d.plan.program.day for d in done if d.plan.program is not None]
    assert days == ["Day A", "Day B"] * (len(done) // 2)
    nexts = [d.plan.program.next_day for d in done if d.plan.program is not None]
    assert nexts == ["Day B", "Day A"] * (len(done) // 2)


def test_every_entry_progresses(followed: tuple[AppContext, list[Done]]) -> None:
    _, done = followed
    for start in (0, 1):  # Day A, Day B
        first, last = done[start].plan, done[start + 34].plan
        for a, b in zip(first.suggestions, last.suggestions, strict=True):
            if a.warmup:
                continue
            moved_up = b.exercise != a.exercise
            heavier = (b.load_kg or 0) > (a.load_kg or 0)
            more_reps = sum(b.reps) > sum(a.reps)
            assert moved_up or heavier or more_reps, (a, b)


def test_weekly_glute_hard_sets_stay_in_10_to_20(followed: tuple[AppContext, list[Done]]) -> None:
    ctx, _ = followed
    with ctx.db.reader() as tx:
        sessions = session_repo.sessions_between(tx, None, None)
    weeks = weekly_hard_sets(sessions, ctx.catalog().get)
    assert len(weeks) == WEEKS
    glutes = [round(w["glute max"], 1) for w in weeks.values()]
    assert all(10 <= g <= 20 for g in glutes), glutes


def test_no_coverage_or_recovery_warning_after_the_first_week(
    followed: tuple[AppContext, list[Done]],
) -> None:
    _, done = followed
    after_first_week = [d for d in done if d.when >= FIRST_MONDAY + timedelta(weeks=1)]
    raised = {(d.when, w.code) for d in after_first_week for w in d.plan.warnings}
    assert {r for r in raised if r[1] in WATCHED} == set()
