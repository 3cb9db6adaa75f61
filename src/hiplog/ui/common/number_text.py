"""Loads and bodyweights written as a person types them in a cell or field (no unit, no
trailing zeros), in the display unit."""

from __future__ import annotations

from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import load_number, number_text


def load_text(kg: float | None, unit: Unit) -> str:
    """A load as typed in a table: '62.5', '132.3' (lb to a tenth); '' for bodyweight."""
    if not kg:
        return ""
    return load_number(kg, unit)


def bodyweight_text(kg: float | None, unit: Unit) -> str:
    """A bodyweight as typed in a session's field, to a tenth: '72.5' ('72,5' in German); '' if not
    recorded."""
    if kg is None:
        return ""
    return number_text(from_kg(kg, unit), 1)
