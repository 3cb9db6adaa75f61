"""Body measurements: entered, changed and removed in the person's units, one a day, in the
JSON backup, charted with the sessions' bodyweights, and feeding the bodyweight share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.progression import Suggestion
from hiplog.domain.units import Unit
from hiplog.services import body, import_export, plan, settings_store, training_log
from hiplog.services.context import AppContext

DAY = date(2026, 11, 20)


def test_an_entry_is_added_changed_and_removed(ctx: AppContext) -> None:
    entry = body.from_input(DAY, 81.5, 104.0, None, Unit.KG)
    body.add_measurement(ctx, entry)
    assert body.list_measurements(ctx) == [
        BodyMeasurement(datetime(2026, 11, 20), 81.5, 104.0, None)
    ]
    changed = body.from_input(DAY, 81.0, 104.0, 61.0, Unit.KG)
    body.replace_measurement(ctx, entry, changed)
    assert body.list_measurements(ctx) == [changed]
    body.delete_measurement(ctx, changed)
    assert body.list_measurements(ctx) == []


def test_a_second_entry_on_a_day_is_refused_and_the_first_kept(ctx: AppContext) -> None:
    first = body.from_input(DAY, 81.5, None, None, Unit.KG)
    body.add_measurement(ctx, first)
    with pytest.raises(InputError, match="entry on Fri 20 Nov 2026 already"):
        body.add_measurement(ctx, body.from_input(DAY, 80.0, None, None, Unit.KG))
    other = body.from_input(date(2026, 11, 21), 80.0, None, None, Unit.KG)
    body.add_measurement(ctx, other)
    with pytest.raises(InputError, match="entry on Fri 20 Nov 2026 already"):
        body.replace_measurement(ctx, other, replace(other, measured_at=first.measured_at))
    assert body.list_measurements(ctx) == [first, other]  # the refused change left both


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((10.0, None, None), "bodyweight: must be from 20 to 400 kg, not 10"),
        ((None, 300.0, None), "hip: must be from 20 to 250 cm, not 300"),
        ((None, None, 5.0), "thigh: must be from 20 to 250 cm, not 5"),
        ((None, None, None), "give a bodyweight, a hip or a thigh circumference"),
    ],
)
def test_values_no_person_has_are_refused_with_what_and_where(
    ctx: AppContext, values: tuple[float | None, float | None, float | None], expected: str
) -> None:
    with pytest.raises(InputError, match=expected):
        body.from_input(DAY, *values, Unit.KG)
    assert body.list_measurements(ctx) == []


def test_a_date_outside_1900_to_2100_is_refused() -> None:
    with pytest.raises(InputError, match="not between 1900 and 2100"):
        body.from_input(date(1899, 12, 31), 80.0, None, None, Unit.KG)


def test_lb_goes_with_inches_in_and_out() -> None:
    entry = body.from_input(DAY, 180.0, 41.0, 24.0, Unit.LB)
    assert entry.bodyweight_kg == pytest.approx(81.647, abs=1e-3)
    assert (entry.hip_cm, entry.thigh_cm) == (pytest.approx(104.14), pytest.approx(60.96))
    assert body.in_unit(entry, Unit.LB) == (
        pytest.approx(180.0),
        pytest.approx(41.0),
        pytest.approx(24.0),
    )
    with pytest.raises(InputError, match="hip: must be from 8 to 98 in, not 120"):
        body.from_input(DAY, None, 120.0, None, Unit.LB)


@pytest.mark.parametrize(("text", "value"), [("81,5", 81.5), (" 104 ", 104.0), ("", None)])
def test_values_are_read_as_people_type_them(text: str, value: float | None) -> None:
    assert body.parse_value(text, "hip") == value


@pytest.mark.parametrize("text", ["7o", "1_000", "nan", "inf"])
def test_a_value_that_is_not_a_number_says_so(text: str) -> None:
    with pytest.raises(InputError, match=f"hip: '{text}' is not a number"):
        body.parse_value(text, "hip")


def test_the_json_backup_brings_every_entry_back_identically(
    tmp_path: Path, new_ctx: Callable[[], AppContext]
) -> None:
    first = new_ctx()  # on SQLite and on PostgreSQL
    try:
        body.add_measurement(first, body.from_input(DAY, 81.5, 104.0, None, Unit.KG))
        body.add_measurement(first, body.from_input(date(2026, 11, 27), None, 103.5, 61.0, Unit.KG))
        import_export.export_json(first, tmp_path / "backup.json")
        entries = body.list_measurements(first)
    finally:
        first.close()
    second = new_ctx()
    try:
        import_export.import_file(second, tmp_path / "backup.json")
        assert body.list_measurements(second) == entries
        import_export.export_json(second, tmp_path / "again.json")
    finally:
        second.close()

    # the exported_at line differs (two exports); everything else is the same text
    def body_of(name: str) -> list[str]:
        lines = (tmp_path / name).read_text("utf-8").splitlines()
        return [line for line in lines if '"exported_at"' not in line]

    assert body_of("again.json") == body_of("backup.json")


def test_the_body_series_joins_entries_and_session_bodyweights(ctx: AppContext) -> None:
    training_log.create_session(ctx, datetime(2026, 11, 18, 18), bodyweight_kg=82.0)
    training_log.create_session(ctx, datetime(2026, 11, 20, 18), bodyweight_kg=81.9)
    body.add_measurement(ctx, body.from_input(DAY, 81.5, 104.0, None, Unit.KG))
    series = body.body_series(ctx)
    # on the 20th the entry counts, not the session's bodyweight
    assert series.bodyweight == ((datetime(2026, 11, 18, 18), 82.0), (datetime(2026, 11, 20), 81.5))
    assert series.hip == ((datetime(2026, 11, 20), 104.0),)
    assert series.thigh == ()


def test_an_entry_changes_the_next_suggestion_through_the_bodyweight_share(
    ctx: AppContext,
) -> None:
    # Step-ups with 6 kg dumbbells, 3 x 15: the next pair (8 kg) is a small step for a person of
    # hiplog's reference 70 kg, but a large one when the dumbbells are most of what is moved.
    for day in (16, 18):
        training_log.log_sets(
            ctx, [SetEntry("step-up", n, 15, 6.0) for n in (1, 2, 3)], datetime(2026, 11, day, 18)
        )
    as_of = datetime(2026, 11, 21, 12)
    before = plan.suggest_exercise(ctx, "step-up", as_of)
    assert before is not None and (before.rule, before.load_kg) == ("add-load", 8.0)
    body.add_measurement(ctx, body.from_input(DAY, 25.0, None, None, Unit.KG))
    assert settings_store.bodyweight_kg(ctx) == 25.0
    after = plan.suggest_exercise(ctx, "step-up", as_of)
    assert after is not None and (after.rule, after.load_kg) == ("add-reps", 6.0)


def test_the_plan_takes_an_entry_newer_than_the_sessions_bodyweight(ctx: AppContext) -> None:
    """The Plan reads the newest bodyweight, a session's or an entry's, up to its as-of."""
    for day in (16, 18):
        session = training_log.create_session(ctx, datetime(2026, 11, day, 18), bodyweight_kg=70.0)
        assert session.id is not None
        for n in (1, 2, 3):
            training_log.add_set(ctx, session.id, SetEntry("step-up", n, 15, 6.0))

    def step_up(as_of: datetime) -> tuple[str, float | None]:
        (found,) = [s for s in plan.suggest(ctx, as_of).suggestions if s.exercise == "step-up"]
        return found.rule, found.load_kg

    assert step_up(datetime(2026, 11, 21, 12)) == ("add-load", 8.0)
    body.add_measurement(ctx, body.from_input(DAY, 25.0, None, None, Unit.KG))
    assert step_up(datetime(2026, 11, 21, 12)) == ("add-reps", 6.0)
    assert step_up(datetime(2026, 11, 19, 12)) == ("add-load", 8.0)  # before the entry


def test_the_logs_targets_take_a_recorded_bodyweight_before_the_settings_one(
    ctx: AppContext,
) -> None:
    """As the Plan does: the newest recorded bodyweight up to as-of, else Settings."""
    settings_store.save(ctx, replace(ctx.settings(), bodyweight_kg=80.0))
    for day in (16, 18):
        training_log.log_sets(
            ctx, [SetEntry("step-up", n, 15, 6.0) for n in (1, 2, 3)], datetime(2026, 11, day, 18)
        )
    as_of = datetime(2026, 11, 21, 12)
    assert _rule(plan.suggest_exercise(ctx, "step-up", as_of)) == ("add-load", 8.0)
    body.add_measurement(ctx, body.from_input(DAY, 25.0, None, None, Unit.KG))
    assert _rule(plan.suggest_exercise(ctx, "step-up", as_of)) == ("add-reps", 6.0)
    assert settings_store.bodyweight_kg(ctx) == 80.0  # History and the charts: Settings first


def _rule(found: object) -> tuple[str, float | None]:
    assert isinstance(found, Suggestion)
    return found.rule, found.load_kg
