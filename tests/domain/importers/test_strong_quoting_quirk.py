"""Strong writes a note in doubled quotes without quotes around it (`,""bro curls"",`): the row
is read with the note as written, and only what cannot be read is refused, by file and line."""

from __future__ import annotations

import json

import pytest

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.strong import read_strong
from hiplog.domain.units import Unit
from hiplog.resources import resource_path

CATALOG = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"  # noqa: E501


def test_a_note_in_unescaped_doubled_quotes_is_read_as_written() -> None:
    text = (
        HEADER
        + '2024-01-02 18:00:00,Pull,1h,Bicep Curl (Dumbbell),1,10,12,0,0,""bro curls"",,\n'
        + "2024-01-02 18:00:00,Pull,1h,Hip Thrust (Barbell),1,60,12,0,0,,,\n"
        + '2024-01-02 18:00:00,Pull,1h,Hip Thrust (Barbell),2,60,10,0,0,"a ""real"" note",,\n'
    )
    data = read_strong(text, "strong.csv", CATALOG, Unit.KG)
    sets = data.sessions[0].sets
    assert [s.notes for s in sets] == ['"bro curls"', "", 'a "real" note']
    assert [s.reps for s in sets] == [12, 12, 10]


def test_a_row_that_cannot_be_read_is_refused_naming_file_and_line() -> None:
    text = (
        HEADER
        + "2024-01-02 18:00:00,Pull,1h,Hip Thrust (Barbell),1,60,12,0,0,,,\n"
        + '2024-01-02 18:00:00,Pull,1h,Hip Thrust (Barbell),2,60,10,0,0,"x"y,,\n'
    )
    with pytest.raises(InputError) as caught:
        read_strong(text, "strong.csv", CATALOG, Unit.KG)
    assert caught.value.where == "strong.csv line 3"
