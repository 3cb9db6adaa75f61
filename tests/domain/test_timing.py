"""Session timing (48 h, two to three a week) and the plan's warnings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from _domain_factories import HIP_THRUST_BB, days, lookup, session, with_

from hiplog.domain.models import Exercise, Session
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.timing import (
    hip_session_times,
    next_session,
    session_finished,
    timing_warnings,
)

S = ProgressionSettings()
THRUST = ("barbell-hip-thrust", "60x10 60x10 60x10")  # 3 direct glute sets, short length
RDL = ("romanian-deadlift", "60x10 60x10 60x10")  # 1.5 indirect glute sets, long length


def status_at(history: list[Session], as_of: datetime) -> tuple[datetime | None, int, str]:
    nxt = next_session(hip_session_times(history, lookup, as_of), S, as_of)
    return nxt.earliest, nxt.sessions_last_7_days, nxt.status


def codes(history: list[Session], as_of: datetime, s: ProgressionSettings = S) -> list[str]:
    times = hip_session_times(history, lookup, as_of)
    return [w.code for w in timing_warnings(history, times, lookup, s, as_of)]


def test_no_sessions_yet() -> None:
    assert status_at([], days(0)) == (None, 0, "behind")
    assert codes([], days(0)) == []


def test_earliest_is_48_hours_after_the_last_session() -> None:
    history = [session(days(0), THRUST)]
    earliest, _, status = status_at(history, days(1))
    assert earliest == days(2)
    assert status == "recover"


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (days(2) - timedelta(minutes=1), "recover"),
        (days(2), "behind"),  # exactly 48 h: recovered; one session in 7 days
    ],
)
def test_exactly_48_hours_is_enough(as_of: datetime, status: str) -> None:
    assert status_at([session(days(0), THRUST)], as_of)[2] == status


def test_ahead_ok_and_behind() -> None:
    three = [session(days(d), THRUST) for d in (0, 2, 4)]
    assert status_at(three, days(6)) == (days(6), 3, "ahead")
    two = [session(days(d), THRUST) for d in (0, 3)]
    assert status_at(two, days(6))[1:] == (2, "ok")
    # the first session is exactly 7 days before as-of: outside the window
    assert status_at(two, days(7))[1:] == (1, "behind")


def test_sessions_after_as_of_and_non_hip_sessions_do_not_count() -> None:
    history = [
        session(days(0), THRUST),
        session(days(1), ("bench-press", "60x8")),  # not in the catalog
        session(days(1, hour=20), ("bird-dog", "x8 x8")),  # a warm-up drill only
        session(days(1, hour=21), ("barbell-hip-thrust", "w40x10")),  # warm-up sets only
        session(days(9), THRUST),
    ]
    assert status_at(history, days(3)) == (days(2), 1, "behind")


def test_recovery_hours_are_a_setting() -> None:
    s = ProgressionSettings(recovery_hours=72)
    times = hip_session_times([session(days(0), THRUST)], lookup, days(2))
    assert next_session(times, s, days(2)).status == "recover"


def test_short_recovery_warning() -> None:
    history = [session(days(0), THRUST, RDL), session(days(1, hour=12), THRUST, RDL)]
    found = codes(history, days(3))
    assert "short-recovery" in found
    history = [session(days(0), THRUST, RDL), session(days(2), THRUST, RDL)]  # exactly 48 h
    assert "short-recovery" not in codes(history, days(3))


def test_volume_warnings_count_direct_and_indirect_sets() -> None:
    # 3 sessions x (3 direct + 1.5 indirect) = 13.5 glute sets: in range
    history = [session(days(d), THRUST, RDL) for d in (0, 2, 4)]
    assert not {"low-volume", "high-volume"} & set(codes(history, days(5)))
    # 2 sessions x 4.5 = 9: below 10
    assert "low-volume" in codes(history[:2], days(3))
    # 5 sessions x 4.5 = 22.5: above 20
    many = [session(days(d), THRUST, RDL) for d in (0, 1, 2, 3, 4)]
    assert "high-volume" in codes(many, days(5))


def test_easy_sets_are_not_counted_towards_volume() -> None:
    from _domain_factories import parse_sets

    easy = Session(days(0), tuple(parse_sets("barbell-hip-thrust", "60x10 " * 12, rir=6)))
    assert "low-volume" in codes([easy], days(1))


def test_coverage_warnings() -> None:
    only_short = [session(days(0), THRUST), session(days(2), THRUST), session(days(4), THRUST)]
    found = codes(only_short, days(5))
    assert "coverage-long" in found and "coverage-short" not in found
    only_long = [session(days(d), RDL) for d in (0, 2, 4)]
    found = codes(only_long, days(5))
    assert "coverage-short" in found and "coverage-long" not in found
    both = [session(days(0), THRUST, RDL)]
    assert not {"coverage-short", "coverage-long"} & set(codes(both, days(1)))


def test_warning_messages_are_plain_sentences_with_numbers() -> None:
    history = [session(days(0), THRUST), session(days(1), THRUST)]
    times = hip_session_times(history, lookup, days(3))
    warnings = {w.code: w.message for w in timing_warnings(history, times, lookup, S, days(3))}
    assert "24 hours" in warnings["short-recovery"]
    assert "6 hard sets" in warnings["low-volume"]
    for message in warnings.values():
        assert message[0].isupper() and message.endswith(".")


def test_custom_exercise_with_hip_muscles_counts() -> None:
    frog = with_(HIP_THRUST_BB, slug="frog-pump", custom=True)

    def custom_lookup(slug: str) -> Exercise | None:
        return frog if slug == "frog-pump" else lookup(slug)

    history = [session(days(0), ("frog-pump", "x20 x20"))]
    assert hip_session_times(history, custom_lookup, days(1)) == [days(0)]


def test_a_session_is_finished_an_hour_after_its_start_and_its_last_new_set() -> None:
    start = datetime(2026, 11, 28, 18, 0)
    assert not session_finished(start, None, start + timedelta(minutes=59))
    assert session_finished(start, None, start + timedelta(hours=2))
    # still adding sets after an hour and a half: not finished
    recent = start + timedelta(minutes=90)
    assert not session_finished(start, recent, start + timedelta(minutes=100))
    assert session_finished(start, recent, start + timedelta(minutes=151))
