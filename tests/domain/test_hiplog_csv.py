"""The hiplog CSV: exact export text, strict import with file-and-line errors, round trips."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.hiplog_csv import HEADER, read_hiplog_csv, write_hiplog_csv
from hiplog.domain.models import Exercise, ImportedData, Length, LoadKind, Session, SetEntry

HEAD = ",".join(HEADER) + "\n"


def make_catalog() -> Catalog:
    def ex(slug: str, name: str, kind: LoadKind, *aliases: str) -> Exercise:
        return Exercise(slug, name, kind, Length.MID, ("glute max",), 3, (8, 12), aliases=aliases)

    return Catalog(
        [
            ex("barbell-hip-thrust", "Barbell Hip Thrust", LoadKind.EXTERNAL, "hip thrust"),
            ex("glute-bridge", "Glute Bridge", LoadKind.BODYWEIGHT),
            ex("romanian-deadlift", "Romanian Deadlift", LoadKind.EXTERNAL, "rdl"),
        ]
    )


CATALOG = make_catalog()


def export(sessions: list[Session], names: dict[str, str] | None = None) -> str:
    out = io.StringIO()
    write_hiplog_csv(sessions, lambda slug: (names or {}).get(slug, slug), out)
    return out.getvalue()


def read(text: str) -> ImportedData:
    return read_hiplog_csv(text, "log.csv", CATALOG)


def names_of(data: ImportedData) -> dict[str, str]:
    return {e.slug: e.name for e in data.custom_exercises}


def error_of(text: str) -> str:
    with pytest.raises(InputError) as info:
        read(text)
    return str(info.value)


# --- writing ---------------------------------------------------------------------------------


def test_export_writes_the_contract_exactly() -> None:
    session = Session(
        started_at=datetime(2026, 11, 20, 18, 0),
        sets=(
            SetEntry("glute-bridge", 1, 20, warmup=True),
            SetEntry("barbell-hip-thrust", 1, 12, 60.0, rir=2, notes='felt good, "easy"'),
            SetEntry("barbell-hip-thrust", 2, 10, 62.5, rir=1, notes="hips\nsore"),
            SetEntry("single-leg-thing", 1, 8, 29.484, side="L", band="red"),
            SetEntry("single-leg-thing", 2, 0, 0.0, side="R", duration_s=45.0, distance_m=12.5),
        ),
    )
    later = Session(datetime(2026, 11, 22, 7, 5, 9), (SetEntry("romanian-deadlift", 1, 8, 80.0),))
    text = export([session, later], {"single-leg-thing": "Single Leg Thing"})
    assert text == (
        HEAD
        + "2026-11-20T18:00,glute-bridge,1,,20,,1,,,,,\n"
        + '2026-11-20T18:00,barbell-hip-thrust,1,60,12,2,0,,,,,"felt good, ""easy"""\n'
        + '2026-11-20T18:00,barbell-hip-thrust,2,62.5,10,1,0,,,,,"hips\nsore"\n'
        + "2026-11-20T18:00,Single Leg Thing,1,29.484,8,,0,L,red,,,\n"
        + "2026-11-20T18:00,Single Leg Thing,2,0,0,,0,R,,45,12.5,\n"
        + "2026-11-22T07:05:09,romanian-deadlift,1,80,8,,0,,,,,\n"
    )


def test_export_returns_the_number_of_set_rows() -> None:
    sessions = [
        Session(datetime(2026, 1, 1), (SetEntry("glute-bridge", 1, 10),) * 3),
        Session(datetime(2026, 1, 3)),
    ]
    assert write_hiplog_csv(sessions, str, io.StringIO()) == 3


def test_loads_are_written_with_as_many_decimals_as_reading_them_back_needs() -> None:
    text = export([Session(datetime(2026, 1, 1), (SetEntry("x", 1, 5, 29.48361),))])
    assert text.splitlines()[1] == "2026-01-01T00:00,x,1,29.48361,5,,0,,,,,"


