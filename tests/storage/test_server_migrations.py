"""A server database of every earlier schema (built by Alembic at that revision, with the rows of
the committed SQLite fixture of that revision) opens through the real path and reaches head on
PostgreSQL: every row kept, one athlete owning them all, and new rows get new ids."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Boolean, DateTime, MetaData, create_engine, func, select, text

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.catalog import new_custom_exercise
from hiplog.domain.models import SetEntry
from hiplog.domain.units import Unit
from hiplog.services import athletes, body, exercises, programs, training_log
from hiplog.services.context import AppContext
from hiplog.storage import (
    athlete_repo,
    body_repo,
    exercise_repo,
    program_repo,
    session_repo,
    settings_repo,
)
from hiplog.storage.migrate import MIGRATIONS_DIR
from hiplog.storage.schema_version import HEAD_REVISION, KNOWN_REVISIONS

FIXTURES = Path(__file__).parent / "fixtures"
OLD_REVISIONS = [revision for revision in KNOWN_REVISIONS if revision != HEAD_REVISION]
WEIGHED = datetime(2026, 11, 1, 7)
OWNED = ("sessions", "body_measurements", "settings", "programs", "exercise_notes")


def _build_old_server_database(url: str, revision: str) -> None:
    """The schema of `revision` made by Alembic on the server, holding the rows of the SQLite
    fixture made at that revision, with its id sequences where that hiplog's inserts left them."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            tables = MetaData()
            tables.reflect(connection)
            for table in reversed(tables.sorted_tables):  # rows a migration made (athlete 1)
                if table.name != "alembic_version":
                    connection.execute(table.delete())
            with closing(sqlite3.connect(FIXTURES / f"schema-{revision}.db")) as fixture:
                for table in tables.sorted_tables:
                    if table.name == "alembic_version":
                        continue
                    found = fixture.execute(f"SELECT * FROM {table.name}")
                    names = [d[0] for d in found.description]
                    rows = [_typed(table, dict(zip(names, row, strict=True))) for row in found]
                    if rows:
                        connection.execute(table.insert(), rows)
                    if "id" in table.c and rows:
                        connection.execute(
                            text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"),
                            {"t": table.name, "n": max(int(r["id"]) for r in rows)},
                        )
            # What the person set and weighed, in the tables of that revision.
            if "athlete_id" in tables.tables["settings"].c:  # 0006 on: the first athlete's
                connection.execute(
                    text("INSERT INTO settings (athlete_id, key, value) VALUES (1, 'unit', 'lb')")
                )
            else:
                connection.execute(text("INSERT INTO settings (key, value) VALUES ('unit', 'lb')"))
            if "bodyweights" in tables.tables:
                connection.execute(
                    text("INSERT INTO bodyweights (measured_at, kg) VALUES (:at, 80.0)"),
                    {"at": WEIGHED},
                )
    finally:
        engine.dispose()


def _typed(table: object, row: dict[str, object]) -> dict[str, object]:
    """A SQLite fixture's row with PostgreSQL's types: 0/1 as booleans, text as datetimes."""
    columns = table.c  # type: ignore[attr-defined]
    for name, value in row.items():
        kind = columns[name].type
        if value is None:
            continue
        if isinstance(kind, Boolean):
            row[name] = bool(value)
        elif isinstance(kind, DateTime) and isinstance(value, str):
            row[name] = datetime.fromisoformat(value)
    return row


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return str(connection.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


def _owners(url: str) -> dict[str, list[int]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: sorted(
                    connection.execute(text(f"SELECT DISTINCT athlete_id FROM {table}")).scalars()
                )
                for table in OWNED
            }
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", OLD_REVISIONS)
def test_an_old_server_database_reaches_head_with_every_row_and_one_athlete(
    revision: str, empty_pg_url: str, tmp_path: Path
) -> None:
    _build_old_server_database(empty_pg_url, revision)
    assert _revision(empty_pg_url) == revision
    ctx = AppContext.open_url(empty_pg_url, local=tmp_path / "local.db")
    try:
        with ctx.db.reader() as tx:
            (athlete,) = athlete_repo.athletes(tx)
            sessions = session_repo.sessions_between(tx, None, None)
            names = [p.name for p in program_repo.list_programs(tx)]
            run = program_repo.active_run(tx)
            notes = exercise_repo.notes(tx)
            measured = body_repo.measurements(tx)
            unit = settings_repo.load_settings(tx)["unit"]
        assert len(sessions) == 1
        assert [(s.reps, s.load_kg) for s in sessions[0].sets] == [(12, 60.0), (10, 60.0)]
        if revision >= "0003":  # made while following a program: it is kept
            assert names == ["Gym with a barbell"]
            assert run is not None and run.program == "Gym with a barbell"
        else:
            assert (names, run) == ([], None)
        if revision >= "0004":  # made with a note on the hip thrust: it is kept
            assert notes == {"barbell-hip-thrust": "Bench at 40 cm; pad over the hips"}
        else:
            assert notes == {}
        if revision >= "0005":  # a bodyweight entry from 0004 and a hip and thigh
            assert measured == [
                BodyMeasurement(datetime(2026, 11, 19, 7, 30), bodyweight_kg=81.5),
                BodyMeasurement(datetime(2026, 11, 21), hip_cm=104.0, thigh_cm=61.5),
            ]
        else:  # the bodyweight entry the old server database held
            assert measured == [BodyMeasurement(WEIGHED, bodyweight_kg=80.0)]
        assert (athlete.name, athlete.unit, athlete.sessions, unit) == ("Me", "lb", 1, "lb")
        _every_kind_of_row_gets_a_new_id(ctx)
    finally:
        ctx.close()
    assert _revision(empty_pg_url) == HEAD_REVISION
    owners = _owners(empty_pg_url)
    assert owners == {table: [athlete.id] for table in OWNED}


def _every_kind_of_row_gets_a_new_id(ctx: AppContext) -> None:
    """Inserts after the upgrade: their ids come from sequences the migration kept in step."""
    with ctx.db.reader() as tx:
        before = tx.execute(select(func.count()).select_from(text("sets"))).scalar_one()
    saved = training_log.log_sets(
        ctx, [SetEntry("barbell-hip-thrust", 1, 8, 80.0)], datetime(2026, 12, 1, 18)
    )
    assert saved.id is not None and saved.id > 1
    with ctx.db.reader() as tx:
        assert tx.execute(select(func.count()).select_from(text("sets"))).scalar_one() == before + 1
    exercises.save_custom_exercise(ctx, new_custom_exercise("sled-push", "Sled push", loaded=True))
    assert ctx.exercise("sled-push").name == "Sled push"
    exercises.set_exercise_note(ctx, "glute-bridge", "feet wide")
    body.add_measurement(ctx, body.from_input(date(2026, 12, 2), 80.0, None, None, Unit.KG))
    programs.use_program(ctx, "Bodyweight at home", at=datetime(2026, 12, 3))
    athletes.add_athlete(ctx, "Sam")
    with ctx.db.reader() as tx:
        assert [a.name for a in athlete_repo.athletes(tx)] == ["Me", "Sam"]
        assert exercise_repo.notes(tx)["glute-bridge"] == "feet wide"
        assert len(body_repo.measurements(tx)) >= 1
