"""Every committed database of an earlier schema opens through the real migration path.

SQLite only: these are the committed files; the same revisions on a server are
test_server_migrations.py."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.catalog import exercise_to_dict, new_custom_exercise, slugify
from hiplog.domain.models import Length, Role
from hiplog.storage import (
    athlete_repo,
    body_repo,
    exercise_repo,
    program_repo,
    session_repo,
    settings_repo,
)
from hiplog.storage.database import UnusableDatabaseError, open_database
from hiplog.storage.inspection import FileState, inspect_database
from hiplog.storage.migrate import script_revisions
from hiplog.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA_FIXTURES = sorted(FIXTURES.glob("schema-*.db"))


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(KNOWN_REVISIONS) == script_revisions()


def test_there_is_a_fixture_for_every_schema_revision() -> None:
    revisions = {p.stem.removeprefix("schema-") for p in SCHEMA_FIXTURES}
    assert revisions == set(KNOWN_REVISIONS)


@pytest.mark.parametrize("fixture", SCHEMA_FIXTURES, ids=lambda p: p.stem)
def test_old_database_opens_with_its_data_and_reaches_head(fixture: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "hiplog.db"
    shutil.copy(fixture, db_path)
    db = open_database(db_path, backups_dir=tmp_path / "backups")
    try:
        with db.reader() as tx:
            sessions = session_repo.sessions_between(tx, None, None)
        assert len(sessions) == 1
        assert [(s.reps, s.load_kg) for s in sessions[0].sets] == [(12, 60.0), (10, 60.0)]
        with db.reader() as tx:
            names = [p.name for p in program_repo.list_programs(tx)]
            run = program_repo.active_run(tx)
        if fixture.stem >= "schema-0003":  # made while following a program: it is kept
            assert names == ["Gym with a barbell"]
            assert run is not None and run.program == "Gym with a barbell"
        else:
            assert (names, run) == ([], None)
        with db.reader() as tx:
            notes = exercise_repo.notes(tx)
        if fixture.stem >= "schema-0004":  # made with a note on the hip thrust: it is kept
            assert notes == {"barbell-hip-thrust": "Bench at 40 cm; pad over the hips"}
        else:
            assert notes == {}
        with db.reader() as tx:
            measured = body_repo.measurements(tx)
        if fixture.stem >= "schema-0005":  # a bodyweight entry from 0004 and a hip and thigh
            assert measured == [
                BodyMeasurement(datetime(2026, 11, 19, 7, 30), bodyweight_kg=81.5),
                BodyMeasurement(datetime(2026, 11, 21), hip_cm=104.0, thigh_cm=61.5),
            ]
        else:
            assert measured == []
    finally:
        db.close()
    assert inspect_database(db_path).revision == HEAD_REVISION


def test_a_new_database_is_created_at_head_and_marked_as_hiplogs(tmp_path: Path) -> None:
    db_path = tmp_path / "new.db"
    open_database(db_path).close()
    result = inspect_database(db_path)
    assert result.state is FileState.CURRENT
    assert (db_path.stat().st_mode & 0o777) == 0o600


def test_a_database_from_a_newer_hiplog_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    db_path = tmp_path / "future.db"
    shutil.copy(SCHEMA_FIXTURES[-1], db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(UnusableDatabaseError, match="newer hiplog"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def _add_old_custom(db_path: Path, name: str, muscles: list[str], length: str) -> None:
    """A custom exercise as a schema-0001 import wrote it (no role; its facts as JSON)."""
    facts = exercise_to_dict(new_custom_exercise(slugify(name), name, loaded=True))
    del facts["role"]
    facts.update(muscles=muscles, length=length)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO exercises (slug, name, custom, position, facts_json) VALUES (?, ?, 1, ?, ?)",
        (slugify(name), name, 1000 + len(name), json.dumps(facts, sort_keys=True)),
    )
    conn.commit()
    conn.close()


def test_revision_0002_gives_old_custom_exercises_their_role_by_the_name_rules(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "hiplog.db"
    shutil.copy(FIXTURES / "schema-0001.db", db_path)
    _add_old_custom(db_path, "Bulgarian Split Squat", ["glute max"], "mid")
    _add_old_custom(db_path, "Front Squat", ["glute max"], "mid")
    _add_old_custom(db_path, "Bench Press (Barbell)", ["glute max"], "mid")
    _add_old_custom(db_path, "Mystery Move", ["glute max"], "mid")
    # The person edited this one: their muscles and length stay, and it stays hip work.
    _add_old_custom(db_path, "Band Thing", ["hamstrings", "glute max"], "long")
    db = open_database(db_path, backups_dir=tmp_path / "backups")
    try:
        with db.reader() as tx:
            catalog = exercise_repo.load_catalog(tx)
    finally:
        db.close()
    split = catalog["bulgarian-split-squat"]
    assert (split.role, split.length, split.muscles[:2]) == (
        Role.HIP,
        Length.LONG,
        ("quadriceps", "glute max"),
    )
    front = catalog["front-squat"]
    assert (front.role, front.muscles) == (Role.HIP, catalog["deep-squat"].muscles)
    assert catalog["bench-press-barbell"].role is Role.OTHER
    assert catalog["mystery-move"].role is Role.OTHER
    edited = catalog["band-thing"]
    assert (edited.role, edited.muscles, edited.length) == (
        Role.HIP,
        ("hamstrings", "glute max"),
        Length.LONG,
    )
    assert catalog["barbell-hip-thrust"].role is Role.CATALOG


@pytest.mark.parametrize("stored_name", [None, "Alex"])
def test_revision_0006_gives_an_existing_file_one_athlete_who_owns_everything(
    tmp_path: Path, stored_name: str | None
) -> None:
    db_path = tmp_path / "hiplog.db"
    shutil.copy(FIXTURES / "schema-0004.db", db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('unit', 'lb')")
    conn.execute("INSERT INTO bodyweights (measured_at, kg) VALUES ('2026-11-01 07:00:00', 80.0)")
    if stored_name is not None:
        conn.execute("INSERT INTO settings (key, value) VALUES ('name', ?)", (stored_name,))
    conn.commit()
    conn.close()
    db = open_database(db_path, backups_dir=tmp_path / "backups")
    try:
        with db.reader() as tx:
            (athlete,) = athlete_repo.athletes(tx)
            assert settings_repo.load_settings(tx)["unit"] == "lb"
            assert exercise_repo.notes(tx) == {
                "barbell-hip-thrust": "Bench at 40 cm; pad over the hips"
            }
    finally:
        db.close()
    assert (athlete.name, athlete.unit, athlete.sessions) == (stored_name or "Me", "lb", 1)
    conn = sqlite3.connect(db_path)
    owners = {
        table: conn.execute(f"SELECT DISTINCT athlete_id FROM {table}").fetchall()
        for table in ("sessions", "body_measurements", "settings", "programs", "exercise_notes")
    }
    conn.close()
    assert owners == {table: [(athlete.id,)] for table in owners}


def test_revision_0005_moves_bodyweight_entries_to_body_measurements(tmp_path: Path) -> None:
    db_path = tmp_path / "hiplog.db"
    shutil.copy(FIXTURES / "schema-0004.db", db_path)
    conn = sqlite3.connect(db_path)
    conn.executemany(
        "INSERT INTO bodyweights (measured_at, kg) VALUES (?, ?)",
        [
            ("2026-11-01 07:00:00.000000", 80.0),
            ("2026-11-08 07:00:00.000000", 79.5),
            ("2026-11-09 07:00:00.000000", 4.0),  # no person's: only a hand-edited file
        ],
    )
    conn.commit()
    conn.close()
    db = open_database(db_path, backups_dir=tmp_path / "backups")
    try:
        with db.reader() as tx:
            measured = body_repo.measurements(tx)
            latest = body_repo.latest_bodyweight(tx)
    finally:
        db.close()
    assert measured == [
        BodyMeasurement(datetime(2026, 11, 1, 7), bodyweight_kg=80.0),
        BodyMeasurement(datetime(2026, 11, 8, 7), bodyweight_kg=79.5),
    ]
    assert latest == 79.5
    # the copy made before migrating still holds every entry, the impossible one too
    (backup,) = (tmp_path / "backups").glob("*.db")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM bodyweights").fetchone() == (3,)
    conn.close()


def test_revision_0007_gives_sets_a_unique_write_token_that_old_sets_lack(tmp_path: Path) -> None:
    db_path = tmp_path / "hiplog.db"
    shutil.copy(FIXTURES / "schema-0006.db", db_path)
    open_database(db_path, backups_dir=tmp_path / "backups").close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*), count(write_token) FROM sets").fetchone() == (2, 0)
        (session_id,) = conn.execute("SELECT min(id) FROM sessions").fetchone()
        (exercise_id,) = conn.execute("SELECT min(exercise_id) FROM sets").fetchone()
        add = (
            "INSERT INTO sets (session_id, exercise_id, position, reps, warmup, notes, flagged,"
            " write_token) VALUES (?, ?, 3, 8, 0, '', 0, ?)"
        )
        conn.execute(add, (session_id, exercise_id, "a-token"))
        with pytest.raises(sqlite3.IntegrityError, match="write_token"):
            conn.execute(add, (session_id, exercise_id, "a-token"))
    finally:
        conn.close()
