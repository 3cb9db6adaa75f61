"""Several athletes in one database: what one logs, sets or follows never shows for another."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.units import Unit
from hiplog.services import (
    athletes,
    body,
    charts,
    exercises,
    history,
    import_export,
    plan,
    programs,
    settings_store,
    training_log,
)
from hiplog.services.context import AppContext

STRONG = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "formats"
    / "strong"
    / "mlahoz__strong__strong.csv"
)
AS_OF = datetime(2026, 11, 23, 12, 0)


def _two_athletes(ctx: AppContext) -> None:
    """Me does hip thrusts at 100 kg in kg; Sam does glute bridges at 20 kg, in lb."""
    athletes.add_athlete(ctx, "Sam")
    for day in (16, 18, 20):
        training_log.log_sets(
            ctx, [SetEntry("barbell-hip-thrust", 1, 10, 100.0)] * 3, datetime(2026, 11, day, 18)
        )
    settings_store.save(ctx, replace(ctx.settings(), bodyweight_kg=90.0))
    exercises.set_exercise_note(ctx, "barbell-hip-thrust", "Bench at 40 cm")
    ctx.use_athlete("Sam")
    for day in (17, 21):
        training_log.log_sets(
            ctx, [SetEntry("glute-bridge", 1, 15, 20.0)] * 2, datetime(2026, 11, day, 9)
        )
    settings_store.save(ctx, replace(ctx.settings(), unit=Unit.LB, bodyweight_kg=60.0))


def _measured(ctx: AppContext) -> None:
    """Me weighs in twice and has hip and thigh measured; Sam weighs in once, on Me's first
    day (one entry a day is each athlete's own rule)."""
    ctx.use_athlete("Me")
    body.add_measurement(ctx, BodyMeasurement(datetime(2026, 11, 10, 7), bodyweight_kg=91.5))
    body.add_measurement(
        ctx, BodyMeasurement(datetime(2026, 11, 19, 7), 90.5, hip_cm=104.0, thigh_cm=61.5)
    )
    ctx.use_athlete("Sam")
    body.add_measurement(ctx, BodyMeasurement(datetime(2026, 11, 10, 8), bodyweight_kg=58.0))


def test_two_athletes_body_measurements_chart_and_latest_bodyweight_never_mix(
    ctx: AppContext,
) -> None:
    athletes.add_athlete(ctx, "Sam")
    _measured(ctx)
    assert ctx.athlete == "Sam"
    assert body.list_measurements(ctx) == [
        BodyMeasurement(datetime(2026, 11, 10, 8), bodyweight_kg=58.0)
    ]
    series = body.body_series(ctx)
    assert (series.bodyweight, series.hip, series.thigh) == (
        ((datetime(2026, 11, 10, 8), 58.0),),
        (),
        (),
    )
    assert settings_store.bodyweight_kg(ctx) == 58.0  # the bodyweight share of Sam's sets
    body.delete_measurement(ctx, body.list_measurements(ctx)[0])
    assert settings_store.bodyweight_kg(ctx) is None
    ctx.use_athlete("Me")  # Sam's deletion took nothing of Me's
    assert [m.bodyweight_kg for m in body.list_measurements(ctx)] == [91.5, 90.5]
    assert body.body_series(ctx).hip == ((datetime(2026, 11, 19, 7), 104.0),)
    assert settings_store.bodyweight_kg(ctx) == 90.5


def test_two_athletes_sessions_settings_suggestions_charts_and_history_never_mix(
    ctx: AppContext,
) -> None:
    _two_athletes(ctx)
    # Sam's view of the database
    assert ctx.athlete == "Sam"
    assert history.session_count(ctx) == 2
    assert {r.started_at.day for r in history.history_page(ctx)} == {17, 21}
    assert (ctx.settings().unit, ctx.settings().bodyweight_kg) == (Unit.LB, 60.0)
    assert [s.exercise for s in plan.suggest(ctx, AS_OF).suggestions] == ["glute-bridge"]
    assert charts.stats(ctx, "barbell-hip-thrust") == []
    assert len(charts.stats(ctx, "glute-bridge")) == 2
    assert exercises.exercise_notes(ctx) == {}
    assert programs.active_program(ctx) is None
    assert history.training_days(ctx, date(2026, 11, 1), date(2026, 11, 30)).keys() == {
        date(2026, 11, 17),
        date(2026, 11, 21),
    }
    # and Me's
    ctx.use_athlete("Me")
    assert history.session_count(ctx) == 3
    assert (ctx.settings().unit, ctx.settings().bodyweight_kg) == (Unit.KG, 90.0)
    assert [s.exercise for s in plan.suggest(ctx, AS_OF).suggestions] == ["barbell-hip-thrust"]
    assert [s.top_load_kg for s in charts.stats(ctx, "barbell-hip-thrust")] == [100.0] * 3
    assert charts.stats(ctx, "glute-bridge") == []
    assert exercises.exercise_notes(ctx) == {"barbell-hip-thrust": "Bench at 40 cm"}


def test_one_athlete_cannot_reach_anothers_session_by_its_id(ctx: AppContext) -> None:
    mine = training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 12)], datetime(2026, 1, 5))
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Sam")
    assert training_log.get_session(ctx, mine.id) is None
    ctx.use_athlete("Me")
    session = training_log.get_session(ctx, mine.id)
    assert session is not None and [s.reps for s in session.sets] == [12]


def test_each_athlete_follows_their_own_copy_of_a_starter(ctx: AppContext) -> None:
    programs.use_program(ctx, "Gym with a barbell", datetime(2026, 11, 1))
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Sam")
    programs.use_program(ctx, "Gym with a barbell", datetime(2026, 11, 2))
    assert [p.name for p in programs.own_programs(ctx)] == ["Gym with a barbell"]
    programs.use_program(ctx, None, datetime(2026, 11, 3))
    ctx.use_athlete("Me")
    active = programs.active_program(ctx)
    assert active is not None and active[1].started_at == datetime(2026, 11, 1)


