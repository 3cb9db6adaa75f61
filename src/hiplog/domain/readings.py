"""Reading a training log the way the progression rules see it.

- Only working sets count (``SetEntry.is_working``: not warm-ups, not flagged imports).
- Unilateral work is logged per side. Within a session the k-th left set is paired with the k-th
  right set (in logged order) and the pair is read as its weaker side: the fewer reps, at the
  lighter load. A set without a side counts for both sides; a set whose other side was never
  logged is read as it is.
- The rules later treat a session as loaded when a working set has an external load in kg, or
  else names a band (the band is then the load, ordered by the person's band list).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from hiplog.domain.models import Session, SetEntry


@dataclass(frozen=True)
class Reading:
    """One set as the rules read it (a unilateral pair already reduced to its weaker side)."""

    reps: int
    load_kg: float = 0.0  # external kg; 0 for none
    band: str | None = None


@dataclass(frozen=True)
class ExerciseSession:
    """All working sets of one exercise in one training session."""

    started_at: datetime
    readings: tuple[Reading, ...]
    bodyweight_kg: float | None = None


# --- reading the history -----------------------------------------------------------------------


def _reading(entry: SetEntry) -> Reading:
    return Reading(reps=entry.reps, load_kg=entry.external_kg, band=entry.band or None)


def _weaker(a: SetEntry, b: SetEntry) -> Reading:
    bands = [x.band for x in (a, b) if x.band]
    return Reading(
        reps=min(a.reps, b.reps),
        load_kg=min(a.external_kg, b.external_kg),
        band=bands[0] if len(bands) == 2 and bands[0] == bands[1] else (a.band or b.band),
    )


def read_sets(sets: Iterable[SetEntry]) -> tuple[Reading, ...]:
    """Working sets in logged order, with unilateral pairs read as their weaker side.

    The k-th L set pairs with the k-th R set; the pair takes the place of its first set.
    """
    working = sorted((s for s in sets if s.is_working), key=lambda s: s.order)
    placed: list[tuple[int, Reading]] = []
    waiting: dict[str, list[tuple[int, SetEntry]]] = {"L": [], "R": []}
    for pos, entry in enumerate(working):
        side = (entry.side or "").upper()
        if side not in waiting:
            placed.append((pos, _reading(entry)))
            continue
        other = waiting["R" if side == "L" else "L"]
        if other:
            first_pos, first = other.pop(0)
            placed.append((first_pos, _weaker(first, entry)))
        else:
            waiting[side].append((pos, entry))
    for queue in waiting.values():
        placed.extend((pos, _reading(entry)) for pos, entry in queue)
    placed.sort(key=lambda p: p[0])
    return tuple(r for _, r in placed)


def index_history(
    history: Iterable[Session], as_of: datetime | None = None
) -> dict[str, list[ExerciseSession]]:
    """Each exercise's sessions (oldest first), from sessions that started at or before as-of."""
    index: dict[str, list[ExerciseSession]] = {}
    for session in sorted(history, key=lambda s: s.started_at):
        if as_of is not None and session.started_at > as_of:
            continue
        by_slug: dict[str, list[SetEntry]] = {}
        for entry in session.sets:
            if entry.is_working:
                by_slug.setdefault(entry.exercise, []).append(entry)
        for slug, sets in by_slug.items():
            index.setdefault(slug, []).append(
                ExerciseSession(session.started_at, read_sets(sets), session.bodyweight_kg)
            )
    return index


def latest_bodyweight(history: Iterable[Session], as_of: datetime | None = None) -> float | None:
    """The most recent bodyweight recorded with a session at or before as-of."""
    best: tuple[datetime, float] | None = None
    for s in history:
        usable = s.bodyweight_kg and (as_of is None or s.started_at <= as_of)
        if usable and s.bodyweight_kg and (best is None or s.started_at > best[0]):
            best = (s.started_at, s.bodyweight_kg)
    return best[1] if best else None
