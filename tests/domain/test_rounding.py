"""Achievable loads per equipment and unit."""

from __future__ import annotations

import pytest
from _domain_factories import DB_RDL, HIP_THRUST_BB, KB_SWING, PULL_THROUGH, exercise
from hypothesis import given
from hypothesis import strategies as st

from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.rounding import (
    band_rank,
    grid_for,
    grid_for_kind,
    lighter_band,
    next_band,
)
from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.domain.units import KG_PER_LB, Unit

KG = ProgressionSettings()
LB = ProgressionSettings(unit=Unit.LB)


@pytest.mark.parametrize(
    ("ex", "load", "expected"),
    [
        (HIP_THRUST_BB, 60.0, 62.5),
        (HIP_THRUST_BB, 20.0, 22.5),
        (HIP_THRUST_BB, 61.0, 62.5),  # off the grid: the next load on it
        (HIP_THRUST_BB, 62.4, 65.0),  # not a 0.1 kg "step"
        (DB_RDL, 10.0, 12.0),  # 2 kg per dumbbell
        (PULL_THROUGH, 25.0, 27.5),
        (KB_SWING, 12.0, 14.0),
        (KB_SWING, 16.0, 20.0),
        (KB_SWING, 18.0, 20.0),
        (KB_SWING, 48.0, None),  # the heaviest bell in the list
    ],
)
def test_next_load_above_in_kg(ex: Exercise, load: float, expected: float | None) -> None:
    assert grid_for(ex, KG).next_above(load) == expected


def test_lb_users_step_on_an_lb_grid() -> None:
    load = 135 * KG_PER_LB
    nxt = grid_for(HIP_THRUST_BB, LB).next_above(load)
    assert nxt is not None
    assert nxt / KG_PER_LB == pytest.approx(140)
    assert grid_for(DB_RDL, LB).next_above(20 * KG_PER_LB) == pytest.approx(25 * KG_PER_LB)
    # a kg start load lands on the nearest lb load
    assert grid_for(HIP_THRUST_BB, LB).nearest(20.0) / KG_PER_LB == pytest.approx(45)
    assert grid_for(HIP_THRUST_BB, LB).round_down(0.9 * 135 * KG_PER_LB) / KG_PER_LB == (
        pytest.approx(120)
    )


def test_kettlebells_stay_on_the_bell_list_in_lb_too() -> None:
    assert grid_for(KB_SWING, LB).next_above(16.0) == 20.0


@pytest.mark.parametrize(
    ("load", "nearest", "down"),
    [(61.0, 60.0, 60.0), (61.25, 62.5, 60.0), (62.4, 62.5, 60.0), (54.0, 55.0, 52.5)],
)
def test_nearest_and_round_down_on_a_barbell(load: float, nearest: float, down: float) -> None:
    assert grid_for(HIP_THRUST_BB, KG).nearest(load) == nearest
    assert grid_for(HIP_THRUST_BB, KG).round_down(load) == down


def test_kettlebell_rounding() -> None:
    assert grid_for(KB_SWING, KG).round_down(16 * 0.9) == 14
    assert grid_for(KB_SWING, KG).round_down(20 * 0.8) == 16
    assert grid_for(KB_SWING, KG).nearest(15.0) == 16  # a tie goes to the heavier bell
    assert grid_for(KB_SWING, KG).round_down(3.0) == 4  # never below the lightest bell


def test_lightest_load_is_the_first_step() -> None:
    assert grid_for(DB_RDL, KG).lightest == 2.0
    assert grid_for(KB_SWING, KG).lightest == 4.0
    assert grid_for(DB_RDL, LB).lightest == pytest.approx(5 * KG_PER_LB)


def test_step_override_replaces_the_grid() -> None:
    s = ProgressionSettings(
        exercise_overrides={"barbell-hip-thrust": ExerciseOverride(step_kg=1.25)}
    )
    assert grid_for(HIP_THRUST_BB, s).next_above(60.0) == 61.25
    assert grid_for(HIP_THRUST_BB, s).round_down(54.0) == 53.75


def test_custom_exercise_without_equipment_uses_a_plain_step() -> None:
    custom = exercise("frog-pump", step_kind=None, custom=True)
    assert grid_for(custom, KG).next_above(30.0) == 32.5
    assert grid_for_kind(None, LB).step_kg == pytest.approx(5 * KG_PER_LB)


def test_bands_follow_the_persons_order() -> None:
    assert next_band(None, KG) == "light"
    assert next_band("light", KG) == "medium"
    assert next_band("Heavy", KG) == "extra heavy"
    assert next_band("extra heavy", KG) is None
    assert next_band("purple", KG) is None
    assert lighter_band("medium", KG) == "light"
    assert lighter_band("light", KG) is None
    assert band_rank("MEDIUM", KG) == 1
    custom = ProgressionSettings(bands=("yellow", "red", "black"))
    assert next_band("yellow", custom) == "red"


loads = st.floats(min_value=0.5, max_value=400, allow_nan=False)
kinds = st.sampled_from([k for k in StepKind if k is not StepKind.BAND])
units = st.sampled_from([KG, LB])


@given(load=loads, kind=kinds, settings=units)
def test_grid_properties(load: float, kind: StepKind, settings: ProgressionSettings) -> None:
    grid = grid_for_kind(kind, settings)
    down = grid.round_down(load)
    near = grid.nearest(load)
    assert down > 0 and near > 0
    if load >= grid.lightest:
        assert down <= load + 1e-6
    nxt = grid.next_above(load)
    if nxt is not None:
        assert nxt > load
        # an achievable load stays put when rounded
        assert grid.nearest(nxt) == pytest.approx(nxt)
        assert grid.round_down(nxt) == pytest.approx(nxt)
