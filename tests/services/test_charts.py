"""Chart series: checked against hand-computed tables and against `hiplog stats`."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from hiplog.domain import chart_series
from hiplog.domain.chart_series import Strength, Volume
from hiplog.domain.metrics import stats_to_json, weekly_volume
from hiplog.domain.models import Length, SetEntry
from hiplog.domain.units import Unit
from hiplog.services import chart_export, charts, training_log
from hiplog.services.charts import ChartData, ChartRange
from hiplog.services.context import AppContext
from hiplog.storage import session_repo

S1 = datetime(2026, 1, 5, 18, 0)  # a Monday
S2 = datetime(2026, 1, 8, 18, 0)  # Thursday, same week; bodyweight 70 kg recorded
S3 = datetime(2026, 1, 19, 18, 0)  # Monday two weeks later


def _set(slug: str, reps: int, kg: float | None = None, **kw: object) -> SetEntry:
    return SetEntry(exercise=slug, order=1, reps=reps, load_kg=kg, **kw)  # type: ignore[arg-type]


def _log(ctx: AppContext, when: datetime, *sets: SetEntry, bodyweight: float | None = None) -> None:
    training_log.create_session(ctx, when, bodyweight_kg=bodyweight)
    training_log.log_sets(ctx, list(sets), when=when)


@pytest.fixture
def ctx(fresh_ctx: AppContext) -> Iterator[AppContext]:
    context = fresh_ctx
    bht, gb = "barbell-hip-thrust", "glute-bridge"
    _log(
        context,
        S1,
        _set(bht, 10, 20, warmup=True),
        _set(bht, 12, 60),
        _set(bht, 11, 60),
        _set(bht, 10, 60),
        _set(gb, 15),
        _set(gb, 14),
        _set(gb, 12),
    )
    _log(
        context,
        S2,
        _set(bht, 10, 62.5),
        _set(bht, 9, 62.5),
        _set(bht, 12, 60),
        *(_set("single-leg-glute-bridge", 12, side=side) for side in ("L", "R", "L", "R")),
        _set("step-up", 15, side="L"),
        _set("step-up", 15, side="R"),
        _set("back-extension-45", 15, rir=5),
        _set("back-extension-45", 15, rir=5),
        bodyweight=70,
    )
    _log(
        context,
        S3,
        _set(bht, 10, 70),
        _set(bht, 8, 70),
        _set(bht, 15, 40),
        _set(bht, 1, 300, flagged=True),
        _set(gb, 20),
        _set(gb, 20),
        _set(gb, 18),
        _set("romanian-deadlift", 10, 60, rir=2),
        _set("romanian-deadlift", 10, 60, rir=2),
        _set("bird-dog", 8),
    )
    yield context


def test_loaded_exercise_matches_the_hand_computed_table(ctx: AppContext) -> None:
    c = ChartData(ctx).exercise("barbell-hip-thrust")
    assert c.dates == (S1, S2, S3)
    assert c.strength_kind is Strength.E1RM
    # e1RM: 60 x (1 + 12/30) = 84; then max(62.5 x 1.333, 60 x 1.4) = 84; then 70 x 1.333.
    assert c.strength.values == pytest.approx([84.0, 84.0, 93.3333333])
    assert c.top_load is not None
    assert c.top_load.values == (60.0, 62.5, 70.0)
    assert c.volume_kind is Volume.LOAD
    # 60 x 33; 62.5 x 19 + 60 x 12; 70 x 18 + 40 x 15 (the flagged 300 kg set does not count).
    assert c.volume.values == pytest.approx([1980.0, 1907.5, 1860.0])
    assert [st.sets for st in c.stats] == [3, 3, 3]
    assert [st.best_reps for st in c.stats] == [12, 10, 10]
    # Only the third session beats the best estimate so far (equal is no record).
    assert c.records == (2,)
    weeks = c.weekly_volume
    assert weeks.dates == (
        datetime(2026, 1, 5),
        datetime(2026, 1, 12),
        datetime(2026, 1, 19),
    )
    assert weeks.values == pytest.approx([3887.5, 0.0, 1860.0])


def test_bodyweight_exercise_shows_best_reps_and_total_reps(ctx: AppContext) -> None:
    c = ChartData(ctx).exercise("glute-bridge")
    assert c.strength_kind is Strength.BEST_REPS
    assert c.strength.values == (15.0, 20.0)
    assert c.top_load is None
    assert c.volume_kind is Volume.REPS
    assert c.volume.values == (41.0, 58.0)
    assert c.records == (1,)


def test_bodyweight_share_gives_a_load_volume(ctx: AppContext) -> None:
    # Step-up carries the whole bodyweight (70 kg recorded that session): 2 x 15 x 70.
    c = ChartData(ctx).exercise("step-up")
    assert c.volume_kind is Volume.LOAD
    assert c.volume.values == pytest.approx([2100.0])
    assert c.strength_kind is Strength.BEST_REPS  # 15 reps: no e1RM above 12 reps
    assert c.strength.values == (15.0,)


@pytest.mark.parametrize(
    "slug",
    [
        "barbell-hip-thrust",
        "glute-bridge",
        "single-leg-glute-bridge",
        "step-up",
        "back-extension-45",
        "romanian-deadlift",
        "bird-dog",
    ],
)
def test_chart_numbers_equal_hiplog_stats(ctx: AppContext, slug: str) -> None:
    chart = ChartData(ctx).exercise(slug)
    command = charts.stats(ctx, slug)
    assert stats_to_json(slug, chart.stats) == stats_to_json(slug, command)
    for mine, theirs in zip(chart.stats, command, strict=True):
        assert mine.volume_kg == pytest.approx(theirs.volume_kg)
        assert mine.e1rm_kg == pytest.approx(theirs.e1rm_kg)


def test_chart_numbers_equal_hiplog_stats_with_the_bodyweight_setting(ctx: AppContext) -> None:
    # Back extensions carry 68% of bodyweight; the session of S2 records 70 kg.
    chart = ChartData(ctx).exercise("back-extension-45")
    assert chart.volume.values == pytest.approx([2 * 15 * 0.68 * 70])
    assert chart.stats == tuple(charts.stats(ctx, "back-extension-45"))


def test_ladder_marks_where_the_next_variations_were_first_trained(ctx: AppContext) -> None:
    c = ChartData(ctx).exercise("glute-bridge")
    assert [(m.exercise, m.date) for m in c.ladder] == [
        ("single-leg-glute-bridge", S2),
        ("barbell-hip-thrust", S1),
    ]
    # An exercise on no ladder has no marks.
    assert ChartData(ctx).exercise("romanian-deadlift").ladder == ()


def test_weekly_numbers_match_the_hand_table(ctx: AppContext) -> None:
    w = ChartData(ctx).weekly()
    assert w.weeks == (date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19))
    assert w.sessions == (2, 0, 1)
    # Week 1: 3 + 3 + 3 two-sided sets, 4 one-sided single-leg bridges (2), 2 one-sided step-ups
    # (1); back extensions at 5 RIR are not hard. Week 3: 3 + 3, plus RDL as a second muscle.
    assert w.muscle_sets["glute max"] == (12.0, 0.0, 7.0)
    assert w.muscle_sets["hamstrings"] == (0.0, 0.0, 2.0)
    assert w.muscle_sets["adductor magnus"] == (0.0, 0.0, 1.0)
    assert w.length_sets[Length.SHORT] == (11.0, 0.0, 6.0)
    assert w.length_sets[Length.MID] == (0.0, 0.0, 0.0)
    assert w.length_sets[Length.LONG] == (1.0, 0.0, 2.0)
    assert w.sessions_band == (2, 3)
    assert w.sets_band == (10.0, 20.0)


def test_weekly_numbers_equal_the_domain_function(ctx: AppContext) -> None:
    with ctx.db.reader() as tx:
        sessions = list(session_repo.iter_all_sessions(tx))
    expected = weekly_volume(sessions, ctx.catalog().get)
    w = ChartData(ctx).weekly()
    assert list(w.weeks) == [e.week for e in expected]
    assert list(w.sessions) == [e.sessions for e in expected]
    for i, e in enumerate(expected):
        for muscle in chart_series.MUSCLES:
            assert w.muscle_sets[muscle][i] == pytest.approx(e.muscle_sets.get(muscle, 0.0))
        for length in chart_series.LENGTHS:
            assert w.length_sets[length][i] == pytest.approx(e.length_sets.get(length, 0.0))


def test_cache_serves_old_numbers_until_invalidated(ctx: AppContext) -> None:
    data = ChartData(ctx)
    assert len(data.exercise("glute-bridge").stats) == 2
    _log(ctx, datetime(2026, 1, 22, 18, 0), _set("glute-bridge", 20))
    assert len(data.exercise("glute-bridge").stats) == 2
    data.invalidate()
    assert len(data.exercise("glute-bridge").stats) == 3
    assert data.weekly().sessions == (2, 0, 2)


def test_trained_exercises_in_catalog_order_with_session_counts(ctx: AppContext) -> None:
    trained = ChartData(ctx).trained_exercises()
    assert [(t.slug, t.sessions) for t in trained] == [
        ("glute-bridge", 2),
        ("single-leg-glute-bridge", 1),
        ("barbell-hip-thrust", 3),
        ("back-extension-45", 1),
        ("romanian-deadlift", 1),
        ("step-up", 1),
        ("bird-dog", 1),
    ]


def test_session_sets_for_a_tooltip(ctx: AppContext) -> None:
    data = ChartData(ctx)
    c = data.exercise("barbell-hip-thrust")
    lines = charts.describe_sets(data.session_sets(c.session_ids[0], "barbell-hip-thrust"))
    assert lines == ["20 kg x 10, warm-up", "60 kg x 12", "60 kg x 11", "60 kg x 10"]


def test_unknown_exercise_is_an_input_error(ctx: AppContext) -> None:
    from hiplog.domain.errors import InputError

    with pytest.raises(InputError, match="no-such"):
        ChartData(ctx).exercise("no-such")


def test_exercise_csv_holds_the_numbers_of_the_chart(ctx: AppContext) -> None:
    data = ChartData(ctx)
    out = io.StringIO()
    rows = chart_export.write_exercise_csv(out, [data.exercise("barbell-hip-thrust")], Unit.KG)
    assert rows == 3
    assert out.getvalue().splitlines() == [
        "date,exercise,sets,reps,volume_kg,top_load_kg,e1rm_kg,best_reps,personal_record",
        "2026-01-05T18:00,barbell-hip-thrust,3,33,1980,60,84,12,0",
        "2026-01-08T18:00,barbell-hip-thrust,3,31,1907.5,62.5,84,10,0",
        "2026-01-19T18:00,barbell-hip-thrust,3,33,1860,70,93.3,10,1",
    ]


def test_exercise_csv_in_pounds_and_limited_to_a_range(ctx: AppContext, tmp_path: Path) -> None:
    data = ChartData(ctx)
    path = tmp_path / "out.csv"
    since = ChartRange.WEEKS_4.start(datetime(2026, 2, 10))
    assert since == datetime(2026, 1, 13)
    rows = chart_export.export_exercise_csv(
        path, [data.exercise("barbell-hip-thrust")], Unit.LB, since
    )
    lines = path.read_text("utf-8").splitlines()
    assert rows == 1
    assert lines[0].startswith("date,exercise,sets,reps,volume_lb,top_load_lb,e1rm_lb")
    assert lines[1].startswith("2026-01-19T18:00,barbell-hip-thrust,3,33,4100.6,154.32,205.8,")


def test_weekly_csv(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "weekly.csv"
    chart_export.export_weekly_csv(path, ChartData(ctx).weekly())
    assert path.read_text("utf-8").splitlines() == [
        "week,sessions,glute_max_sets,hamstrings_sets,adductor_magnus_sets,"
        "short_length_sets,mid_length_sets,long_length_sets",
        "2026-01-05,2,12,0,0,11,0,1",
        "2026-01-12,0,0,0,0,0,0,0",
        "2026-01-19,1,7,2,1,6,0,2",
    ]


def test_all_range_has_no_start() -> None:
    assert ChartRange.ALL.start(datetime(2026, 1, 1)) is None
    assert ChartRange.YEAR.start(datetime(2026, 1, 1)) == datetime(2025, 1, 1)
