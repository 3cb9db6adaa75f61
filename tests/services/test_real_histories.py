"""Issue 12 on every real export in ../shared/formats: an imported full-body log gives hip-only
analytics, recognised catalog names and a plan without other training."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hiplog.domain.metrics import ExerciseLookup, hard_sets_between
from hiplog.domain.models import Role, Session
from hiplog.domain.name_recognition import recognise
from hiplog.domain.timing import hip_session_times, timing_warnings
from hiplog.domain.units import KG_PER_LB, Unit
from hiplog.services import import_export, plan
from hiplog.services.charts import ChartData
from hiplog.services.context import AppContext, builtin_catalog
from hiplog.storage import session_repo

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "formats"
FILES = sorted(p for p in FORMATS.glob("*/*") if p.is_file()) if FORMATS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/formats is not beside the repository")

# Names the issue calls plainly catalog exercises, and where their sets must land.
PLAIN_NAMES = {
    "Single Leg Glute Bridge": "single-leg-glute-bridge",
    "Good Mornings": "good-morning",
    "Cable Kickback": "standing-kickback",
    "Walking Lunges": "lunge",
    "Lunge (Barbell)": "lunge",
    "Barbell Back Squat": "deep-squat",
    "Hip Thrust (Barbell)": "barbell-hip-thrust",
    "Romanian Deadlift (Barbell)": "romanian-deadlift",
    "Romanian Deadlift (Dumbbell)": "dumbbell-romanian-deadlift",
    "Deadlift (Barbell)": "conventional-deadlift",
    "Squat (Barbell)": "deep-squat",
    "Good Morning (Barbell)": "good-morning",
}


def _without_other(history: list[Session], other: set[str]) -> list[Session]:
    return [replace(s, sets=tuple(e for e in s.sets if e.exercise not in other)) for s in history]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:40])
def test_an_imported_full_body_log_counts_hip_work_only(
    path: Path, imported_history: Callable[[Path], AppContext]
) -> None:
    ctx = imported_history(path)  # on SQLite and on PostgreSQL
    catalog = ctx.catalog()
    other = {e.slug for e in catalog if e.role is Role.OTHER}
    with ctx.db.reader() as tx:
        history = list(session_repo.iter_all_sessions(tx))
    as_of = max(s.started_at for s in history) + timedelta(hours=12)
    suggested = plan.suggest(ctx, as_of)
    hip_only = _without_other(history, other)
    settings, lookup = ctx.settings(), catalog.get

    assert other, "a full-body log has other training"
    for sug in suggested.suggestions:
        assert catalog[sug.exercise].role is not Role.OTHER
    times = hip_session_times(hip_only, lookup, as_of)
    recent = [t for t in times if as_of - timedelta(days=7) < t <= as_of]
    assert suggested.next_session.sessions_last_7_days == len(recent)
    week = hard_sets_between(history, lookup, as_of - timedelta(days=7), as_of)
    assert week == hard_sets_between(hip_only, lookup, as_of - timedelta(days=7), as_of)
    assert list(suggested.warnings) == timing_warnings(hip_only, times, lookup, settings, as_of)
    weekly = weekly_glute_sets(ctx)
    assert weekly == pytest.approx(_hip_hard_sets(history, catalog.get))


def weekly_glute_sets(ctx: AppContext) -> float:
    """All glute max hard sets of the Weekly tab's chart."""
    return sum(ChartData(ctx).weekly().muscle_sets.get("glute max", ()))


def _hip_hard_sets(history: list[Session], lookup: ExerciseLookup) -> float:
    start, end = datetime(1900, 1, 1), datetime(2100, 1, 1)
    return hard_sets_between(history, lookup, start, end).muscle_sets.get("glute max", 0.0)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:40])
def test_plain_catalog_names_land_on_the_catalog_exercise(path: Path) -> None:
    catalog = builtin_catalog()
    _, data = import_export.read_import_file(path, catalog, "auto", Unit.KG)
    for exercise in data.custom_exercises:
        assert recognise(exercise.name, catalog).role is not Role.CATALOG, exercise.name
    text = path.read_bytes().decode("utf-8", "replace")
    for name, slug in PLAIN_NAMES.items():
        if re.search(rf"[\",;]{re.escape(name)}[\",;]", text):
            assert (data.recognised.get(name) or catalog.require(name).slug) == slug


LB_FILE = FORMATS / "hevy" / "Jake-Leicht__Hevy-Dashboard-App__HevyData_20240912.csv"
KG_FILE = FORMATS / "hevy" / "StvrvDimitris__hevy-analyzer__workout_data.csv"


@pytest.mark.skipif(not LB_FILE.is_file(), reason="the lb export is not there")
def test_an_lb_export_makes_lb_the_unit_and_puts_suggestions_on_the_lb_grid(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(ctx, LB_FILE)
        assert summary.unit_changed == "lb"
        assert any("now shows lb" in line for line in summary.lines())
        assert ctx.settings().unit is Unit.LB
        with ctx.db.reader() as tx:
            last = max(s.started_at for s in session_repo.iter_all_sessions(tx))
        suggested = plan.suggest(ctx, last + timedelta(days=2))
        barbell = [
            s
            for s in suggested.suggestions
            if s.load_kg and ctx.exercise(s.exercise).step_kind is not None
            and ctx.exercise(s.exercise).step_kind.value in ("barbell", "dumbbell", "stack")
        ]  # fmt: skip
        assert barbell
        for sug in barbell:
            assert sug.load_kg is not None
            pounds = sug.load_kg / KG_PER_LB
            assert abs(pounds - 5 * round(pounds / 5)) < 0.01, (sug.exercise, pounds)
    finally:
        ctx.close()


@pytest.mark.skipif(not KG_FILE.is_file(), reason="the kg export is not there")
def test_a_kg_export_keeps_kg(tmp_path: Path, fresh_ctx: AppContext) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(ctx, KG_FILE)
        assert summary.unit_changed == ""
        assert ctx.settings().unit is Unit.KG
    finally:
        ctx.close()


def test_an_lb_file_into_a_database_with_sets_leaves_the_unit(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    if not (LB_FILE.is_file() and KG_FILE.is_file()):
        pytest.skip("the exports are not there")
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        import_export.import_file(ctx, KG_FILE)
        assert import_export.import_file(ctx, LB_FILE).unit_changed == ""
        assert ctx.settings().unit is Unit.KG
    finally:
        ctx.close()


@pytest.mark.skipif(not LB_FILE.is_file(), reason="the lb export is not there")
def test_a_dry_run_of_an_lb_export_says_what_it_would_do_and_changes_nothing(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(ctx, LB_FILE, dry_run=True)
        assert any("would show lb" in line for line in summary.lines())
        assert ctx.settings().unit is Unit.KG
    finally:
        ctx.close()
