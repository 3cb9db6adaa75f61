"""The plate calculator: table-driven cases in kg, in lb, with bumper-only inventories and with
loads that cannot be made exactly."""

from __future__ import annotations

import pytest

from hiplog.domain.plates import PlateInventory, PlateStock, needs_bumpers, plates_for
from hiplog.domain.units import KG_PER_LB, Unit

KG_GYM = PlateInventory(
    Unit.KG,
    20.0,
    (
        PlateStock(25, 2),
        PlateStock(20, 2),
        PlateStock(15, 1),
        PlateStock(10, 2),
        PlateStock(5, 2),
        PlateStock(2.5, 2),
        PlateStock(1.25, 2),
    ),
)
LB_GYM = PlateInventory(
    Unit.LB,
    45.0,
    (PlateStock(45, 4), PlateStock(25, 2), PlateStock(10, 2), PlateStock(5, 2), PlateStock(2.5, 2)),
)
#: A home gym of bumpers only: no small plates, so most 2.5 kg steps cannot be made.
BUMPERS_ONLY = PlateInventory(
    Unit.KG,
    20.0,
    (
        PlateStock(20, 2, True),
        PlateStock(15, 1, True),
        PlateStock(10, 1, True),
        PlateStock(5, 1, True),
    ),
)
#: Iron plates and two pairs of bumpers, for hip thrusts.
MIXED = PlateInventory(
    Unit.KG,
    20.0,
    (
        PlateStock(20, 2),
        PlateStock(10, 2),
        PlateStock(5, 2),
        PlateStock(2.5, 2),
        PlateStock(1.25, 2),
        PlateStock(15, 1, True),
        PlateStock(10, 1, True),
    ),
)


@pytest.mark.parametrize(
    ("load_kg", "inventory", "per_side", "text"),
    [
        (60, KG_GYM, (20,), "60 kg: 20 kg bar + 20 per side"),
        (20, KG_GYM, (), "20 kg: the 20 kg bar alone"),
        (102.5, KG_GYM, (25, 15, 1.25), "102.5 kg: 20 kg bar + 25 + 15 + 1.25 per side"),
        (140, KG_GYM, (25, 25, 10), "140 kg: 20 kg bar + 25 + 25 + 10 per side"),
        # fewest plates: 35 per side is 25 + 10, not 20 + 10 + 5
        (90, KG_GYM, (25, 10), "90 kg: 20 kg bar + 25 + 10 per side"),
        (135 * KG_PER_LB, LB_GYM, (45,), "135 lb: 45 lb bar + 45 per side"),
        (225 * KG_PER_LB, LB_GYM, (45, 45), "225 lb: 45 lb bar + 45 + 45 per side"),
        (100 * KG_PER_LB, LB_GYM, (25, 2.5), "100 lb: 45 lb bar + 25 + 2.5 per side"),
        # bumper-only: 15 + 5 per side
        (60, BUMPERS_ONLY, (20,), "60 kg: 20 kg bar + 20 per side"),
        (80, BUMPERS_ONLY, (20, 10), "80 kg: 20 kg bar + 20 + 10 per side"),
    ],
)
def test_exact_loads(
    load_kg: float, inventory: PlateInventory, per_side: tuple[float, ...], text: str
) -> None:
    result = plates_for(load_kg, inventory)
    assert result.exact
    assert result.per_side == per_side
    assert result.text() == text


@pytest.mark.parametrize(
    ("load_kg", "inventory", "made", "text"),
    [
        # half-way between 62.5 and 65: the lighter one
        (
            63.75,
            KG_GYM,
            62.5,
            "63.75 kg cannot be made; nearest 62.5 kg: 20 kg bar + 20 + 1.25 per side",
        ),
        (61, KG_GYM, 60, "61 kg cannot be made; nearest 60 kg: 20 kg bar + 20 per side"),
        (12, KG_GYM, 20, "12 kg cannot be made; nearest 20 kg: the 20 kg bar alone"),
        # more than every plate together: all of them
        (400, KG_GYM, 20 + 2 * 142.5, None),
        (62.5, BUMPERS_ONLY, 60, "62.5 kg cannot be made; nearest 60 kg: 20 kg bar + 20 per side"),
        (27.5, BUMPERS_ONLY, 30, "27.5 kg cannot be made; nearest 30 kg: 20 kg bar + 5 per side"),
        (
            62 * KG_PER_LB,
            LB_GYM,
            60,
            "62 lb cannot be made; nearest 60 lb: 45 lb bar + 5 + 2.5 per side",
        ),
        (
            60,  # 60 kg on lb plates: 132.28 lb; 130 is nearer than 135
            LB_GYM,
            130,
            "132.28 lb cannot be made; nearest 130 lb: 45 lb bar + 25 + 10 + 5 + 2.5 per side",
        ),
    ],
)
def test_loads_that_cannot_be_made_give_the_nearest(
    load_kg: float, inventory: PlateInventory, made: float, text: str | None
) -> None:
    result = plates_for(load_kg, inventory)
    assert not result.exact
    assert result.total == pytest.approx(made)
    if text is not None:
        assert result.text() == text


@pytest.mark.parametrize(
    ("load_kg", "per_side"),
    [
        (60, (15, 5)),  # a bumper next to the collar, iron outside it
        (50, (15,)),
        (90, (15, 20)),  # bumper first although the iron plate is heavier
        (45, (10, 2.5)),
    ],
)
def test_hip_thrust_loads_start_with_a_bumper(load_kg: float, per_side: tuple[float, ...]) -> None:
    result = plates_for(load_kg, MIXED, bumper_first=True)
    assert result.exact
    assert result.per_side == per_side


def test_hip_thrust_load_below_the_smallest_bumper_is_rounded_to_what_can_be_made() -> None:
    result = plates_for(25, MIXED, bumper_first=True)  # 2.5 per side, but no 2.5 bumper
    assert not result.exact
    assert result.total == 20
    assert plates_for(25, MIXED).per_side == (2.5,)  # fine for a deadlift


def test_only_hip_thrusts_and_glute_bridges_need_bumpers() -> None:
    assert needs_bumpers("barbell-hip-thrust")
    assert needs_bumpers("barbell-glute-bridge")
    assert not needs_bumpers("romanian-deadlift")