def test_formula_like_text_is_neutralised_and_restored() -> None:
    sets = (
        SetEntry("=cmd", 1, 5, band="+band", notes="=HYPERLINK(1)"),
        SetEntry("=cmd", 2, 5, band="@b", notes="-3 reps"),
        SetEntry("=cmd", 3, 5, notes="'=already quoted"),
        SetEntry("=cmd", 4, 5, notes="it's fine = ok"),
    )
    text = export([Session(datetime(2026, 1, 1, 9), sets)], {"=cmd": "=cmd"})
    lines = text.splitlines()
    assert lines[1] == "2026-01-01T09:00,'=cmd,1,,5,,0,,'+band,,,'=HYPERLINK(1)"
    assert lines[2].endswith(",'@b,,,'-3 reps")
    assert lines[3].endswith(",''=already quoted")
    assert lines[4].endswith(",it's fine = ok")
    data = read(text)
    assert [e.name for e in data.custom_exercises] == ["=cmd"]
    got = data.sessions[0].sets
    assert [s.notes for s in got] == [s.notes for s in sets]
    assert [s.band for s in got] == ["+band", "@b", None, None]


# --- reading ---------------------------------------------------------------------------------


def test_import_of_an_export_gives_back_the_sets() -> None:
    sessions = [
        Session(
            datetime(2026, 11, 20, 18, 0),
            (
                SetEntry("barbell-hip-thrust", 1, 12, 60.0, rir=2, notes="a, b\r\nc"),
                SetEntry("glute-bridge", 1, 20, None, warmup=True, side="L", band="blue"),
            ),
        ),
        Session(datetime(2026, 11, 22, 7, 5, 9), (SetEntry("romanian-deadlift", 1, 8, 0.0),)),
    ]
    data = read(export(sessions))
    assert data.sessions == sessions
    assert data.rows_read == 3
    assert data.source_format == "hiplog"
    assert data.custom_exercises == []
    assert data.flagged_lines == []


def test_rows_with_the_same_date_form_one_session_in_first_seen_order() -> None:
    text = HEAD + (
        "2026-02-03,glute-bridge,1,,10,,0,,,,,\n"
        "2026-02-01T10:00,glute-bridge,1,,11,,0,,,,,\n"
        "2026-02-03T00:00,glute-bridge,2,,12,,0,,,,,\n"
    )
    data = read(text)
    assert [s.started_at for s in data.sessions] == [datetime(2026, 2, 3), datetime(2026, 2, 1, 10)]
    assert [e.reps for e in data.sessions[0].sets] == [10, 12]


def test_names_and_aliases_resolve_to_catalog_exercises() -> None:
    text = HEAD + (
        "2026-02-01,Barbell Hip Thrust,1,60,10,,0,,,,,\n"
        "2026-02-01,hip  THRUST,2,60,10,,0,,,,,\n"
        "2026-02-01,RDL,1,60,10,,0,,,,,\n"
    )
    data = read(text)
    assert [s.exercise for s in data.sessions[0].sets] == [
        "barbell-hip-thrust",
        "barbell-hip-thrust",
        "romanian-deadlift",
    ]
    assert data.custom_exercises == []


def test_unknown_names_become_custom_exercises_once() -> None:
    text = HEAD + (
        "2026-02-01,Frog Pump,1,,30,,0,,,,,\n"
        "2026-02-01,frog pump,2,,25,,0,,,,,\n"
        "2026-02-01,Cable Kickback,1,10,12,,0,L,,,,\n"
        "2026-02-01,Glute Bridge!,1,,12,,0,,,,,\n"
    )
    data = read(text)
    frog, kick, bridge = data.custom_exercises
    assert (frog.slug, frog.name, frog.load_kind) == ("frog-pump", "Frog Pump", LoadKind.BODYWEIGHT)
    assert (kick.slug, kick.load_kind) == ("cable-kickback", LoadKind.EXTERNAL)
    # Its slug would clash with the catalog's glute-bridge.
    assert (bridge.slug, bridge.name) == ("glute-bridge-2", "Glute Bridge!")
    for ex in data.custom_exercises:
        assert ex.custom and ex.loadable
        assert (ex.length, ex.muscles, ex.sets, ex.rep_range) == (
            Length.MID,
            ("glute max",),
            3,
            (8, 12),
        )
    assert [s.exercise for s in data.sessions[0].sets] == [
        "frog-pump",
        "frog-pump",
        "cable-kickback",
        "glute-bridge-2",
    ]


