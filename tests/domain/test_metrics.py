"""Effective load, e1RM, per-session stats and weekly hard sets, checked by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from _domain_factories import (
    BACK_EXT,
    DB_RDL,
    HIP_THRUST_BB,
    RDL,
    STEP_UP,
    days,
    lookup,
    parse_sets,
    session,
)

from hiplog.domain.metrics import (
    effective_load,
    epley,
    exercise_stats,
    hard_sets_between,
    stats_to_json,
    weekly_hard_sets,
    weekly_volume,
)
from hiplog.domain.models import Length, Session


def test_effective_load_counts_implements_and_bodyweight_share() -> None:
    assert effective_load(60.0, HIP_THRUST_BB, 80.0) == 60.0
    assert effective_load(20.0, DB_RDL, None) == 40.0  # a pair of 20 kg dumbbells
    assert effective_load(None, BACK_EXT, 80.0) == pytest.approx(54.4)  # 0.68 x 80
    assert effective_load(10.0, STEP_UP, 70.0) == 90.0  # 2 x 10 + 70
    assert effective_load(None, STEP_UP, None) == 0.0


@pytest.mark.parametrize(
    ("load", "reps", "expected"),
    [(60.0, 12, 84.0), (100.0, 1, 100 * 31 / 30), (60.0, 13, None), (60.0, 0, None), (0, 5, None)],
)
def test_epley_only_for_1_to_12_reps_with_a_load(
    load: float, reps: int, expected: float | None
) -> None:
    assert epley(load, reps) == (pytest.approx(expected) if expected else None)


def test_stats_match_the_hand_computation() -> None:
    s = session(days(0), ("barbell-hip-thrust", "w20x10 w40x5 60x12 60x12 60x10"))
    (row,) = exercise_stats([s], HIP_THRUST_BB, None)
    assert (row.sets, row.reps, row.best_reps) == (3, 34, 12)
    assert row.volume_kg == 2040.0
    assert row.top_load_kg == 60.0
    assert row.e1rm_kg == pytest.approx(84.0)
    assert stats_to_json("barbell-hip-thrust", [row]) == {
        "exercise": "barbell-hip-thrust",
        "sessions": [
            {
                "date": "2026-11-02T18:00",
                "sets": 3,
                "reps": 34,
                "volume_kg": 2040.0,
                "top_load_kg": 60.0,
                "e1rm_kg": 84.0,
                "best_reps": 12,
            }
        ],
    }


def test_several_loads_in_one_session() -> None:
    s = session(days(0), ("romanian-deadlift", "50x12 60x8 60x6 40x15"))
    (row,) = exercise_stats([s], RDL, None)
    assert row.top_load_kg == 60.0
    assert row.best_reps == 8  # most reps at the top load, not the 15 at 40 kg
    assert row.volume_kg == 50 * 12 + 60 * 8 + 60 * 6 + 40 * 15
    assert row.e1rm_kg == pytest.approx(max(50 * 1.4, 60 * (1 + 8 / 30)))  # 15 reps: no estimate


def test_bodyweight_work_has_no_top_load_or_e1rm_without_a_share() -> None:
    from _domain_factories import GLUTE_BRIDGE

    s = session(days(0), ("glute-bridge", "x20 x18 x15"))
    (row,) = exercise_stats([s], GLUTE_BRIDGE, 70.0)
    assert row.top_load_kg is None and row.e1rm_kg is None
    assert (row.volume_kg, row.best_reps, row.reps) == (0.0, 20, 53)
    assert stats_to_json("glute-bridge", [row])["sessions"][0]["e1rm_kg"] is None


def test_bodyweight_share_gives_volume_and_e1rm() -> None:
    s = session(days(0), ("back-extension-45", "x12 x10"), bodyweight_kg=80.0)
    (row,) = exercise_stats([s], BACK_EXT, None)
    assert row.volume_kg == pytest.approx(22 * 54.4)
    assert row.e1rm_kg == pytest.approx(54.4 * 1.4)
    assert stats_to_json("back-extension-45", [row])["sessions"][0]["volume_kg"] == 1196.8


def test_stats_are_oldest_first_and_skip_sessions_without_working_sets() -> None:
    later = session(days(3), ("barbell-hip-thrust", "62.5x8"))
    earlier = session(days(0), ("barbell-hip-thrust", "60x8"))
    warm_only = session(days(1), ("barbell-hip-thrust", "w40x5"))
    other = session(days(2), ("romanian-deadlift", "60x8"))
    rows = exercise_stats([later, warm_only, other, earlier], HIP_THRUST_BB, None)
    assert [r.top_load_kg for r in rows] == [60.0, 62.5]
    doc = stats_to_json("barbell-hip-thrust", rows)
    json.dumps(doc)  # serialisable as is
    assert [d["date"] for d in doc["sessions"]] == ["2026-11-02T18:00", "2026-11-05T18:00"]


def test_weekly_hard_sets_direct_and_indirect() -> None:
    monday = date(2026, 11, 2)
    week = [
        session(days(0), ("barbell-hip-thrust", "w40x5 60x12 60x12 60x10")),
        # RDL: hamstrings first, glute max and adductor magnus indirect
        session(days(2), ("romanian-deadlift", "60x8 60x8")),
        # bird dog is a warm-up drill: no hard sets, no session
        session(days(4), ("bird-dog", "x8 x8")),
    ]
    vols = weekly_hard_sets(week, lookup)
    assert vols == {monday: {"glute max": 4.0, "hamstrings": 2.0, "adductor magnus": 1.0}}
    assert {w.week: w.sessions for w in weekly_volume(week, lookup)} == {monday: 2}
    assert {w.week: dict(w.length_sets) for w in weekly_volume(week, lookup)} == {
        monday: {Length.SHORT: 3.0, Length.LONG: 2.0}
    }


def test_easy_sets_are_not_hard_sets() -> None:
    sets = parse_sets("barbell-hip-thrust", "60x12", rir=5) + parse_sets(
        "barbell-hip-thrust", "60x12", rir=4
    )
    s = Session(started_at=days(0), sets=tuple(sets))
    (wv,) = weekly_volume([s], lookup)
    assert wv.muscle_sets == {"glute max": 1.0}
    assert wv.sessions == 1  # an easy working set still makes it a session


def test_one_sided_sets_count_half() -> None:
    s = Session(
        started_at=days(0),
        sets=tuple(parse_sets("step-up", "L:x15 R:x15 L:x15 R:x15")),
    )
    (wv,) = weekly_volume([s], lookup)
    assert wv.muscle_sets["glute max"] == 2.0


def test_unknown_exercises_do_not_count() -> None:
    s = session(days(0), ("bench-press", "60x8 60x8"))
    assert weekly_volume([s], lookup) == []


def test_weeks_without_training_are_filled_with_zeros() -> None:
    s1 = session(days(0), ("barbell-hip-thrust", "60x10"))
    s2 = session(days(15), ("barbell-hip-thrust", "60x10"))
    weeks = weekly_volume([s2, s1], lookup)
    assert [w.week for w in weeks] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert [w.sessions for w in weeks] == [1, 0, 1]
    assert weeks[1].muscle_sets == {}


def test_hard_sets_between_uses_a_half_open_window() -> None:
    end = days(7)
    inside = session(days(0, hour=19), ("barbell-hip-thrust", "60x10"))
    edge = session(days(0), ("barbell-hip-thrust", "60x10 60x10"))  # exactly 7 days before
    wv = hard_sets_between([inside, edge], lookup, end - timedelta(days=7), end)
    assert wv.sessions == 1
    assert wv.muscle_sets == {"glute max": 1.0}


def test_weekly_volume_over_many_sessions() -> None:
    start = datetime(2015, 1, 5, 18, 0)
    sessions = [
        session(
            start + timedelta(days=2 * i + (i % 2)),
            ("barbell-hip-thrust", "w40x8 60x12 60x11 60x10"),
            ("romanian-deadlift", "50x10 50x10"),
            ("bird-dog", "x8"),
        )
        for i in range(3000)
    ]
    weeks = weekly_volume(sessions, lookup)
    assert sum(w.sessions for w in weeks) == 3000
    assert sum(w.muscle_sets["glute max"] for w in weeks if w.sessions) == 3000 * 4
