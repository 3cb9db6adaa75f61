"""Personal records: a set is a record only when it beats something comparable."""

from __future__ import annotations

import pytest

from hiplog.domain.models import Exercise, Length, LoadKind, SetEntry
from hiplog.domain.records import RecordKind, describe, records_in_order, set_records

THRUST = Exercise(
    slug="barbell-hip-thrust",
    name="Barbell hip thrust",
    load_kind=LoadKind.EXTERNAL,
    length=Length.SHORT,
    muscles=("glute max",),
    sets=3,
    rep_range=(8, 12),
)
BRIDGE = Exercise(
    slug="glute-bridge",
    name="Glute bridge",
    load_kind=LoadKind.BODYWEIGHT,
    length=Length.SHORT,
    muscles=("glute max",),
    sets=3,
    rep_range=(12, 20),
)


def s(load: float | None, reps: int, slug: str = "barbell-hip-thrust", **kw: object) -> SetEntry:
    return SetEntry(exercise=slug, order=1, reps=reps, load_kg=load, **kw)  # type: ignore[arg-type]


H = RecordKind.HEAVIEST_FOR_REPS
E = RecordKind.BEST_E1RM
M = RecordKind.MOST_REPS_AT_LOAD


@pytest.mark.parametrize(
    ("entry", "earlier", "expected"),
    [
        # Nothing before: nothing to beat.
        (s(60, 10), [], ()),
        # Heavier for the same reps, and a better estimate.
        (s(62.5, 10), [s(60, 10)], (H, E)),
        # More reps at the same load (and so a better estimate).
        (s(60, 11), [s(60, 10)], (E, M)),
        # Heavier than ever for 8+, but the 10-rep set estimates higher: no e1RM record.
        (s(62.5, 8), [s(60, 10), s(55, 8)], (H,)),
        # Equal is not a record.
        (s(60, 10), [s(60, 10)], ()),
        # Warm-ups neither set nor hold records.
        (s(80, 10, warmup=True), [s(60, 10)], ()),
        (s(62.5, 10), [s(100, 10, warmup=True), s(60, 10)], (H, E)),
        # Flagged imports are left out like warm-ups.
        (s(62.5, 10), [s(900, 10, flagged=True), s(60, 10)], (H, E)),
        # Other exercises do not count.
        (s(40, 10), [s(60, 10, slug="romanian-deadlift")], ()),
        # Above 12 reps there is no e1RM; more reps at the load still counts.
        (s(60, 15), [s(60, 14)], (M,)),
    ],
)
def test_set_records(
    entry: SetEntry, earlier: list[SetEntry], expected: tuple[RecordKind, ...]
) -> None:
    assert set_records(entry, earlier, THRUST) == expected


def test_bodyweight_work_records_most_reps() -> None:
    earlier = [s(None, 15, "glute-bridge"), s(None, 16, "glute-bridge")]
    assert set_records(s(None, 18, "glute-bridge"), earlier, BRIDGE) == (M,)
    assert set_records(s(None, 16, "glute-bridge"), earlier, BRIDGE) == ()


def test_records_in_order_counts_earlier_sets_of_the_same_session() -> None:
    history = [s(60, 10)]
    today = [s(60, 11), s(60, 11), s(60, 12)]
    assert records_in_order(history, today, THRUST) == [(E, M), (), (E, M)]


def test_describe_in_words() -> None:
    assert describe(()) == ""
    assert describe((H,)) == "Personal record: heaviest load for these reps."
    assert describe((H, E, M)) == (
        "Personal record: heaviest load for these reps, best estimated one-rep max "
        "and most reps at this load."
    )