def test_bom_and_crlf_are_accepted() -> None:
    text = "\ufeff" + HEAD.replace("\n", "\r\n") + "2026-02-01,glute-bridge,1,,10,,0,,,,,\r\n"
    data = read(text)
    assert data.sessions[0].sets == (SetEntry("glute-bridge", 1, 10),)


def test_header_only_is_an_empty_log() -> None:
    data = read(HEAD)
    assert data.sessions == [] and data.rows_read == 0


def test_a_missing_final_newline_is_fine() -> None:
    data = read(HEAD + "2026-02-01,glute-bridge,1,,10,,0,,,,,")
    assert data.rows_read == 1


def test_impossible_values_are_flagged_not_refused() -> None:
    text = HEAD + (
        "2026-02-01,glute-bridge,1,,10,,0,,,,,\n"
        "2026-02-01,glute-bridge,2,,5000,,0,,,,,\n"
        "2026-02-01,barbell-hip-thrust,1,1500,8,,0,,,,,\n"
        "2026-02-01,glute-bridge,3,,1,,0,,,90000,200000,\n"
    )
    data = read(text)
    assert [s.flagged for s in data.sessions[0].sets] == [False, True, True, True]
    assert [line for line, _ in data.flagged_lines] == [3, 4, 5]
    assert "5000 reps" in data.flagged_lines[0][1]
    assert "1500 kg" in data.flagged_lines[1][1]
    assert "90000 s" in data.flagged_lines[2][1] and "200000 m" in data.flagged_lines[2][1]
    assert data.sessions[0].sets[1].reps == 5000


def test_flagged_sets_survive_a_round_trip_as_flagged() -> None:
    session = Session(datetime(2026, 1, 1), (SetEntry("glute-bridge", 1, 2000, flagged=True),))
    assert read(export([session])).sessions == [session]


VALID = "2026-02-01T10:00,glute-bridge,1,,10,,0,,,,,"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2026-02-30,glute-bridge,1,,10,,0,,,,,", "not a real date"),
        ("01/02/2026,glute-bridge,1,,10,,0,,,,,", "date '01/02/2026'"),
        ("2026-02-01 10:00,glute-bridge,1,,10,,0,,,,,", "date"),
        ("2026-02-01T25:00,glute-bridge,1,,10,,0,,,,,", "not a real date"),
        ("2026-02-01,,1,,10,,0,,,,,", "exercise is missing"),
        ("2026-02-01,glute-bridge,0,,10,,0,,,,,", "set must be 1 or more"),
        ("2026-02-01,glute-bridge,1.5,,10,,0,,,,,", "set 1.5 is not a whole number"),
        ("2026-02-01,glute-bridge,,,10,,0,,,,,", "set '' is not a number"),
        ("2026-02-01,glute-bridge,1,-5,10,,0,,,,,", "load_kg -5 is negative"),
        ("2026-02-01,glute-bridge,1,60kg,10,,0,,,,,", "load_kg '60kg' is not a number"),
        ('2026-02-01,glute-bridge,1,"62,5",10,,0,,,,,', "load_kg '62,5'"),
        ("2026-02-01,glute-bridge,1,nan,10,,0,,,,,", "load_kg 'nan'"),
        ("2026-02-01,glute-bridge,1,,-1,,0,,,,,", "reps -1 is negative"),
        ("2026-02-01,glute-bridge,1,,8.5,,0,,,,,", "reps 8.5 is not a whole number"),
        ("2026-02-01,glute-bridge,1,,,,0,,,,,", "reps '' is not a number"),
        ("2026-02-01,glute-bridge,1,,10,11,0,,,,,", "rir 11 is more than 10"),
        ("2026-02-01,glute-bridge,1,,10,-1,0,,,,,", "rir -1 is negative"),
        ("2026-02-01,glute-bridge,1,,10,,yes,,,,,", "warmup must be 0 or 1"),
        ("2026-02-01,glute-bridge,1,,10,,,,,,,", "warmup must be 0 or 1"),
        ("2026-02-01,glute-bridge,1,,10,,0,left,,,,", "side must be blank, L or R"),
        ("2026-02-01,glute-bridge,1,,10,,0,,,-3,,", "duration_s -3 is negative"),
        ("2026-02-01,glute-bridge,1,,10,,0,,,,x,", "distance_m 'x' is not a number"),
        ("2026-02-01,glute-bridge,1,,10,,0,,,", "has 10 fields, not 12"),
        ("2026-02-01,glute-bridge,1,,10,,0,,,,,,extra", "has 13 fields, not 12"),
    ],
)
def test_a_bad_row_names_the_file_line_and_problem(row: str, expected: str) -> None:
    message = error_of(HEAD + VALID + "\n" + row + "\n" + VALID + "\n")
    assert message.startswith("log.csv line 3: ")
    assert expected in message


