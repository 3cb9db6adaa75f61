"""Reading Hevy exports: the real files, set types, units in column names, malformed input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.hevy import read_hevy
from hiplog.domain.models import ImportedData
from hiplog.domain.units import KG_PER_LB

from .checks import assert_data_or_refusal, assert_refused
from .fuzzing import mutated_exports, real_samples

# Expected numbers per real file, computed independently of the reader by a one-off script with
# csv.DictReader: every row is a set (Hevy has no rest or note rows); sessions = distinct
# (start_time, title); reps = sum of int(reps or 0); volume = sum of reps x weight_kg, or
# reps x weight_lbs x 0.45359237, rounded to 0.1; flagged = rows with reps or kg > 1000 (none).
# Columns: file, (sets, rest rows, note rows, sessions, reps, reps x kg, flagged).
REAL_FILES = [
    ("Frefdt__Fitnotes-To-Strong-Converter__workout_data2.csv", (57, 0, 0, 3, 164, 2151.0, 0)),
    ("Jake-Leicht__Hevy-Dashboard-App__HevyData_20240912.csv",
     (681, 0, 0, 32, 7408, 242947.9, 0)),
    ("NathanN-275__Lifting-stats__workout_data.csv", (9436, 0, 0, 590, 86195, 3249591.6, 0)),
    ("StvrvDimitris__hevy-analyzer__workout_data.csv", (4063, 0, 0, 232, 40138, 1609855.5, 0)),
]  # fmt: skip

HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
ROW = (
    '"Lower","9 Apr 2026, 17:18","9 Apr 2026, 18:05","","Hip Thrust (Barbell)",,"",0,"normal",'
    "80,6,,,"
)


def read(text: str, catalog: Catalog) -> ImportedData:
    return read_hevy(text, "hevy.csv", catalog)


@pytest.mark.parametrize(("name", "expected"), REAL_FILES)
def test_real_exports_import_every_set(
    name: str,
    expected: tuple[int, int, int, int, int, float, int],
    catalog: Catalog,
    format_file: Callable[[str, str], Path],
    summarise: Callable[[ImportedData], tuple[int, int, int, int, int, float, int]],
) -> None:
    data = read_hevy(format_file("hevy", name).read_text(encoding="utf-8"), name, catalog)
    assert summarise(data) == expected
    assert data.rows_read == expected[0]
    assert data.source_format == "hevy"


def test_real_export_set_types_and_notes(
    catalog: Catalog, format_file: Callable[[str, str], Path]
) -> None:
    name = "StvrvDimitris__hevy-analyzer__workout_data.csv"
    data = read(format_file("hevy", name).read_text(encoding="utf-8"), catalog)
    sets = [s for session in data.sessions for s in session.sets]
    # By hand (csv.DictReader): 186 warmup rows, 112 failure, 74 dropset; RPE on 1596 rows.
    assert sum(s.warmup for s in sets) == 186
    assert sum(s.notes.startswith("[failure]") for s in sets) == 112
    assert sum(s.notes.startswith("[drop set]") for s in sets) == 74
    assert sum(s.rir is not None for s in sets) == 1596
    latest = data.sessions[-1]
    assert latest.started_at == datetime(2026, 4, 9, 17, 18)
    assert [(s.rir, s.order) for s in latest.sets[:3]] == [(4, 1), (3, 2), (2, 3)]  # RPE 6, 7, 7.5


def test_pounds_single_digit_hours_and_minimal_quoting(
    catalog: Catalog, format_file: Callable[[str, str], Path]
) -> None:
    name = "Jake-Leicht__Hevy-Dashboard-App__HevyData_20240912.csv"
    data = read(format_file("hevy", name).read_text(encoding="utf-8"), catalog)
    first = data.sessions[0]
    assert first.started_at == datetime(2024, 7, 24, 7, 7)
    newest = data.sessions[-1]
    warm = newest.sets[0]
    assert warm.warmup and warm.load_kg == pytest.approx(105 * KG_PER_LB) and warm.reps == 15


def test_set_types_notes_rpe_and_mixed_units(catalog: Catalog) -> None:
    header = HEADER.replace("distance_km", "distance_miles")
    rows = [
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Hip Thrust (Barbell)",,'
        '"squeeze",0,"warmup",60,10,,,',
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Hip Thrust (Barbell)",,'
        '"squeeze",1,"normal",100,8,,,8.5',
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Hip Thrust (Barbell)",,'
        '"squeeze",2,"failure",100,6,,,10',
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Hip Thrust (Barbell)",,'
        '"squeeze",3,"dropset",60,12,,,',
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Treadmill",,"",0,"normal",'
        ",,1.5,900,",
        '"Legs","1 Mar 2024, 15:00","1 Mar 2024, 16:21","heavy day","Plank",,"",0,"normal",,,,60,',
    ]
    data = read("\n".join([header, *rows]), catalog)
    (session,) = data.sessions
    assert session.notes == "heavy day"
    warm, normal, failure, drop = session.sets_of("barbell-hip-thrust")
    assert warm.warmup and warm.notes == "squeeze" and warm.order == 1
    assert normal.rir == 1 and normal.notes == ""
    assert failure.rir == 0 and failure.notes == "[failure]"
    assert drop.notes == "[drop set]" and drop.order == 4
    run, plank = session.sets[4:]
    assert run.distance_m == pytest.approx(1.5 * 1609.344) and run.duration_s == 900
    assert run.reps == 0 and run.load_kg is None
    assert plank.duration_s == 60 and plank.distance_m is None


def test_workouts_are_start_time_plus_title_and_repeats_are_kept(catalog: Catalog) -> None:
    other = ROW.replace('"Lower"', '"Upper"')
    data = read("\n".join([HEADER, ROW, ROW, other]), catalog)
    assert [len(s.sets) for s in data.sessions] == [2, 1]
    assert [s.order for s in data.sessions[0].sets] == [1, 2]


def test_impossible_values_are_flagged_with_their_line(catalog: Catalog) -> None:
    huge = ROW.replace(",80,6,", ",80,877777,")
    data = read("\n".join([HEADER, ROW, huge]), catalog)
    assert [s.flagged for s in data.sessions[0].sets] == [False, True]
    assert [line for line, _ in data.flagged_lines] == [3]


def test_a_negative_load_is_refused_with_its_line(catalog: Catalog) -> None:
    negative = ROW.replace(",80,6,", ",-80,6,")
    with pytest.raises(InputError, match=r"hevy\.csv line 3: load"):
        read("\n".join([HEADER, ROW, negative]), catalog)


def test_header_only_is_zero_sets(catalog: Catalog) -> None:
    data = read(HEADER, catalog)
    assert data.sessions == [] and data.rows_read == 0


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", "hevy.csv line 1", "empty"),
        ("\x00\x00\x00", "hevy.csv line 1", "binary"),
        ("title,start_time\nx,y", "hevy.csv line 1", "not a Hevy export"),
        (HEADER + "\n" + ROW[:60], "hevy.csv line 2", "cut off"),
        (HEADER + "\n" + ROW.rsplit(",", 2)[0], "hevy.csv line 2", "fields"),
        (HEADER + "\n" + ROW.replace(",80,", ",eighty,"), "hevy.csv line 2", "not a number"),
        (HEADER + "\n" + ROW.replace("9 Apr 2026, 17:18", "31 Apr 2026, 17:18"),
         "hevy.csv line 2", "not a valid date"),
        (HEADER + "\n" + ROW.replace("9 Apr 2026, 17:18", "9 Foo 2026, 17:18"),
         "hevy.csv line 2", "not a Hevy time"),
        (HEADER + "\n" + ROW.replace('"normal"', '"superslow"'), "hevy.csv line 2",
         "set_type"),
        (HEADER.replace(",", ";") + "\n" + ROW, "hevy.csv line 2", "delimiter"),
    ],
)  # fmt: skip
def test_malformed_input_names_the_line(
    text: str, where: str, message: str, catalog: Catalog
) -> None:
    assert_refused(lambda: read(text, catalog), where, message)


def _mutations() -> st.SearchStrategy[str]:
    """Real rows of the exports beside FORMATS.md, and rows written here, mutated."""
    written = (
        HEADER,
        [ROW, ROW.replace('"normal",80,6,,,', '"warmup",,,1.2,300,9.5')],
    )
    return mutated_exports([*real_samples("hevy"), written])


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(), _mutations()))
def test_fuzz_returns_data_or_input_error(text: str) -> None:
    assert_data_or_refusal(lambda: read_hevy(text, "fuzz.csv", Catalog([])))
