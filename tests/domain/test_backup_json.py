"""The JSON backup: everything comes back, and bad values are named by their JSON path."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hiplog.domain.backup_json import read_backup_json, write_backup_json
from hiplog.domain.body import BodyMeasurement
from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.hiplog_csv import out_of_range
from hiplog.domain.models import (
    BodyweightEntry,
    Exercise,
    ImportedData,
    Length,
    LoadKind,
    Session,
    SetEntry,
    StepKind,
)
from hiplog.domain.translation import set_language

EXPORTED = datetime(2026, 11, 21, 9, 0)


def make_catalog() -> Catalog:
    def ex(slug: str, name: str, kind: LoadKind, *aliases: str) -> Exercise:
        return Exercise(slug, name, kind, Length.MID, ("glute max",), 3, (8, 12), aliases=aliases)

    return Catalog(
        [
            ex("barbell-hip-thrust", "Barbell Hip Thrust", LoadKind.EXTERNAL, "hip thrust"),
            ex("glute-bridge", "Glute Bridge", LoadKind.BODYWEIGHT),
        ]
    )


CATALOG = make_catalog()

FROG = Exercise(
    slug="frog-pump",
    name="Frog Pump",
    load_kind=LoadKind.BODYWEIGHT,
    length=Length.SHORT,
    muscles=("glute max",),
    sets=3,
    rep_range=(15, 30),
    loadable=True,
    step_kind=StepKind.PLATE,
    start_load_kg=5.0,
    aliases=("frogs",),
    custom=True,
    position=3,
)

SESSIONS = [
    Session(
        started_at=datetime(2026, 11, 20, 18, 0),
        notes="good day\nnew shoes",
        bodyweight_kg=81.5,
        sets=(
            SetEntry("barbell-hip-thrust", 1, 12, 60.0, rir=2, notes='a "b", c'),
            SetEntry("frog-pump", 1, 30, None, warmup=True, side="L", band="red"),
            SetEntry("glute-bridge", 1, 2000, flagged=True, duration_s=30.5, distance_m=1.0),
        ),
    ),
    Session(started_at=datetime(2026, 11, 22, 7, 5, 9)),
]
SETTINGS = {"unit": "lb", "theme": "dark"}
MEASUREMENTS = [BodyMeasurement(datetime(2026, 11, 20, 7, 30), 81.5, 104.0, None)]


def backup_text(
    sessions: list[Session] = SESSIONS,
    customs: list[Exercise] | None = None,
    prefs: dict[str, str] = SETTINGS,
    measurements: list[BodyMeasurement] = MEASUREMENTS,
) -> str:
    out = io.StringIO()
    write_backup_json(
        sessions,
        [FROG] if customs is None else customs,
        prefs,
        measurements,
        out,
        exported_at=EXPORTED,
    )
    return out.getvalue()


def read(text: str) -> ImportedData:
    return read_backup_json(text, "backup.json", CATALOG)


def error_of(doc: Any) -> str:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(InputError) as info:
        read(text)
    return str(info.value)


def test_the_backup_has_the_documented_shape() -> None:
    doc = json.loads(backup_text())
    assert doc["format"] == "hiplog-backup"
    assert doc["version"] == 1
    assert doc["exported_at"] == "2026-11-21T09:00:00"
    assert [e["slug"] for e in doc["exercises"]] == ["frog-pump"]
    assert doc["settings"] == SETTINGS
    assert doc["body_measurements"] == [
        {
            "measured_at": "2026-11-20T07:30:00",
            "bodyweight_kg": 81.5,
            "hip_cm": 104.0,
            "thigh_cm": None,
        }
    ]
    first = doc["sessions"][0]
    assert (first["started_at"], first["notes"], first["bodyweight_kg"]) == (
        "2026-11-20T18:00:00",
        "good day\nnew shoes",
        81.5,
    )
    assert first["sets"][0] == {
        "exercise": "barbell-hip-thrust",
        "order": 1,
        "reps": 12,
        "load_kg": 60.0,
        "rir": 2,
        "warmup": False,
        "side": None,
        "band": None,
        "duration_s": None,
        "distance_m": None,
        "notes": 'a "b", c',
        "flagged": False,
    }


def test_everything_comes_back() -> None:
    data = read(backup_text())
    assert data.sessions == SESSIONS
    assert data.custom_exercises == [FROG]
    assert data.settings == SETTINGS
    assert data.body_measurements == MEASUREMENTS
    assert data.bodyweights == []
    assert data.rows_read == 3
    assert data.source_format == "hiplog-json"


def test_a_backup_from_before_body_measurements_brings_its_bodyweights() -> None:
    doc = json.loads(backup_text(measurements=[]))
    del doc["body_measurements"]
    doc["bodyweights"] = [{"measured_at": "2026-11-20T07:30:00", "kg": 81.5}]
    data = read(json.dumps(doc))
    assert data.bodyweights == [BodyweightEntry(datetime(2026, 11, 20, 7, 30), 81.5)]
    doc["bodyweights"][0]["kg"] = 0
    assert "bodyweights[0].kg: must be from 20 to 400 kg, not 0" in error_of(doc)


def test_an_entry_with_no_value_is_refused_with_its_path() -> None:
    doc = json.loads(backup_text())
    doc["body_measurements"][0].update(bodyweight_kg=None, hip_cm=None)
    assert "body_measurements[0]: give a bodyweight" in error_of(doc)


def test_out_of_range_values_are_flagged_with_their_path() -> None:
    doc = json.loads(backup_text())
    doc["sessions"][0]["sets"][0]["load_kg"] = 5000
    data = read(json.dumps(doc))
    assert data.sessions[0].sets[0].flagged
    ((line, why),) = [f for f in data.flagged_lines if "sets[0]" in f[1]]
    assert line == 0
    assert why.startswith("sessions[0].sets[0]: ") and "5000 kg" in why


def test_a_custom_slug_taken_by_a_built_in_gets_a_free_slug() -> None:
    clash = Exercise("glute-bridge", "My Bridge", LoadKind.BODYWEIGHT, Length.MID, (), 3, (8, 12))
    session = Session(datetime(2026, 1, 1), (SetEntry("glute-bridge", 1, 10),))
    data = read(backup_text([session], [clash]))
    assert [(e.slug, e.name, e.custom) for e in data.custom_exercises] == [
        ("glute-bridge-2", "My Bridge", True)
    ]
    assert data.sessions[0].sets[0].exercise == "glute-bridge-2"


def test_sets_may_name_catalog_exercises_by_name() -> None:
    doc = json.loads(backup_text())
    doc["sessions"][0]["sets"][0]["exercise"] = "Hip Thrust"
    assert read(json.dumps(doc)).sessions[0].sets[0].exercise == "barbell-hip-thrust"


def _broken(path: list[str | int], value: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(backup_text())
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "where", "expected"),
    [
        (["format"], "other", "format", "not a hiplog backup"),
        (["version"], 2, "version", "newer hiplog"),
        (["sessions", 0, "sets", 1, "reps"], -1, "sessions[0].sets[1].reps", "negative"),
        (["sessions", 0, "sets", 1, "reps"], 2.5, "sessions[0].sets[1].reps", "whole number"),
        (["sessions", 0, "sets", 1, "reps"], "10", "sessions[0].sets[1].reps", "a number"),
        (["sessions", 0, "sets", 1, "order"], 0, "sessions[0].sets[1].order", "1 or more"),
        (["sessions", 0, "sets", 0, "rir"], 11, "sessions[0].sets[0].rir", "more than 10"),
        (["sessions", 0, "sets", 0, "side"], "left", "sessions[0].sets[0].side", "'L' or 'R'"),
        (["sessions", 0, "sets", 0, "warmup"], 1, "sessions[0].sets[0].warmup", "true or false"),
        (["sessions", 0, "sets", 0, "load_kg"], True, "sessions[0].sets[0].load_kg", "number"),
        (["sessions", 0, "sets", 0, "exercise"], "nope", "sessions[0].sets[0].exercise", "nope"),
        (["sessions", 1, "started_at"], "yesterday", "sessions[1].started_at", "ISO date"),
        (
            ["sessions", 1, "started_at"],
            "2026-01-01T10:00:00+01:00",
            "sessions[1].started_at",
            "time zone",
        ),
        (["sessions", 1, "bodyweight_kg"], -3, "sessions[1].bodyweight_kg", "negative"),
        (["sessions", 1], [], "sessions[1]", "JSON object"),
        (
            ["body_measurements", 0, "bodyweight_kg"],
            10,
            "body_measurements[0].bodyweight_kg",
            "from 20 to 400 kg, not 10",
        ),
        (["body_measurements", 0, "hip_cm"], 300, "body_measurements[0].hip_cm", "20 to 250 cm"),
        (["body_measurements", 0, "thigh_cm"], "x", "body_measurements[0].thigh_cm", "number"),
        (["settings", "unit"], 3, "settings.unit", "must be text"),
        (["exercises", 0, "load_kind"], "heavy", "exercises[0]", "not a valid exercise"),
        (["exercise_notes", "glute-bridge"], 3, "exercise_notes.glute-bridge", "must be text"),
        (["exercise_notes", "nope"], "x", "exercise_notes.nope", "unknown exercise 'nope'"),
    ],
)
def test_a_bad_value_names_its_path(
    path: list[str | int], value: Any, where: str, expected: str
) -> None:
    message = error_of(_broken(path, value))
    assert message.startswith(f"backup.json {where}: ")
    assert expected in message


def test_a_bad_measurement_names_its_json_path_in_every_language() -> None:
    """The JSON path is the file's own key, never translated; the message is."""
    set_language("de")
    message = error_of(_broken(["body_measurements", 0, "hip_cm"], 300.5))
    assert message == (
        "backup.json body_measurements[0].hip_cm: muss zwischen 20 und 250 cm liegen, nicht 300,5"
    )


