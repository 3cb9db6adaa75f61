"""Progression settings: documented defaults, text round trip, overrides."""

from __future__ import annotations

import pytest
from _domain_factories import BACK_EXT, HIP_THRUST_BB

from hiplog.domain.errors import InputError
from hiplog.domain.models import StepKind
from hiplog.domain.plates import PlateStock, parse_stock
from hiplog.domain.settings import (
    FIELDS,
    ExerciseOverride,
    ProgressionSettings,
    effective_exercise,
)
from hiplog.domain.units import Unit


def test_defaults_are_the_documented_numbers() -> None:
    s = ProgressionSettings()
    assert s.recovery_hours == 48
    assert s.sessions_per_week == (2, 3)
    assert (s.gap_no_change_days, s.gap_long_days) == (10, 28)
    assert (s.gap_short_factor, s.gap_long_factor) == (0.90, 0.80)
    assert (s.deload_factor, s.deload_failures) == (0.90, 3)
    assert (s.large_jump_fraction, s.large_jump_extra_reps) == (0.10, 2)
    assert s.step_for(StepKind.BARBELL) == 2.5
    assert s.step_for(StepKind.DUMBBELL) == 2.0
    assert s.step_for(StepKind.STACK) == 2.5
    assert s.step_for(StepKind.PLATE) == 2.5
    for kind in (StepKind.BARBELL, StepKind.DUMBBELL, StepKind.STACK, StepKind.PLATE):
        assert s.step_for(kind, Unit.LB) == 5
    assert s.step_for(StepKind.KETTLEBELL) is None
    assert s.kettlebells_kg == (4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48)
    assert s.bands == ("light", "medium", "heavy", "extra heavy")
    assert s.weekly_hard_sets == (10, 20)
    assert s.hard_set_max_rir == 4
    assert s.lookback_days == 90
    assert s.unit is Unit.KG
    assert s.bodyweight_kg is None
    assert s.exercise_overrides == {}


def test_text_round_trip_keeps_every_value() -> None:
    s = ProgressionSettings(
        recovery_hours=36,
        sessions_per_week=(3, 4),
        kettlebells_kg=(8, 12, 16, 24),
        bands=("red, thin", "green"),
        unit=Unit.LB,
        bodyweight_kg=72.5,
        bar_lb=35,
        plates_lb=parse_stock("45x2, 25x1, 2.5x3"),
        bumpers_kg=parse_stock("15x1", bumper=True),
        exercise_overrides={
            "barbell-hip-thrust": ExerciseOverride(sets=4, rep_range=(6, 10), step_kg=1.25),
            "back-extension-45": ExerciseOverride(loaded_rep_range=(10, 15)),
        },
    )
    text = s.to_strings()
    assert all(isinstance(v, str) for v in text.values())
    assert text["unit"] == "lb"
    assert text["recovery_hours"] == "36"
    assert text["plates_lb"] == "45x2, 25x1, 2.5x3"
    assert ProgressionSettings.from_strings(text) == s
    assert s.plate_inventory().bar == 35  # lb is in use: the lb bar and plates
    assert s.plate_inventory(Unit.KG).plates[-1] == PlateStock(15, 1, bumper=True)


def test_defaults_round_trip_and_missing_keys_keep_defaults() -> None:
    assert ProgressionSettings.from_strings(ProgressionSettings().to_strings()) == (
        ProgressionSettings()
    )
    assert ProgressionSettings.from_strings({}) == ProgressionSettings()


def test_unknown_keys_are_ignored() -> None:
    s = ProgressionSettings.from_strings({"theme": "dark", "deload_factor": "0.85"})
    assert s.deload_factor == 0.85


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("recovery_hours", "two days"),
        ("deload_factor", "1.5"),
        ("sessions_per_week", "3"),
        ("sessions_per_week", "4,2"),
        ("kettlebells_kg", "16,12"),
        ("bands", "light"),
        ("unit", "stone"),
        ("bodyweight_kg", "-3"),
        ("lookback_days", "0"),
        ("barbell_step_kg", "0"),
        ("bar_kg", "-20"),
        ("plates_kg", "20x2, twenty"),
        ("bumpers_lb", "45x0"),
        ("override.barbell-hip-thrust", '{"rep_range": [12, 8]}'),
        ("override.barbell-hip-thrust", "not json"),
    ],
)
def test_bad_values_raise_an_input_error_naming_the_key(key: str, value: str) -> None:
    with pytest.raises(InputError) as info:
        ProgressionSettings.from_strings({key: value})
    assert key in str(info.value)


def test_effective_exercise_applies_overrides_and_keeps_the_rest() -> None:
    s = ProgressionSettings(
        exercise_overrides={
            "back-extension-45": ExerciseOverride(sets=4, loaded_rep_range=(10, 15)),
        }
    )
    ex = effective_exercise(BACK_EXT, s)
    assert ex.sets == 4
    assert ex.rep_range == BACK_EXT.rep_range
    assert ex.loaded_rep_range == (10, 15)
    assert ex.slug == BACK_EXT.slug
    assert effective_exercise(HIP_THRUST_BB, s) is HIP_THRUST_BB


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("recovery_hours", "300"),
        ("barbell_step_kg", "250"),
        ("kettlebells_kg", "8,12,500"),
        ("sessions_per_week", "2,30"),
        ("bodyweight_kg", "8"),
    ],
)
def test_stored_or_restored_settings_refuse_what_the_dialog_refuses(key: str, text: str) -> None:
    spec = FIELDS[key]
    with pytest.raises(InputError, match=f"must be from {spec.low:g} to {spec.high:g}") as err:
        ProgressionSettings.from_strings({key: text})
    assert err.value.where == f"setting {key}"


def test_the_language_setting_is_system_or_a_language_hiplog_speaks() -> None:
    assert ProgressionSettings().language == "system"
    assert ProgressionSettings.from_strings({"language": " DE "}).language == "de"
    assert ProgressionSettings.from_strings({"language": "fr"}).to_strings()["language"] == "fr"
    with pytest.raises(InputError, match="setting language"):
        ProgressionSettings.from_strings({"language": "pt"})
