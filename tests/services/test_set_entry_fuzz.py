"""Fuzzing set entry through the services: whatever a person types, hiplog either saves exactly
that or refuses it with an InputError and leaves the database as it was.

The short runs here total well over 2,000 examples on SQLite and a twentieth of that on
PostgreSQL (where resetting the database between examples costs more); `make fuzz` runs the slow
variants with many more.
"""

from __future__ import annotations

import math
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from hiplog.domain.errors import HiplogError, InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.units import Unit
from hiplog.domain.validation import parse_rir, parse_set_spec, parse_when_midnight_default
from hiplog.services import exercises, import_export, training_log
from hiplog.services.context import AppContext

BASE = datetime(2026, 1, 1, 12, 0)
SHORT = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(SHORT, max_examples=10_000)

finite_or_not = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1500),
    st.integers(min_value=-10, max_value=2000).map(float),
)
exercise_names = st.one_of(
    st.sampled_from(["barbell-hip-thrust", "glute-bridge", "romanian-deadlift"]),
    st.text(max_size=30),
)
any_entries = st.builds(
    SetEntry,
    exercise=exercise_names,
    order=st.integers(min_value=-3, max_value=50),
    reps=st.one_of(st.integers(min_value=-5, max_value=1200), st.integers()),
    load_kg=finite_or_not,
    rir=st.one_of(st.none(), st.integers(min_value=-3, max_value=15)),
    warmup=st.booleans(),
    side=st.one_of(st.none(), st.sampled_from(["L", "R", "", "l", "left", "X"])),
    band=st.one_of(st.none(), st.text(max_size=80)),
    duration_s=finite_or_not,
    distance_m=finite_or_not,
    notes=st.text(max_size=200),
)
# Entries a person could well have done, so that saving is exercised as much as refusing.
plausible_entries = st.builds(
    SetEntry,
    exercise=st.sampled_from(["barbell-hip-thrust", "glute-bridge", "romanian-deadlift"]),
    order=st.integers(min_value=1, max_value=10),
    reps=st.integers(min_value=0, max_value=1000),
    load_kg=st.one_of(st.none(), st.floats(min_value=0, max_value=1000)),
    rir=st.one_of(st.none(), st.integers(min_value=0, max_value=10)),
    warmup=st.booleans(),
    side=st.sampled_from([None, "L", "R"]),
    band=st.one_of(st.none(), st.text(max_size=40)),
    duration_s=st.one_of(st.none(), st.floats(min_value=0, max_value=3600)),
    distance_m=st.one_of(st.none(), st.floats(min_value=0, max_value=1000)),
    notes=st.text(max_size=200),
)
set_entries = st.one_of(plausible_entries, any_entries)
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database every example starts from: one session at BASE with one set."""
    path = tmp_path_factory.mktemp("template") / "hiplog.db"
    context = AppContext.open_path(path)
    training_log.log_sets(context, [SetEntry("glute-bridge", 1, reps=15, notes="kept")], BASE)
    context.close()
    return path


class Fuzzed:
    """The one open database the examples share, on SQLite or on PostgreSQL, and how each
    example starts from the template's content."""

    def __init__(self, ctx: AppContext, template: Path) -> None:
        self.ctx = ctx
        self.template = template
        self.rows: dict[str, list[dict[str, object]]] = {}
        if ctx.db.path is None:  # the template's rows, to put back on the server
            with ctx.db.engine.connect() as connection:
                for table in ("sessions", "sets"):
                    found = connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
                    self.rows[table] = [dict(row._mapping) for row in found]

    def examples(self, chosen: settings) -> settings:
        """`chosen`, with a twentieth of its examples on PostgreSQL."""
        if not self.rows:
            return chosen
        return settings(chosen, max_examples=max(10, chosen.max_examples // 20))

    def fresh(self) -> None:
        """Start an example from the template database, whatever the one before left behind.

        Examples share one open database (opening one per example would cost ~16 ms each). An
        example that fails after saving leaves its sets there, and Hypothesis then replays it
        (and shrinks it) on a different database and reports the test as flaky; so the state is
        set at the start of every example: by copying the template's pages in on SQLite
        (SQLite's backup, ~1 ms), by writing its sessions and sets again on PostgreSQL."""
        if not self.rows:
            with (
                closing(sqlite3.connect(self.template)) as source,
                closing(sqlite3.connect(self.ctx.db.path)) as to,
            ):
                source.backup(to)
        else:
            with self.ctx.db.engine.begin() as connection:
                connection.execute(text("DELETE FROM sets"))
                connection.execute(text("DELETE FROM sessions"))
                for table in ("sessions", "sets"):
                    for row in self.rows[table]:
                        columns = ", ".join(row)
                        values = ", ".join(f":{column}" for column in row)
                        insert = f"INSERT INTO {table} ({columns}) VALUES ({values})"
                        connection.execute(text(insert), row)
        self.ctx.invalidate()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzzed(
    request: pytest.FixtureRequest, template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Fuzzed]:
    path = tmp_path_factory.mktemp("fuzz") / "hiplog.db"
    if request.param == "postgresql":
        _, url = request.getfixturevalue("pg_databases").new()
        context = AppContext.open_url(url, local=path)
        training_log.log_sets(context, [SetEntry("glute-bridge", 1, reps=15, notes="kept")], BASE)
    else:
        shutil.copyfile(template, path)
        context = AppContext.open_path(path)
    yield Fuzzed(context, template)
    context.close()


@pytest.fixture(scope="module")
def csv_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export") / "all.csv"


def _snapshot(ctx: AppContext, path: Path) -> str:
    import_export.export_csv(ctx, path, replace=True)
    return path.read_text("utf-8")


def _same(stored: SetEntry, given_: SetEntry) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        return (a or 0.0) == (b or 0.0) or math.isclose(a or 0.0, b or 0.0, rel_tol=1e-12)

    return (
        stored.exercise == given_.exercise
        and stored.reps == given_.reps
        and close(stored.load_kg, given_.load_kg)
        and stored.rir == given_.rir
        and stored.warmup == given_.warmup
        and stored.side == given_.side
        and stored.band == given_.band
        and stored.notes == given_.notes
    )


def _undo(ctx: AppContext, session_id: int, new_set_ids: list[int]) -> None:
    """Deleting what was logged puts the database back as it was (the next example starts from
    the template anyway, `_fresh`)."""
    session = training_log.get_session(ctx, session_id)
    assert session is not None
    if session.started_at == BASE:
        for set_id in new_set_ids:
            training_log.delete_set(ctx, set_id)
    else:
        training_log.delete_session(ctx, session_id)


def _log_and_check(
    ctx: AppContext, csv_path: Path, entries: list[SetEntry], when: datetime | None
) -> None:
    before = _snapshot(ctx, csv_path)
    base = training_log.get_session(ctx, 1)
    assert base is not None
    before_ids = {s.id for s in base.sets}
    try:
        session = training_log.log_sets(ctx, entries, when)
    except InputError as exc:
        assert str(exc)  # a message a person can read
        assert _snapshot(ctx, csv_path) == before, "a refused input changed the database"
        return
    assert session.id is not None
    stored = training_log.get_session(ctx, session.id)
    assert stored is not None
    new_sets = [s for s in stored.sets if s.id not in before_ids or session.id != 1]
    assert len(new_sets) == len(entries)
    for saved, entry in zip(new_sets, entries, strict=True):
        assert _same(saved, entry)
    _undo(ctx, session.id, [s.id for s in new_sets if s.id is not None])
    assert _snapshot(ctx, csv_path) == before


def _fuzz_logging(fuzzed: Fuzzed, csv_path: Path, chosen: settings, most: int) -> None:
    @fuzzed.examples(chosen)
    @given(entries=st.lists(set_entries, min_size=1, max_size=most), when=moments)
    def example(entries: list[SetEntry], when: datetime) -> None:
        fuzzed.fresh()
        _log_and_check(fuzzed.ctx, csv_path, entries, when)

    example()


def test_fuzz_logging_sets(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_logging(fuzzed, csv_path, SHORT, 4)


@pytest.mark.slow
def test_fuzz_logging_sets_long(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_logging(fuzzed, csv_path, LONG, 6)


def _typed(
    ctx: AppContext,
    csv_path: Path,
    exercise: str,
    specs: list[str],
    rir: str,
    date: str,
    unit: Unit,
) -> None:
    """What `hiplog log EXERCISE SET... --rir R --date D` does with the typed text."""
    before = _snapshot(ctx, csv_path)
    try:
        found = exercises.find_exercise(ctx, exercise, "EXERCISE")
        when = parse_when_midnight_default(date, "--date")
        reps_in_reserve = parse_rir(rir, "--rir")
        entries = []
        for i, spec in enumerate(specs, start=1):
            load, reps = parse_set_spec(spec, unit, f"SET {i}")
            entries.append(SetEntry(found.slug, 1, reps=reps, load_kg=load, rir=reps_in_reserve))
    except InputError:
        assert _snapshot(ctx, csv_path) == before
        return
    _log_and_check(ctx, csv_path, entries, when)


spec_text = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A\s*-?[0-9.,eE+]{0,8}[xX×]-?[0-9.]{0,6}\s*\Z"),
)
date_text = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?\Z"),
    st.dates(min_value=datetime(1900, 1, 1).date()).map(str),
)
typed_sets = {
    "exercise": st.one_of(
        st.sampled_from(["barbell-hip-thrust", "Hip Thrust", "RDL", "glute bridge"]),
        st.text(max_size=25),
    ),
    "specs": st.lists(spec_text, min_size=1, max_size=4),
    "rir": st.one_of(st.text(max_size=4), st.integers(-2, 12).map(str)),
    "date": date_text,
    "unit": st.sampled_from(list(Unit)),
}


def _fuzz_typing(fuzzed: Fuzzed, csv_path: Path, chosen: settings) -> None:
    @fuzzed.examples(chosen)
    @given(**typed_sets)
    def example(**typed: object) -> None:
        fuzzed.fresh()
        _typed(fuzzed.ctx, csv_path, **typed)  # type: ignore[arg-type]

    example()


def test_fuzz_typed_sets(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_typing(fuzzed, csv_path, settings(SHORT, max_examples=800))


@pytest.mark.slow
def test_fuzz_typed_sets_long(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_typing(fuzzed, csv_path, LONG)


def _edit(ctx: AppContext, csv_path: Path, entry: SetEntry) -> None:
    """Editing the one saved set to whatever was typed: saved exactly, or refused untouched."""
    original = training_log.get_session(ctx, 1)
    assert original is not None
    saved = original.sets[0]
    before = _snapshot(ctx, csv_path)
    edited = SetEntry(**{**entry.__dict__, "id": saved.id})
    try:
        training_log.update_set(ctx, edited)
    except InputError:
        assert _snapshot(ctx, csv_path) == before
        return
    except HiplogError as exc:  # pragma: no cover - would be a bug worth reading
        raise AssertionError(f"unexpected refusal: {exc}") from exc
    after = training_log.get_session(ctx, 1)
    assert after is not None and _same(after.sets[0], edited)
    training_log.update_set(ctx, saved)
    assert _snapshot(ctx, csv_path) == before


def _fuzz_editing(fuzzed: Fuzzed, csv_path: Path, chosen: settings) -> None:
    @fuzzed.examples(chosen)
    @given(entry=set_entries)
    def example(entry: SetEntry) -> None:
        fuzzed.fresh()
        _edit(fuzzed.ctx, csv_path, entry)

    example()


def test_fuzz_editing_a_set(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_editing(fuzzed, csv_path, settings(SHORT, max_examples=400))


@pytest.mark.slow
def test_fuzz_editing_a_set_long(fuzzed: Fuzzed, csv_path: Path) -> None:
    _fuzz_editing(fuzzed, csv_path, LONG)
