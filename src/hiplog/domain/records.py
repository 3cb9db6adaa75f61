"""Personal records: does a set beat everything logged before it?

A record is only claimed against something comparable: the first time a person does an
exercise, or a rep count, or a load, nothing is beaten, so nothing is marked. This keeps the
badge meaningful instead of lighting up every set of a new exercise.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from hiplog.domain.metrics import effective_load, epley
from hiplog.domain.models import Exercise, SetEntry
from hiplog.domain.translation import _

_EPS = 1e-6


class RecordKind(StrEnum):
    HEAVIEST_FOR_REPS = "heaviest-for-reps"  # more load than ever for at least this many reps
    BEST_E1RM = "best-e1rm"  # the best estimated one-rep max so far
    MOST_REPS_AT_LOAD = "most-reps-at-load"  # more reps than ever at this load


RECORD_LABELS: dict[RecordKind, str] = {
    RecordKind.HEAVIEST_FOR_REPS: "heaviest load for these reps",
    RecordKind.BEST_E1RM: "best estimated one-rep max",
    RecordKind.MOST_REPS_AT_LOAD: "most reps at this load",
}


def set_records(
    entry: SetEntry,
    earlier: Sequence[SetEntry],
    exercise: Exercise,
    bodyweight_kg: float | None = None,
) -> tuple[RecordKind, ...]:
    """The records `entry` sets against the `earlier` sets of the same exercise.

    Warm-ups and flagged sets neither set nor hold records. Loads compare as external load; the
    e1RM uses the effective load (bodyweight share included), as the charts do.
    """
    if not entry.is_working or entry.reps <= 0:
        return ()
    previous = [s for s in earlier if s.is_working and s.exercise == entry.exercise]
    if not previous:
        return ()
    found: list[RecordKind] = []
    load = entry.external_kg
    if load > 0:
        at_least_as_many = [s.external_kg for s in previous if s.reps >= entry.reps]
        if at_least_as_many and load > max(at_least_as_many) + _EPS:
            found.append(RecordKind.HEAVIEST_FOR_REPS)
    estimate = epley(effective_load(entry.load_kg, exercise, bodyweight_kg), entry.reps)
    if estimate is not None:
        before = [
            e
            for s in previous
            if (e := epley(effective_load(s.load_kg, exercise, bodyweight_kg), s.reps)) is not None
        ]
        if before and estimate > max(before) + _EPS:
            found.append(RecordKind.BEST_E1RM)
    same_load = [s.reps for s in previous if abs(s.external_kg - load) < _EPS]
    if same_load and entry.reps > max(same_load):
        found.append(RecordKind.MOST_REPS_AT_LOAD)
    return tuple(found)


def records_in_order(
    history: Sequence[SetEntry],
    sets: Sequence[SetEntry],
    exercise: Exercise,
    bodyweight_kg: float | None = None,
) -> list[tuple[RecordKind, ...]]:
    """Records of each of `sets` (one session, in the order done) against the history and the
    sets done before it in the session."""
    seen = list(history)
    out: list[tuple[RecordKind, ...]] = []
    for entry in sets:
        out.append(set_records(entry, seen, exercise, bodyweight_kg))
        seen.append(entry)
    return out


def describe(kinds: Sequence[RecordKind]) -> str:
    """'Personal record: heaviest load for these reps and most reps at this load.'"""
    if not kinds:
        return ""
    labels = [RECORD_LABELS[k] for k in kinds]
    text = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    return _("Personal record: {text}.").format(text=text)
