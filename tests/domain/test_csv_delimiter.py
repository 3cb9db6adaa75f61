"""The one delimiter detector agrees for format detection and for reading the rows."""

from __future__ import annotations

import pytest

from hiplog.domain.csv_delimiter import split_header
from hiplog.domain.errors import InputError
from hiplog.domain.formats import header_columns
from hiplog.domain.importers.csv_input import header_and_rows, sniff_delimiter

# More commas than semicolons, all inside quotes: counting characters would pick the comma.
QUOTED = '"Weight (kg, lb, or st)";Reps;Date'


def test_a_quoted_header_cell_with_commas_does_not_fool_the_detector() -> None:
    assert split_header(QUOTED) == (";", ["Weight (kg, lb, or st)", "Reps", "Date"])


def test_format_detection_and_the_reader_split_the_quoted_header_alike() -> None:
    assert sniff_delimiter(QUOTED, "f.csv") == ";"
    assert header_columns(QUOTED) == ["weight (kg, lb, or st)", "reps", "date"]
    header, rows = header_and_rows(QUOTED + "\n60;8;2026-11-02\n", "f.csv")
    assert header == ["Weight (kg, lb, or st)", "Reps", "Date"]
    assert list(rows) == [(2, ["60", "8", "2026-11-02"])]


@pytest.mark.parametrize(
    ("line", "delimiter"), [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("a,b;c", ",")]
)
def test_plain_headers(line: str, delimiter: str) -> None:
    assert sniff_delimiter(line, "f.csv") == delimiter


def test_a_line_without_any_delimiter_is_not_a_header() -> None:
    with pytest.raises(InputError, match="not a CSV header"):
        sniff_delimiter("just some words", "f.csv")
