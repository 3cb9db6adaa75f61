"""The pseudo-translation: 40% longer, in markers, placeholders and markup intact."""

from __future__ import annotations

import math

import pytest

from hiplog.domain.pseudo_locale import CLOSE, OPEN, pseudo_translate


@pytest.mark.parametrize("text", ["Save", "Next session", "&Open…", "A", "Estimated one-rep max"])
def test_every_text_is_marked_and_forty_percent_longer(text: str) -> None:
    result = pseudo_translate(text)
    assert result.startswith(OPEN + text) and result.endswith(CLOSE)
    assert len(result) - 2 == len(text) + math.ceil(len(text) * 0.4)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Add {load} for {reps} reps", ["{load}", "{reps}"]),
        ("%s of %(count)d", ["%s", "%(count)d"]),
        ("<b>Warm-up</b> &amp; work", ["<b>", "</b>", "&amp;"]),
        ("{value:.1f} kg", ["{value:.1f}"]),
    ],
)
def test_placeholders_and_markup_stay_intact(text: str, kept: list[str]) -> None:
    result = pseudo_translate(text)
    for piece in kept:
        assert result.count(piece) == text.count(piece)


def test_placeholders_do_not_count_towards_the_stretch() -> None:
    assert pseudo_translate("{count} sets") == "⟦{count} sets~~⟧"


def test_a_final_line_break_stays_last() -> None:
    assert pseudo_translate("Done\n") == "⟦Done~~⟧\n"