def test_broken_json_names_the_line() -> None:
    text = backup_text()
    cut = text[: len(text) // 2]
    assert error_of(cut).startswith("backup.json line ")
    assert "not valid JSON" in error_of(cut)


def test_nan_and_empty_files_are_refused() -> None:
    assert "not valid JSON" in error_of(backup_text().replace("81.5", "NaN", 1))
    assert error_of("") == "backup.json line 1: the file is empty"
    assert "JSON object" in error_of("[]")


# --- round trip ------------------------------------------------------------------------------

NAMES = st.text(min_size=1, max_size=20).filter(lambda n: n.strip() != "")
OPTIONAL_NUMBER = st.none() | st.integers(0, 2_000_000).map(lambda n: n / 1000)
TIMES = st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31))


@st.composite
def backups(
    draw: st.DrawFn,
) -> tuple[list[Session], list[Exercise], dict[str, str], list[BodyMeasurement]]:
    names = draw(st.lists(NAMES, max_size=3))
    customs = [
        Exercise(
            slug=f"custom-{i}",
            name=name,
            load_kind=draw(st.sampled_from(list(LoadKind))),
            length=draw(st.sampled_from(list(Length))),
            muscles=tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
            sets=draw(st.integers(1, 6)),
            rep_range=(draw(st.integers(1, 10)), draw(st.integers(10, 30))),
            loadable=draw(st.booleans()),
            start_load_kg=draw(OPTIONAL_NUMBER),
            aliases=tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
            custom=True,
            position=1000 + i,
        )
        for i, name in enumerate(names)
    ]
    slugs = [e.slug for e in CATALOG] + [e.slug for e in customs]
    # Any text but U+0000, which no engine's log holds (PostgreSQL's text cannot).
    text = st.text(st.characters(blacklist_characters="\x00"), max_size=30)
    sessions = []
    for start in draw(st.lists(TIMES, max_size=3)):
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
                    band=st.none() | text,
                    duration_s=OPTIONAL_NUMBER,
                    distance_m=OPTIONAL_NUMBER,
                    notes=text,
                    flagged=st.booleans(),
                ),
                max_size=4,
            )
        )
        # An out-of-range set is always flagged on reading, so a faithful backup has it flagged.
        sets = [
            SetEntry(**{**s.__dict__, "flagged": s.flagged or bool(out_of_range(s))}) for s in sets
        ]
        sessions.append(
            Session(
                start,
                tuple(sets),
                notes=draw(text),
                bodyweight_kg=draw(OPTIONAL_NUMBER),
            )
        )
    key = st.text(st.characters(blacklist_characters="\x00"), max_size=10)
    prefs = draw(st.dictionaries(key, key, max_size=3))
    weights = draw(
        st.lists(
            st.builds(
                BodyMeasurement,
                TIMES,
                st.none() | st.integers(20_000, 400_000).map(lambda n: n / 1000),
                st.none() | st.integers(20_000, 250_000).map(lambda n: n / 1000),
                st.none() | st.integers(20_000, 250_000).map(lambda n: n / 1000),
            ).filter(lambda m: not m.empty),
            max_size=3,
        )
    )
    return sessions, customs, prefs, weights


@settings(max_examples=100, deadline=None)
@given(backups())
def test_write_read_write_gives_the_same_text(
    case: tuple[list[Session], list[Exercise], dict[str, str], list[BodyMeasurement]],
) -> None:
    sessions, customs, prefs, weights = case
    first = backup_text(sessions, customs, prefs, weights)
    data = read(first)
    assert data.sessions == sessions
    assert data.custom_exercises == customs
    second = backup_text(
        data.sessions, data.custom_exercises, data.settings, data.body_measurements
    )
    assert second == first
