"""Renaming an athlete: a coach's first athlete ("Me") becomes the client's name, and nothing of
their training moves."""

from __future__ import annotations

from datetime import datetime

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.services import athletes, history, training_log
from hiplog.services.context import AppContext


def test_renaming_keeps_the_athletes_training_and_the_window_on_them(ctx: AppContext) -> None:
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 15)], datetime(2026, 11, 20, 18))
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Me")

    assert athletes.rename_athlete(ctx, "Me", "  Alex   Moreau ") == "Alex Moreau"

    assert ctx.athlete == "Alex Moreau"  # the athlete shown is still the same person
    assert [a.name for a in athletes.list_athletes(ctx)] == ["Alex Moreau", "Sam"]
    assert history.session_count(ctx) == 1
    assert history.previous_set(ctx, "glute-bridge", datetime(2026, 12, 1)) is not None
    ctx.use_athlete("Sam")
    assert history.session_count(ctx) == 0


def test_renaming_another_athlete_leaves_the_one_shown(ctx: AppContext) -> None:
    athletes.add_athlete(ctx, "Sam")
    ctx.use_athlete("Me")
    athletes.rename_athlete(ctx, "Sam", "Samira")
    assert ctx.athlete == "Me"
    assert ctx.athlete_names() == ["Me", "Samira"]


def test_a_change_of_case_is_a_rename(ctx: AppContext) -> None:
    athletes.add_athlete(ctx, "sam")
    assert athletes.rename_athlete(ctx, "sam", "Sam") == "Sam"
    assert ctx.athlete_names() == ["Me", "Sam"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Kim", "Kimberly", "there is no athlete 'Kim'"),
        ("Sam", "   ", "needs a name"),
        ("Sam", "me", "there is already an athlete called 'me'"),
        ("Sam", "x" * 201, "at most 200 characters"),
    ],
)
def test_an_unknown_athlete_or_a_bad_new_name_is_refused_and_nothing_changes(
    ctx: AppContext, old: str, new: str, message: str
) -> None:
    athletes.add_athlete(ctx, "Sam")
    with pytest.raises(InputError, match=message):
        athletes.rename_athlete(ctx, old, new)
    assert ctx.athlete_names() == ["Me", "Sam"]
