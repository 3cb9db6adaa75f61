"""Which sessions of an import file are new: renamed onto the database's exercise slugs, and
without the sessions hiplog already holds (the same start time and the same sets)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from hiplog.domain.models import Session


def session_signature(session: Session) -> tuple[object, ...]:
    """What makes two sessions the same import: every set's exercise, order, reps, load (to the
    gram), warm-up flag, side and RIR."""
    return tuple(
        (s.exercise, s.order, s.reps, round(s.load_kg or 0.0, 3), s.warmup, s.side, s.rir)
        for s in session.sets
    )


def with_slugs_renamed(session: Session, renamed: Mapping[str, str]) -> Session:
    """The session with every set's exercise slug passed through `renamed` (old -> new)."""
    if not renamed or not any(s.exercise in renamed for s in session.sets):
        return session
    return replace(
        session,
        sets=tuple(replace(s, exercise=renamed.get(s.exercise, s.exercise)) for s in session.sets),
    )


def new_sessions(
    file_sessions: Sequence[Session], stored: Iterable[Session], renamed: Mapping[str, str]
) -> tuple[list[Session], int]:
    """The file's sessions (slugs renamed) that are not already stored, and how many were.

    `stored` needs only the stored sessions that start at a time some file session starts at.
    """
    existing = {(e.started_at, session_signature(e)) for e in stored}
    fresh: list[Session] = []
    skipped = 0
    for session in file_sessions:
        session = with_slugs_renamed(session, renamed)
        if (session.started_at, session_signature(session)) in existing:
            skipped += 1
            continue
        fresh.append(session)
    return fresh, skipped
