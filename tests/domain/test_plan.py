"""The whole plan: which exercises get a suggestion, in what order, and the JSON shape."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from _domain_factories import ALL, BIRD_DOG, days, session, with_

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.models import Session
from hiplog.domain.plan import build_plan, parse_as_of_noon_default, plan_to_json
from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.resources import resource_path

S = ProgressionSettings()


def test_parse_as_of() -> None:
    assert parse_as_of_noon_default("2026-11-21") == datetime(2026, 11, 21, 12, 0)
    assert parse_as_of_noon_default("2026-11-21T18:05") == datetime(2026, 11, 21, 18, 5)
    for bad in ("21.11.2026", "2026-11-21 18:00", "2026-13-01", "2026-11-21T25:00", "", "today"):
        with pytest.raises(InputError):
            parse_as_of_noon_default(bad)


def test_plan_with_no_history() -> None:
    plan = build_plan([], ALL, S, parse_as_of_noon_default("2026-11-21"))
    assert plan_to_json(plan) == {
        "as_of": "2026-11-21",
        "next_session": {"earliest": None, "sessions_last_7_days": 0, "status": "behind"},
        "suggestions": [],
        "warnings": [],
    }


def history() -> list[Session]:
    return [
        session(
            days(d),
            ("romanian-deadlift", "w20x10 50x10 50x10 50x9"),
            ("barbell-hip-thrust", "w20x10 60x12 60x12 60x12"),
            ("bird-dog", "x8 x8"),
        )
        for d in (0, 3, 6)
    ]


def test_plan_orders_suggestions_by_catalog_and_shapes_json() -> None:
    plan = build_plan(history(), ALL, S, days(8, hour=12))
    doc = plan_to_json(plan)
    json.dumps(doc)
    assert doc["as_of"] == "2026-11-10"
    assert doc["next_session"] == {
        "earliest": "2026-11-10T18:00",
        "sessions_last_7_days": 2,  # day 0 is outside (day 1 12:00, day 8 12:00]
        "status": "recover",
    }
    slugs = [s["exercise"] for s in doc["suggestions"]]
    assert slugs == ["barbell-hip-thrust", "romanian-deadlift", "bird-dog"]
    thrust = doc["suggestions"][0]
    assert thrust == {
        "exercise": "barbell-hip-thrust",
        "load_kg": 62.5,
        "sets": 3,
        "reps": [8, 8, 8],
        "rep_range": [8, 12],
        "rule": "add-load",
        "reason": "All 3 sets reached 12 reps at 60 kg last time, so add 2.5 kg and start "
        "again at 8 reps.",
    }
    rdl = doc["suggestions"][1]
    assert (rdl["rule"], rdl["reps"]) == ("add-reps", [11, 11, 10])
    drill = doc["suggestions"][2]
    assert (drill["rule"], drill["warmup"], drill["load_kg"]) == ("maintain", True, None)
    for w in doc["warnings"]:
        assert set(w) == {"code", "message"}


def test_only_exercises_trained_in_the_lookback_window() -> None:
    old = session(days(0), ("kettlebell-swing", "16x15 16x15 16x15"))
    recent = session(days(91), ("barbell-hip-thrust", "60x10 60x10 60x10"))
    plan = build_plan([old, recent], ALL, S, days(91))
    assert [s.exercise for s in plan.suggestions] == ["barbell-hip-thrust"]
    plan = build_plan([old, recent], ALL, S, days(90, hour=19))
    assert [s.exercise for s in plan.suggestions] == ["kettlebell-swing"]  # 90 days: still in


def test_sessions_after_as_of_are_ignored() -> None:
    plan = build_plan(history(), ALL, S, days(3, hour=12))
    assert plan.next_session.earliest == days(2)
    assert plan.next_session.sessions_last_7_days == 1


def test_custom_exercises_come_after_the_catalog() -> None:
    frog = with_(BIRD_DOG, slug="frog-pump", name="Frog pump", custom=True, position=0)
    frog = with_(frog, load_kind=ALL[0].load_kind)  # bodyweight
    h = [session(days(0), ("frog-pump", "x20 x20 x20"), ("bird-dog", "x8 x8"))]
    plan = build_plan(h, [frog, *ALL], S, days(2))
    assert [s.exercise for s in plan.suggestions] == ["bird-dog", "frog-pump"]
    assert plan.suggestions[1].rule == "add-reps"


def test_unknown_slugs_are_skipped() -> None:
    h = [session(days(0), ("bench-press", "60x8 60x8 60x8"))]
    assert build_plan(h, ALL, S, days(2)).suggestions == ()


def test_overrides_reach_the_plan() -> None:
    s = ProgressionSettings(exercise_overrides={"barbell-hip-thrust": ExerciseOverride(sets=4)})
    plan = build_plan(history(), ALL, s, days(8))
    thrust = plan.suggestions[0]
    # three sets at 60 kg in each of three sessions fall short of four sets: a deload
    assert (thrust.sets, thrust.rule, thrust.load_kg) == (4, "deload", 52.5)


def test_the_same_history_gives_the_same_plan() -> None:
    h = history()
    assert build_plan(h, ALL, S, days(8)) == build_plan(list(reversed(h)), ALL, S, days(8))


def test_plan_over_the_real_catalog() -> None:
    catalog = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text()))
    h = [
        session(
            days(0), ("glute-bridge", "x20 x20 x20"), ("kettlebell-swing", "12x20 12x20 12x20")
        ),
        session(
            days(3), ("glute-bridge", "x20 x20 x20"), ("kettlebell-swing", "12x22 12x22 12x22")
        ),
        session(days(5), ("step-up", "L:x20 R:x18 L:x20 R:x19 L:x20 R:x20")),
    ]
    plan = build_plan(h, catalog, S, days(7))
    got = {s.trained_exercise: (s.exercise, s.rule, s.load_kg) for s in plan.suggestions}
    assert got == {
        "glute-bridge": ("single-leg-glute-bridge", "next-variation", None),
        "kettlebell-swing": ("kettlebell-swing", "add-load", 14.0),
        "step-up": ("step-up", "add-reps", None),
    }
    doc = plan_to_json(plan)
    assert doc["suggestions"][0]["trained_exercise"] == "glute-bridge"


def test_plan_over_a_long_history_covers_every_rule_without_error() -> None:
    catalog = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text()))
    start = datetime(2018, 1, 1, 18, 0)
    sessions = []
    for i in range(3000):
        when = start + timedelta(days=2 * i + (i % 3 == 0))
        reps = 8 + i % 6
        sessions.append(
            session(
                when,
                ("barbell-hip-thrust", f"w20x10 {40 + (i // 20) * 2.5}x{reps} " * 3),
                ("glute-bridge", "x15 x15 x15"),
                ("kettlebell-swing", f"{[12, 16, 20][i % 3]}x{10 + i % 12} " * 3),
                ("step-up", "L:x12 R:x12 " * 3),
            )
        )
    plan = build_plan(sessions, catalog, S, sessions[-1].started_at + timedelta(days=1))
    assert [s.trained_exercise for s in plan.suggestions] == [
        "glute-bridge",
        "barbell-hip-thrust",
        "kettlebell-swing",
        "step-up",
    ]
