"""Units: loads are stored in kg; lb is accepted and shown."""

from __future__ import annotations

from enum import StrEnum

KG_PER_LB = 0.45359237  # exact, by definition


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


def to_kg(value: float, unit: Unit) -> float:
    return value * KG_PER_LB if unit is Unit.LB else value


def from_kg(kg: float, unit: Unit) -> float:
    return kg / KG_PER_LB if unit is Unit.LB else kg
