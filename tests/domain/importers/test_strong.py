"""Reading Strong exports: every real layout, the odd rows, and malformed input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.importers.strong import read_strong
from hiplog.domain.models import ImportedData, LoadKind
from hiplog.domain.units import KG_PER_LB, Unit

from .checks import assert_data_or_refusal, assert_refused
from .fuzzing import mutated_exports, real_samples

# Expected numbers per real file, computed independently of the reader by a one-off script with
# the plain csv module: rows whose Set Order is not `Rest Timer`/`Ruhezeit`/`Note` are sets;
# sessions = distinct `Workout #`, else distinct (Date, Workout Name); reps = sum of int(float(Reps
# or 0)) over sets; volume = sum of reps x Weight (x 0.45359237 for lbs rows, or for the whole
# file when read as lb), rounded to 0.1; flagged = sets with reps or weight > 1000 (none in these
# files). Columns: file, unit, (sets, rest rows, note rows, sessions, reps, reps x kg, flagged).
REAL_FILES = [
    ("AlexandrosKyriakakis__StrongAppAnalytics__strong.csv", Unit.KG,
     (1903, 0, 0, 86, 7432, 394186.0, 0)),
    ("Andrew50__Lifting__aj_strong_data.csv", Unit.LB,
     (22888, 821, 0, 1163, 185949, 8804420.8, 0)),
    ("Eliah3__sports-tracking__strong_workouts.csv", Unit.KG,
     (184, 180, 0, 13, 1938, 4738.0, 0)),
    ("alara96__Strong-App-Analysis__2026v__strong.csv", Unit.KG,
     (5726, 0, 0, 342, 54634, 4315212.1, 0)),
    ("bladeours__strong-to-excel__strong.csv", None,
     (2709, 0, 0, 110, 21135, 831046.6, 0)),
    ("harrig12__strong__strong.csv", Unit.KG,
     (48, 0, 0, 4, 412, 23950.0, 0)),
    ("joao-conde__fitness-tracker__strong_workouts.csv", None,
     (10464, 118, 6, 558, 105722, 2560659.2, 0)),
    ("mlahoz__strong__strong.csv", None,
     (1635, 0, 0, 91, 11086, 268776.3, 0)),
]  # fmt: skip
# Data rows per file: non-blank csv rows after the header, counted by the same one-off script.
ROWS = {
    "AlexandrosKyriakakis__StrongAppAnalytics__strong.csv": 1903,
    "Andrew50__Lifting__aj_strong_data.csv": 23709,
    "Eliah3__sports-tracking__strong_workouts.csv": 364,
    "alara96__Strong-App-Analysis__2026v__strong.csv": 5726,
    "bladeours__strong-to-excel__strong.csv": 2709,
    "harrig12__strong__strong.csv": 48,
    "joao-conde__fitness-tracker__strong_workouts.csv": 10588,
    "mlahoz__strong__strong.csv": 1635,
}

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
UNITS_HEADER = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration"
)


def read(text: str, catalog: Catalog, unit: Unit | None = Unit.KG) -> ImportedData:
    return read_strong(text, "strong.csv", catalog, unit)


@pytest.mark.parametrize(("name", "unit", "expected"), REAL_FILES)
def test_real_exports_import_every_set(
    name: str,
    unit: Unit | None,
    expected: tuple[int, int, int, int, int, float, int],
    catalog: Catalog,
    format_file: Callable[[str, str], Path],
    summarise: Callable[[ImportedData], tuple[int, int, int, int, int, float, int]],
) -> None:
    text = format_file("strong", name).read_text(encoding="utf-8")
    data = read_strong(text, name, catalog, unit)
    assert summarise(data) == expected
    assert data.rows_read == ROWS[name]
    assert data.source_format == "strong"
    used = {s.exercise for session in data.sessions for s in session.sets}
    custom = {ex.slug for ex in data.custom_exercises}
    assert used <= custom | {ex.slug for ex in catalog}
    assert len(custom) == len(data.custom_exercises)


def test_catalog_names_map_to_catalog_slugs(
    catalog: Catalog, format_file: Callable[[str, str], Path]
) -> None:
    text = format_file("strong", "harrig12__strong__strong.csv").read_text(encoding="utf-8")
    data = read(text, catalog)
    first = data.sessions[0]
    assert first.started_at == datetime(2022, 9, 21, 10, 26, 28)
    assert first.exercises[0] == "deep-squat"  # "Squat (Barbell)"
    assert "dumbbell-romanian-deadlift" in data.sessions[-1].exercises
    assert [s.order for s in first.sets_of("deep-squat")] == [1, 2, 3, 4, 5]
    assert [ex.name for ex in data.custom_exercises] == ["Leg Extension (Machine)"]


def test_note_row_goes_to_the_exercise_first_set(
    catalog: Catalog, format_file: Callable[[str, str], Path]
) -> None:
    name = "joao-conde__fitness-tracker__strong_workouts.csv"
    data = read(format_file("strong", name).read_text(encoding="utf-8"), catalog, None)
    notes = [s.notes for session in data.sessions for s in session.sets if s.notes]
    assert "Its lateral one then legs up then normal" in notes
    cycling = next(s for s in data.sessions[0].sets)
    assert cycling.distance_m == 8000.0 and cycling.reps == 0 and cycling.load_kg is None
    assert data.sessions[1].sets[0].duration_s == 1200.0
    assert data.sessions[0].notes == "First workout given by PT (with extras)"


def test_set_kinds_rest_rows_and_rpe(catalog: Catalog) -> None:
    text = "\n".join(
        [
            HEADER,
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",W,40,10.0,0,0,"","",',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",Rest Timer,0,0,0,90,,,',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",1,100,8,0,0,"felt good",,8.5',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",F,100,6,0,0,,,10',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",D,60,12,0,0,"strip",,',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",Note,0,0,0,0,"pause at top",,',
            '2024-01-02 18:00:00,"Legs",1h,"Back Extension",1,,15,0,0,,"good day",',
        ]
    )
    data = read(text, catalog)
    assert (data.rows_read, data.rest_rows, data.note_rows) == (7, 1, 1)
    (session,) = data.sessions
    assert session.notes == "good day"
    warm, first, failure, drop = session.sets_of("barbell-hip-thrust")
    assert warm.warmup and not first.warmup
    assert [s.order for s in (warm, first, failure, drop)] == [1, 2, 3, 4]
    assert warm.notes == "pause at top"  # the note row goes to the exercise's first set
    assert first.rir == 1 and first.notes == "felt good"  # RPE 8.5 -> RIR 1
    assert failure.rir == 0 and failure.notes == "[failure]"
    assert drop.notes == "[drop set] strip"
    (backext,) = session.sets_of("back-extension-45")
    assert backext.load_kg is None and backext.reps == 15


def test_unit_argument_converts_pounds(catalog: Catalog) -> None:
    text = HEADER + '\n2024-01-02 18:00:00,"A",1h,"Deadlift",1,225,5,0,0,,,'
    (s,) = read(text, catalog, Unit.LB).sessions[0].sets
    assert s.exercise == "conventional-deadlift"
    assert s.load_kg == pytest.approx(225 * KG_PER_LB)


def test_no_unit_anywhere_asks_for_one(catalog: Catalog) -> None:
    text = HEADER + '\n2024-01-02 18:00:00,"A",1h,"Deadlift",1,225,5,0,0,,,'
    with pytest.raises(InputError, match="--unit kg or --unit lb") as err:
        read(text, catalog, None)
    assert err.value.where == "strong.csv"


def test_per_row_units_mix_kg_and_lbs(catalog: Catalog) -> None:
    text = "\n".join(
        [
            UNITS_HEADER,
            '2022-11-07 07:35:20;"Day 2";"Hip Thrust";1;100;kg;6;;;;0;"";"";1h',
            '2022-11-07 07:35:20;"Day 2";"Hip Thrust";2;220;lbs;6;;;;0;;;1h',
            '2022-11-07 07:35:20;"Day 2";"Isometric Bridge";1;;;;;;km;10;;;1h',
            '2022-11-07 07:35:20;"Day 2";"Sled Walk";1;;;;;0.2;km;0;;;1h',
        ]
    )
    data = read(text, catalog, None)
    kg, lb = data.sessions[0].sets_of("barbell-hip-thrust")
    assert kg.load_kg == 100 and lb.load_kg == pytest.approx(220 * KG_PER_LB)
    bridge = data.sessions[0].sets[2]
    assert bridge.duration_s == 10 and bridge.reps == 0 and bridge.load_kg is None
    assert data.sessions[0].sets[3].distance_m == pytest.approx(200.0)
    kinds = {ex.name: ex.load_kind for ex in data.custom_exercises}
    assert kinds == {"Isometric Bridge": LoadKind.BODYWEIGHT, "Sled Walk": LoadKind.BODYWEIGHT}


def test_current_layout_quoted_semicolons_with_unit_headers(catalog: Catalog) -> None:
    text = (
        '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
        '"7";"2023-03-01 10:00:00";"A";"60";"Good Morning (Barbell)";"1";"65.181223569";"8";'
        '"7";"";"";"";""\n'
        '"7";"2023-03-01 10:00:00";"A";"60";"Rowing";"1";"";"";"";"500.0";"120.0";"";""'
    )
    data = read(text, catalog, None)
    gm, row = data.sessions[0].sets
    assert gm.exercise == "good-morning" and gm.load_kg == pytest.approx(65.181223569)
    assert gm.rir == 3
    assert row.distance_m == 500.0 and row.duration_s == 120.0


def test_german_headers_and_rest_rows(catalog: Catalog) -> None:
    text = (
        "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,"
        "Entfernung,Sekunden,Notizen,Workout-Notizen,RPE\n"
        '2025-08-01 09:46:59,"Pull",31min,"Glute Bridge",1,0,12.0,0,0.0,"","",\n'
        '2025-08-01 09:46:59,"Pull",31min,"Glute Bridge",Ruhezeit,0,0.0,0,45.0,,,\n'
        '2025-08-01 09:46:59,"Pull",31min,"Glute Bridge",2,10,10.0,0,0.0,,,'
    )
    data = read(text, catalog)
    assert data.rest_rows == 1
    first, second = data.sessions[0].sets
    assert first.exercise == "glute-bridge" and first.load_kg is None and first.reps == 12
    assert second.order == 2 and second.load_kg == 10


def test_sessions_split_by_date_and_workout_name_and_repeats_are_kept(catalog: Catalog) -> None:
    row_a = '2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8,0,0,,,'
    row_b = '2024-01-02 18:00:00,"B",1h,"Lunge",1,10,8,0,0,,,'
    data = read("\n".join([HEADER, row_a, row_a, row_b]), catalog)
    assert [len(s.sets) for s in data.sessions] == [2, 1]
    assert [s.order for s in data.sessions[0].sets] == [1, 2]


def test_impossible_values_are_kept_but_flagged_with_their_line(catalog: Catalog) -> None:
    text = "\n".join(
        [
            HEADER,
            '2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8,0,0,"a note',
            'on two lines",,',
            '2024-01-02 18:00:00,"A",1h,"Lunge",2,10,877777,0,0,,,',
        ]
    )
    data = read(text, catalog)
    sets = data.sessions[0].sets
    assert [s.flagged for s in sets] == [False, True]
    assert sets[1].reps == 877777
    assert [line for line, _ in data.flagged_lines] == [4]
    assert "877777 reps" in data.flagged_lines[0][1]
    assert sets[0].notes == "a note\non two lines"


def test_a_set_the_log_cannot_hold_is_refused_with_its_line(catalog: Catalog) -> None:
    text = "\n".join([HEADER, '2024-01-02 18:00:00,"A",1h,"Lunge",1,-5,8,0,0,,,'])
    with pytest.raises(InputError, match=r"strong\.csv line 2: (weight|load)"):
        read(text, catalog)


def test_header_only_is_zero_sets(catalog: Catalog) -> None:
    data = read(HEADER + "\n", catalog)
    assert data.sessions == [] and data.rows_read == 0


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", "strong.csv line 1", "empty"),
        ("   \n\n", "strong.csv line 1", "empty"),
        ("\ufeff", "strong.csv line 1", "empty"),
        ("\x00\x01SQLite format", "strong.csv line 1", "binary"),
        ("hello world", "strong.csv line 1", "header"),
        ("a,b,c\n1,2,3", "strong.csv line 1", "not a Strong export"),
        (HEADER + '\n2024-01-02 18:00:00,"A",1h,"Lunge",1,10', "strong.csv line 2", "fields"),
        (HEADER + '\n2024-01-02 18:00:00,"A",1h,"Lunge",1,ten,8,0,0,,,', "strong.csv line 2",
         "not a number"),
        (HEADER + '\n2024-02-30 18:00:00,"A",1h,"Lunge",1,10,8,0,0,,,', "strong.csv line 2",
         "not a valid date"),
        (HEADER + '\n2024-01-02 18:00:00,"A",1h,"Lunge",X,10,8,0,0,,,', "strong.csv line 2",
         "Set Order"),
        (HEADER + '\n2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8.5,0,0,,,', "strong.csv line 2",
         "whole number"),
        (HEADER + '\n2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8,0,0,"never closed,,',
         "strong.csv line 2", "cut off"),
        (HEADER.replace(",", ";") + '\n2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8,0,0,,,',
         "strong.csv line 2", "fields"),
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
        [
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",W,40,10.0,0,0,"","",',
            '2024-01-02 18:00:00,"Legs",1h,"Hip Thrust (Barbell)",Rest Timer,0,0,0,90,,,',
            '2024-01-02 18:00:00,"Legs",1h,"Back Extension",1,,15,0,0,"x, y",,8.5',
        ],
    )
    return mutated_exports([*real_samples("strong"), written])


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(), _mutations()), st.sampled_from([Unit.KG, Unit.LB, None]))
def test_fuzz_returns_data_or_input_error(text: str, unit: Unit | None) -> None:
    assert_data_or_refusal(lambda: read_strong(text, "fuzz.csv", Catalog([]), unit))


def test_a_byte_order_mark_and_crlf_endings_are_fine(catalog: Catalog) -> None:
    text = "\ufeff" + HEADER + '\r\n2024-01-02 18:00:00,"A",1h,"Lunge",1,10,8,0,0,,,\r\n'
    (s,) = read(text, catalog).sessions[0].sets
    assert s.exercise == "lunge" and s.load_kg == 10
