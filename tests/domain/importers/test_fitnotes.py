"""Reading FitNotes CSV exports: unquoted commas in names, units, one session per date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import Catalog
from hiplog.domain.importers.fitnotes import read_fitnotes_csv
from hiplog.domain.models import ImportedData
from hiplog.domain.units import KG_PER_LB

from .checks import assert_data_or_refusal, assert_refused
from .fuzzing import mutated_exports, real_samples

# Expected numbers per real file, computed independently of the reader by a one-off script that
# splits lines on commas by hand (the quoted Comment split off from the right first) and takes the
# fixed columns from the right end: every line is a set (FitNotes has no rest or note rows);
# sessions = distinct dates; reps = sum of Reps; volume = sum of reps x weight (x 0.45359237 for
# lbs), rounded to 0.1; flagged = none. Columns: file, (sets, rest, notes, sessions, reps,
# reps x kg, flagged), sets with a comment, total metres, total seconds.
REAL_FILES = [
    ("Frefdt__Fitnotes-To-Strong-Converter__fitnotes.csv",
     (854, 0, 0, 73, 7027, 209789.2, 0), 22, 0.0, 0.0),
    ("bilallb__Data-analysis__FitNotes_Export.csv",
     (1624, 0, 0, 78, 14207, 256297.5, 0), 0, 0.0, 0.0),
    ("labodyn__Tracking-health-and-body__FitNotes_Export.csv",
     (5583, 0, 0, 520, 31561, 2302130.5, 0), 0, 0.0, 0.0),
    ("moferg__fitnotes-data-viz__FitNotes_Export_2020_09_29.csv",
     (1411, 0, 0, 77, 13975, 369435.6, 0), 0, 16383.1, 10800.0),
]  # fmt: skip

NEW_HEADER = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
OLD_HEADER = "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time"


def read(text: str, catalog: Catalog) -> ImportedData:
    return read_fitnotes_csv(text, "fitnotes.csv", catalog)


@pytest.mark.parametrize(("name", "expected", "commented", "metres", "seconds"), REAL_FILES)
def test_real_exports_import_every_set(
    name: str,
    expected: tuple[int, int, int, int, int, float, int],
    commented: int,
    metres: float,
    seconds: float,
    catalog: Catalog,
    format_file: Callable[[str, str], Path],
    summarise: Callable[[ImportedData], tuple[int, int, int, int, int, float, int]],
) -> None:
    text = format_file("fitnotes", name).read_text(encoding="utf-8")
    data = read_fitnotes_csv(text, name, catalog)
    assert summarise(data) == expected
    assert data.rows_read == expected[0]
    assert data.source_format == "fitnotes"
    sets = [s for session in data.sessions for s in session.sets]
    assert sum(bool(s.notes) for s in sets) == commented
    assert round(sum(s.distance_m or 0 for s in sets), 1) == metres
    assert sum(s.duration_s or 0 for s in sets) == seconds
    assert all(s.started_at.time() == datetime.min.time() for s in data.sessions)


def test_unquoted_commas_stay_in_the_exercise_name(
    catalog: Catalog, format_file: Callable[[str, str], Path]
) -> None:
    name = "bilallb__Data-analysis__FitNotes_Export.csv"
    data = read(format_file("fitnotes", name).read_text(encoding="utf-8"), catalog)
    names = {ex.name for ex in data.custom_exercises}
    assert "Overhead Press (Each Side, Dumbbells)" in names
    assert "Rear Delt Pulling (Each Side, Cable In Front Of Eyes Area)" in names
    slug = next(ex.slug for ex in data.custom_exercises if ex.name.startswith("Overhead Press ("))
    # By hand: grep -c ',Overhead Press (Each Side, Dumbbells),' gives 84 rows.
    assert sum(len(s.sets_of(slug)) for s in data.sessions) == 84


def test_sets_number_per_exercise_within_a_date(catalog: Catalog) -> None:
    text = "\n".join(
        [
            NEW_HEADER,
            '2024-04-25,Barbell Hip Thrust,Legs,60.0,kgs,12,,,,""',
            '2024-04-25,Romanian Deadlift,Legs,40.0,kgs,10,,,,"warm up, light"',
            '2024-04-25,Barbell Hip Thrust,Legs,60.0,kgs,12,,,,""',
            '2024-04-25,Barbell Hip Thrust,Legs,135.0,lbs,8,,,,""',
            '2024-04-26,Plank,Abs,,,,,,0:01:30,"line one',
            'line two"',
            '2024-04-26,Running (Treadmill),Cardio,,,,2.5,km,0:20:00,""',
        ]
    )
    data = read(text, catalog)
    day1, day2 = data.sessions
    assert day1.started_at == datetime(2024, 4, 25)
    thrusts = [s for s in day1.sets if s.exercise == "barbell-hip-thrust"]
    assert [s.order for s in thrusts] == [1, 2, 3]
    assert thrusts[2].load_kg == pytest.approx(135 * KG_PER_LB)
    assert day1.sets_of("romanian-deadlift")[0].notes == "warm up, light"
    plank, run = day2.sets
    assert plank.duration_s == 90 and plank.reps == 0 and plank.notes == "line one\nline two"
    assert run.distance_m == 2500 and run.duration_s == 1200


def test_old_layout_with_pounds_in_the_header(catalog: Catalog) -> None:
    text = OLD_HEADER + "\n2019-04-05,Barbell Squat,Legs,45.0,8,,,\n"
    (s,) = read(text, catalog).sessions[0].sets
    assert s.exercise == "deep-squat" and s.load_kg == pytest.approx(45 * KG_PER_LB)


def test_impossible_values_are_flagged_with_their_line(catalog: Catalog) -> None:
    text = "\n".join(
        [
            OLD_HEADER,
            "2019-04-05,Lunge,Legs,20.0,8,,,",
            "2019-04-05,Lunge,Legs,20.0,877777,,,",
            "2019-04-05,Walk,Cardio,,,200,km,0:10:00",
            "2019-04-05,Walk,Cardio,,,2,km,25:00:00",
        ]
    )
    data = read(text, catalog)
    assert [s.flagged for s in data.sessions[0].sets] == [False, True, True, True]
    assert [line for line, _ in data.flagged_lines] == [3, 4, 5]


def test_header_only_is_zero_sets(catalog: Catalog) -> None:
    assert read(NEW_HEADER, catalog).sessions == []


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", "fitnotes.csv line 1", "empty"),
        ("\x00binary", "fitnotes.csv line 1", "binary"),
        ("Date;Exercise;Category", "fitnotes.csv line 1", "not a FitNotes export"),
        (OLD_HEADER + "\n2019-04-05,Lunge,Legs,20.0", "fitnotes.csv line 2", "fields"),
        (OLD_HEADER + "\n2019-04-05,Lunge,Legs,x,8,,,", "fitnotes.csv line 2", "not a number"),
        (OLD_HEADER + "\n2019-02-29,Lunge,Legs,20,8,,,", "fitnotes.csv line 2", "valid date"),
        (OLD_HEADER + "\n2019-02-01,Lunge,Legs,20,8,,,1:xx", "fitnotes.csv line 2", "H:MM:SS"),
        (OLD_HEADER + "\n2019-02-01,Walk,Cardio,,,2,,", "fitnotes.csv line 2", "distance unit"),
        (OLD_HEADER + "\n2019-02-01,Walk,Cardio,,,2,parsec,", "fitnotes.csv line 2",
         "unknown distance unit"),
        (NEW_HEADER + '\n2024-04-25,Lunge,Legs,6,stone,12,,,,""', "fitnotes.csv line 2",
         "weight unit"),
        (NEW_HEADER + '\n2024-04-25,Lunge,Legs,6,kgs,12,,,,"cut', "fitnotes.csv line 2",
         "cut off"),
    ],
)  # fmt: skip
def test_malformed_input_names_the_line(
    text: str, where: str, message: str, catalog: Catalog
) -> None:
    assert_refused(lambda: read(text, catalog), where, message)


def _mutations() -> st.SearchStrategy[str]:
    """Real rows of the exports beside FORMATS.md, and rows written here, mutated."""
    written = (
        NEW_HEADER,
        [
            '2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,kgs,5,,,,""',
            '2024-04-26,Running (Treadmill),Cardio,,,,2.5,km,0:20:00,"fast"',
        ],
    )
    return mutated_exports([*real_samples("fitnotes"), written])


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(), _mutations()))
def test_fuzz_returns_data_or_input_error(text: str) -> None:
    assert_data_or_refusal(lambda: read_fitnotes_csv(text, "fuzz.csv", Catalog([])))
