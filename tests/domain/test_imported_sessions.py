"""Which sessions of an import file are new (the duplicate check of a second import)."""

from __future__ import annotations

from _domain_factories import session

from hiplog.domain.imported_sessions import new_sessions


def test_a_session_with_the_same_start_and_sets_is_skipped() -> None:
    stored = [session(0, ("barbell-hip-thrust", "60x12 60x12"))]
    again = session(0, ("barbell-hip-thrust", "60x12 60x12"))
    later = session(2, ("barbell-hip-thrust", "62.5x8"))
    fresh, skipped = new_sessions([again, later], stored, {})
    assert (fresh, skipped) == ([later], 1)


def test_same_start_with_other_sets_is_a_new_session() -> None:
    stored = [session(0, ("barbell-hip-thrust", "60x12 60x12"))]
    edited = session(0, ("barbell-hip-thrust", "60x12 60x11"))
    assert new_sessions([edited], stored, {}) == ([edited], 0)


def test_file_slugs_are_renamed_before_the_comparison() -> None:
    stored = [session(0, ("frog-pump-2", "x20"))]
    in_file = session(0, ("frog-pump", "x20"))
    other = session(1, ("frog-pump", "x25"))
    fresh, skipped = new_sessions([in_file, other], stored, {"frog-pump": "frog-pump-2"})
    assert skipped == 1
    assert [s.exercise for s in fresh[0].sets] == ["frog-pump-2"]
