"""Formula neutralisation is reversible for every string."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiplog.domain.spreadsheet_safety import escape, unescape


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2 reps", "'-2 reps"),
        ("@home", "'@home"),
        ("'=x", "''=x"),
        ("''-", "'''-"),
        ("", ""),
        ("'quoted'", "'quoted'"),
        ("a=b", "a=b"),
        (" =x", " =x"),
    ],
)
def test_escape(text: str, cell: str) -> None:
    assert escape(text) == cell
    assert unescape(cell) == text


@given(st.text(alphabet=st.sampled_from("'=+-@a ")) | st.text())
def test_unescape_undoes_escape_and_no_cell_starts_a_formula(text: str) -> None:
    cell = escape(text)
    assert unescape(cell) == text
    assert cell[:1] not in ("=", "+", "-", "@")