def test_the_list_says_each_athletes_unit_and_sessions(ctx: AppContext) -> None:
    _two_athletes(ctx)
    assert [a.to_json() for a in athletes.list_athletes(ctx)] == [
        {"name": "Me", "unit": "kg", "sessions": 3},
        {"name": "Sam", "unit": "lb", "sessions": 2},
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("me", "already an athlete"),
        ("x" * 201, "at most"),
    ],
)
def test_an_empty_taken_or_overlong_name_is_refused_and_nothing_is_added(
    ctx: AppContext, name: str, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        athletes.add_athlete(ctx, name)
    assert ctx.athlete_names() == ["Me"]


def test_an_unknown_athlete_is_refused_naming_the_known_ones(ctx: AppContext) -> None:
    athletes.add_athlete(ctx, "Sam")
    with pytest.raises(InputError, match=r"no athlete 'Kim'.*known: Me, Sam"):
        ctx.use_athlete("Kim")
    with pytest.raises(InputError, match=r"2 athletes \(Me, Sam\).*--athlete"):
        athletes.choose_for_command(ctx, None)


@pytest.mark.skipif(not STRONG.exists(), reason="../shared/formats is not beside the repository")
def test_the_same_file_imports_once_per_athlete(ctx: AppContext) -> None:
    first = import_export.import_file(ctx, STRONG)
    assert first.sets_imported > 0
    assert import_export.import_file(ctx, STRONG).already_imported
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Sam")
    again = import_export.import_file(ctx, STRONG)
    assert (again.already_imported, again.sets_imported) == (False, first.sets_imported)


def _without_time(path: Path) -> dict[str, object]:
    doc = json.loads(path.read_text("utf-8"))
    del doc["exported_at"]
    return dict(doc)


def test_a_backup_of_every_athlete_restores_them_exactly(ctx: AppContext, tmp_path: Path) -> None:
    _two_athletes(ctx)
    _measured(ctx)
    import_export.export_json(ctx, tmp_path / "all.json", everyone=True)
    doc = _without_time(tmp_path / "all.json")
    assert [a["name"] for a in doc["athletes"]] == ["Me", "Sam"]  # type: ignore[index]
    # each athlete's body measurements in their own part
    assert [
        [m["bodyweight_kg"] for m in a["body_measurements"]]
        for a in doc["athletes"]  # type: ignore[union-attr]
    ] == [[91.5, 90.5], [58.0]]
    restored = AppContext.open_path(tmp_path / "new.db")
    try:
        summary = import_export.import_file(restored, tmp_path / "all.json")
        assert summary.sets_imported == 9 + 4
        assert restored.athlete_names() == ["Me", "Sam"]
        import_export.export_json(restored, tmp_path / "again.json", everyone=True)
    finally:
        restored.close()
    assert _without_time(tmp_path / "again.json") == doc


def test_a_backup_of_one_athlete_into_a_new_database_keeps_their_name(
    ctx: AppContext, tmp_path: Path
) -> None:
    _two_athletes(ctx)
    _measured(ctx)  # Sam is shown
    import_export.export_json(ctx, tmp_path / "sam.json")
    doc = _without_time(tmp_path / "sam.json")
    assert doc["athlete"] == "Sam" and len(doc["sessions"]) == 2  # type: ignore[arg-type]
    assert len(doc["body_measurements"]) == 1  # type: ignore[arg-type]
    restored = AppContext.open_path(tmp_path / "new.db")
    try:
        import_export.import_file(restored, tmp_path / "sam.json")
        assert restored.athlete_names() == ["Sam"]
        import_export.export_json(restored, tmp_path / "again.json")
    finally:
        restored.close()
    assert _without_time(tmp_path / "again.json") == doc


def test_a_bad_value_in_an_athletes_part_is_named_with_its_path(
    ctx: AppContext, tmp_path: Path
) -> None:
    _two_athletes(ctx)
    import_export.export_json(ctx, tmp_path / "all.json", everyone=True)
    doc = json.loads((tmp_path / "all.json").read_text("utf-8"))
    doc["athletes"][1]["sessions"][0]["started_at"] = "yesterday"
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    fresh = AppContext.open_path(tmp_path / "new.db")
    try:
        with pytest.raises(InputError, match=r"athletes\[1\]\.sessions\[0\]\.started_at"):
            import_export.import_file(fresh, tmp_path / "bad.json")
        assert fresh.athlete_names() == ["Me"] and history.session_count(fresh) == 0
    finally:
        fresh.close()


def test_restoring_one_athletes_programs_leaves_anothers_alone(
    ctx: AppContext, tmp_path: Path
) -> None:
    programs.use_program(ctx, "Gym with a barbell", datetime(2026, 11, 1))
    import_export.export_json(ctx, tmp_path / "me.json")
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Sam")
    programs.use_program(ctx, "Home with kettlebells", datetime(2026, 11, 2))
    ctx.use_athlete("Me")
    programs.use_program(ctx, None, datetime(2026, 11, 3))
    for program in programs.own_programs(ctx):
        programs.delete_program(ctx, program.name)
    import_export.import_file(ctx, tmp_path / "me.json")  # into Me, who has no program now
    active = programs.active_program(ctx)
    assert active is not None and active[0].name == "Gym with a barbell"
    ctx.use_athlete("Sam")
    assert [p.name for p in programs.own_programs(ctx)] == ["Home with kettlebells"]
    sams = programs.active_program(ctx)
    assert sams is not None and sams[1].started_at == datetime(2026, 11, 2)
