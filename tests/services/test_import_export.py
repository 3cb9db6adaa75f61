"""Export, import into an empty database, export again: nothing is lost or changed."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hiplog.domain.catalog import new_custom_exercise
from hiplog.domain.errors import InputError
from hiplog.domain.models import Role, Session, SetEntry
from hiplog.domain.name_recognition import with_role
from hiplog.domain.units import Unit
from hiplog.services import exercises, import_export, training_log
from hiplog.services.context import AppContext
from hiplog.storage import session_repo

SLUGS = ["barbell-hip-thrust", "glute-bridge", "kettlebell-swing", "step-up"]
CUSTOM = ["Sled Push", "=SUM(A1)", "Hip Thrust, Machine"]

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=20,
)


@st.composite
def sessions(draw: st.DrawFn) -> list[Session]:
    out: list[Session] = []
    days = draw(st.lists(st.integers(0, 3000), min_size=1, max_size=4, unique=True))
    for day in sorted(days):
        start = datetime(2018, 1, 1, 18, 0).replace(minute=day % 60) + __import__(
            "datetime"
        ).timedelta(days=day)
        n = draw(st.integers(1, 5))
        entries = []
        counters: dict[str, int] = {}
        for _ in range(n):
            exercise = draw(st.sampled_from(SLUGS + CUSTOM))
            counters[exercise] = counters.get(exercise, 0) + 1
            entries.append(
                SetEntry(
                    exercise=exercise,
                    order=counters[exercise],
                    reps=draw(st.integers(0, 1000)),
                    load_kg=draw(
                        st.one_of(st.none(), st.integers(1, 400000).map(lambda g: g / 1000))
                    ),
                    rir=draw(st.one_of(st.none(), st.integers(0, 10))),
                    warmup=draw(st.booleans()),
                    side=draw(st.sampled_from([None, "L", "R"])),
                    band=draw(st.one_of(st.none(), st.sampled_from(["light", "-heavy"]))),
                    duration_s=draw(st.one_of(st.none(), st.integers(0, 3600).map(float))),
                    distance_m=draw(st.one_of(st.none(), st.integers(0, 5000).map(float))),
                    notes=draw(text),
                )
            )
        out.append(Session(started_at=start, sets=tuple(entries)))
    return out


ROUND_TRIPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_csv_round_trip_through_the_database_is_identical(
    backend: str, request: pytest.FixtureRequest
) -> None:
    # Two new databases an example: on PostgreSQL each is a copy made on the server, so there a
    # tenth as many examples.
    chosen = ROUND_TRIPS if backend == "sqlite" else settings(ROUND_TRIPS, max_examples=4)

    @chosen
    @given(history=sessions())
    def example(history: list[Session]) -> None:
        with tempfile.TemporaryDirectory() as tmp_name:
            _round_trip(backend, request, Path(tmp_name), history)

    example()


def _open_new(backend: str, request: pytest.FixtureRequest, local: Path) -> tuple[AppContext, str]:
    """A new database of `backend` (file or server database name) for one example."""
    if backend == "sqlite":
        return AppContext.open_path(local), ""
    name, url = request.getfixturevalue("pg_databases").new()
    return AppContext.open_url(url, local=local), name


def _round_trip(
    backend: str, request: pytest.FixtureRequest, tmp: Path, history: list[Session]
) -> None:
    source = tmp / "source.csv"
    made = []
    first, name = _open_new(backend, request, tmp / "first.db")
    made.append(name)
    try:
        # Custom names reach the first database the way people bring them: by import.
        from hiplog.domain.hiplog_csv import write_hiplog_csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            write_hiplog_csv(history, lambda slug: slug, handle)
        import_export.import_file(first, source)
        import_export.export_csv(first, tmp / "one.csv")
    finally:
        first.close()
    second, name = _open_new(backend, request, tmp / "second.db")
    made.append(name)
    try:
        import_export.import_file(second, tmp / "one.csv")
        import_export.export_csv(second, tmp / "two.csv")
    finally:
        second.close()
        for name in made:
            if name:
                request.getfixturevalue("pg_databases").drop(name)
    assert (tmp / "two.csv").read_text("utf-8") == (tmp / "one.csv").read_text("utf-8")
    assert (tmp / "one.csv").read_text("utf-8") == source.read_text("utf-8")


def test_json_backup_round_trip_keeps_custom_exercises_settings_and_bodyweight(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    first = AppContext.open_path(tmp_path / "a.db")
    try:
        training_log.create_session(first, datetime(2026, 11, 1, 7, 30), bodyweight_kg=71.5)
        training_log.log_sets(
            first,
            [SetEntry("glute-bridge", 1, 20), SetEntry("glute-bridge", 1, 18, notes="felt it")],
            datetime(2026, 11, 2, 18, 0),
        )
        import_export.export_json(first, tmp_path / "backup.json")
    finally:
        first.close()
    second = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(second, tmp_path / "backup.json")
        assert summary.sets_imported == 2
        import_export.export_json(second, tmp_path / "again.json")
        with second.db.reader() as tx:
            restored = session_repo.sessions_between(tx, None, None)
    finally:
        second.close()
    assert restored[0].bodyweight_kg == 71.5
    assert [s.notes for s in restored[1].sets] == ["", "felt it"]


def test_a_refused_import_changes_nothing(tmp_path: Path, fresh_ctx: AppContext) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        training_log.log_sets(ctx, [SetEntry("lunge", 1, 8)], datetime(2026, 1, 1, 9, 0))
        import_export.export_csv(ctx, tmp_path / "before.csv")
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
            "2026-02-01T10:00,lunge,1,,8,,0,,,,,\n"
            "2026-02-01T10:00,lunge,2,,8\n"
        )
        try:
            import_export.import_file(ctx, bad)
        except Exception as exc:  # the reader refuses the cut-off row
            assert "bad.csv line 3" in str(exc)
        else:
            raise AssertionError("a cut-off row must be refused")
        import_export.export_csv(ctx, tmp_path / "after.csv")
    finally:
        ctx.close()
    assert (tmp_path / "after.csv").read_text() == (tmp_path / "before.csv").read_text()


def test_a_later_export_adds_only_the_sessions_hiplog_does_not_have(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    header = "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
    monday = "2026-02-02T10:00,lunge,1,,8,,0,,,,,\n2026-02-02T10:00,lunge,2,,8,,0,,,,,\n"
    files = {
        "first.csv": monday,
        "later.csv": monday + "2026-02-04T10:00,lunge,1,,9,,0,,,,,\n",  # Monday again, and more
        "edited.csv": monday.replace(",8,", ",7,"),  # Monday's start with other sets
    }
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summaries = []
        for name, rows in files.items():
            (tmp_path / name).write_text(header + rows)
            summaries.append(import_export.import_file(ctx, tmp_path / name))
        with ctx.db.reader() as tx:
            stored = session_repo.sessions_between(tx, None, None)
    finally:
        ctx.close()
    assert [(s.sessions, s.sessions_skipped) for s in summaries] == [(1, 0), (1, 1), (1, 0)]
    assert [(s.started_at.day, [e.reps for e in s.sets]) for s in stored] == [
        (2, [8, 8]),
        (2, [7, 7]),
        (4, [9]),
    ]


def test_an_import_leaves_python_collecting_garbage_as_before(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    # Imports pause the cycle collector while they run; it must run again afterwards, also
    # when the file is refused, and stay off if the caller had turned it off.
    import gc

    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
    good = tmp_path / "good.csv"
    good.write_text(header + "2026-03-02 10:00:00,Legs,Hip Thrust (Barbell),1,60,8\n")
    bad = tmp_path / "bad.csv"
    bad.write_text(header + "2026-03-02 10:00:00,Legs,Hip Thrust (Barbell),1,sixty,8\n")
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        assert import_export.import_file(ctx, good, "strong", Unit.KG).sets_imported == 1
        assert gc.isenabled()
        with pytest.raises(InputError):
            import_export.import_file(ctx, bad, "strong", Unit.KG)
        assert gc.isenabled()
        gc.disable()
        try:
            import_export.read_import_file(good, ctx.catalog(), "strong", Unit.KG)
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        ctx.close()


def test_the_summary_names_a_few_new_exercises_per_group_and_counts_the_rest() -> None:
    summary = import_export.ImportSummary(
        file="big.csv",
        format="strong",
        groups={"other": [(f"Move {i}", 25 - i) for i in range(25)], "hip": [("Sled", 2)]},
    )
    (hip,) = [text for text in summary.lines() if text.startswith("Your own hip exercises")]
    assert hip.endswith("(1, sets in brackets): Sled (2).")
    (line,) = [text for text in summary.lines() if text.startswith("Other training")]
    assert "(25, sets in brackets): Move 0 (25), Move 1 (24)," in line
    assert "Move 19 (6) and 5 more" in line and "Move 20" not in line


MIXED_CSV = (
    "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
    "2026-11-20T18:00,barbell-hip-thrust,1,60,10,,0,,,,,\n"
    "2026-11-20T18:00,Bulgarian Split Squat,1,10,10,,0,,,,,\n"
    "2026-11-20T18:00,Bench Press (Barbell),1,80,8,,0,,,,,\n"
    "2026-11-20T18:00,Sled Drag,1,100,1,,0,,,,,\n"
)


def test_json_backup_carries_roles_and_csv_round_trips_unchanged(
    tmp_path: Path, new_ctx: Callable[[], AppContext]
) -> None:
    source = tmp_path / "mixed.csv"
    source.write_text(MIXED_CSV, encoding="utf-8")
    first = new_ctx()  # on SQLite and on PostgreSQL
    second = new_ctx()
    try:
        import_export.import_file(first, source)
        # The person moves the sled drag (other training, not sure) to hip work.
        exercises.save_custom_exercise(first, with_role(first.exercise("sled-drag"), Role.HIP))
        roles = {e.slug: e for e in first.catalog() if e.custom}
        import_export.export_json(first, tmp_path / "backup.json")
        import_export.export_csv(first, tmp_path / "one.csv")
        import_export.import_file(second, tmp_path / "backup.json")
        assert {e.slug: e for e in second.catalog() if e.custom} == roles
        assert roles["sled-drag"].role is Role.HIP
        assert roles["bench-press-barbell"].role is Role.OTHER
        third = new_ctx()
        try:
            import_export.import_file(third, tmp_path / "one.csv")
            import_export.export_csv(third, tmp_path / "two.csv")
        finally:
            third.close()
        assert (tmp_path / "two.csv").read_text() == (tmp_path / "one.csv").read_text()
    finally:
        first.close()
        second.close()


def test_the_summary_of_a_real_strong_export_writes_names_and_plain_counts(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    shared = Path(__file__).resolve().parents[2].parent / "shared" / "formats" / "strong"
    source = shared / "Andrew50__Lifting__aj_strong_data.csv"
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(ctx, source, "strong", Unit.LB, dry_run=True)
        catalog = ctx.catalog()
    finally:
        ctx.close()
    text = "\n".join(summary.lines())
    assert summary.rest_rows > 0
    assert "rest rows" not in text and "rest-timer row" in text  # what a person calls them
    (matched,) = [t for t in summary.lines() if t.startswith("Matched to hiplog's exercises")]
    assert "Barbell hip thrust" in matched or "Conventional deadlift" in matched
    assert not any(e.slug in matched for e in catalog if "-" in e.slug)
    assert " 1 sessions" not in text and " 1 sets" not in text and " 1 rows" not in text


def test_exercise_notes_travel_in_the_json_backup_and_come_back_exactly(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    first = AppContext.open_path(tmp_path / "a.db")
    try:
        own = exercises.save_custom_exercise(
            first, new_custom_exercise("", "Sled hip push", loaded=True)
        )
        training_log.log_sets(first, [SetEntry(own.slug, 1, 10)], datetime(2026, 11, 2, 18, 0))
        exercises.set_exercise_note(first, "barbell-hip-thrust", "Bench at 40 cm\nPad: thick")
        exercises.set_exercise_note(first, own.slug, "Feet on the 2nd line")
        import_export.export_csv(first, tmp_path / "one.csv")
        import_export.export_json(first, tmp_path / "backup.json")
    finally:
        first.close()
    second = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        import_export.import_file(second, tmp_path / "backup.json")
        notes = exercises.exercise_notes(second)
        import_export.export_json(second, tmp_path / "again.json")
    finally:
        second.close()
    assert notes == {
        "barbell-hip-thrust": "Bench at 40 cm\nPad: thick",
        own.slug: "Feet on the 2nd line",
    }
    one, two = (
        json.loads((tmp_path / n).read_text("utf-8")) for n in ("backup.json", "again.json")
    )
    del one["exported_at"], two["exported_at"]
    assert one == two
    assert "Bench at 40 cm" not in (tmp_path / "one.csv").read_text("utf-8")  # CSV unchanged