def test_line_numbers_count_physical_lines_of_multi_line_notes() -> None:
    text = HEAD + '2026-02-01,glute-bridge,1,,10,,0,,,,,"one\ntwo\nthree"\n' + "bad\n"
    assert error_of(text).startswith("log.csv line 5: ")


def test_a_row_cut_off_inside_quotes_is_refused() -> None:
    text = HEAD + VALID + "\n" + '2026-02-01,glute-bridge,1,,10,,0,,,,,"never closed\n'
    assert error_of(text).startswith("log.csv line 3: ")


def test_an_empty_file_is_refused() -> None:
    assert error_of("") == "log.csv line 1: the file is empty"
    assert error_of("\n\n") == "log.csv line 1: the file is empty"


def test_binary_content_is_refused() -> None:
    assert "binary" in error_of("SQLite format 3\x00\x10\x00")
    assert error_of(HEAD + "abc\x00def").startswith("log.csv line 2: ")


def test_semicolons_are_refused_with_the_reason() -> None:
    message = error_of(HEAD.replace(",", ";") + VALID.replace(",", ";") + "\n")
    assert message.startswith("log.csv line 1: ")
    assert "semicolons" in message


def test_another_header_is_refused() -> None:
    message = error_of("Date,Exercise,Category,Weight,Weight Unit,Reps\n2026-01-01,a,b,1,kg,2\n")
    assert message.startswith("log.csv line 1: ")
    assert "header" in message


# --- round trip ------------------------------------------------------------------------------

CUSTOM_NAMES = st.text(min_size=1, max_size=30).filter(
    lambda n: n.strip() != "" and "\x00" not in n and CATALOG.resolve(n) is None
)
OPTIONAL_NUMBER = st.none() | st.integers(0, 2_000_000).map(lambda n: n / 1000)


@st.composite
def sessions_strategy(draw: st.DrawFn) -> tuple[list[Session], dict[str, str]]:
    customs = draw(
        st.lists(CUSTOM_NAMES, max_size=3, unique_by=lambda n: " ".join(n.split()).casefold())
    )
    names = {f"custom-{i}": name for i, name in enumerate(customs)}
    slugs = [e.slug for e in CATALOG] + list(names)
    starts = draw(
        st.lists(
            st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(
                lambda d: d.replace(microsecond=0)
            ),
            max_size=4,
            unique=True,
        )
    )
    text = st.text(max_size=40).map(lambda t: t.replace("\x00", ""))
    sessions = []
    for start in starts:
        sets = draw(
            st.lists(
                st.builds(
                    SetEntry,
                    exercise=st.sampled_from(slugs),
                    order=st.integers(1, 20),
                    reps=st.integers(0, 2000),
                    load_kg=OPTIONAL_NUMBER,
                    rir=st.none() | st.integers(0, 10),
                    warmup=st.booleans(),
                    side=st.sampled_from([None, "L", "R"]),
                    band=st.none() | text.filter(bool),
                    duration_s=OPTIONAL_NUMBER,
                    distance_m=OPTIONAL_NUMBER,
                    notes=text,
                ),
                min_size=1,
                max_size=5,
            )
        )
        sessions.append(Session(start, tuple(sets)))
    return sessions, names


@settings(max_examples=150, deadline=None)
@given(sessions_strategy())
def test_write_read_write_gives_the_same_text(case: tuple[list[Session], dict[str, str]]) -> None:
    sessions, names = case
    first = export(sessions, names)
    data = read(first)
    assert data.rows_read == sum(len(s.sets) for s in sessions)
    used = {e.exercise for s in sessions for e in s.sets}
    assert sorted(names_of(data).values()) == sorted(n for k, n in names.items() if k in used)
    assert export(data.sessions, names_of(data)) == first
