"""Achievable loads: the next one up, the nearest one, and rounding down.

Loads are stored in kg. Each exercise's equipment defines a grid of loads a person can actually
set up: multiples of a step (barbell, dumbbell per hand, cable stack, plate), a list of
kettlebells, or an ordered list of bands. For a person who works in lb the linear grids are in lb
(multiples of 5 lb), converted to kg for storage, so their suggestions land on real lb loads.
A per-exercise ``step_kg`` override replaces the equipment's grid by multiples of that many kg.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.units import KG_PER_LB, Unit

_EPS = 1e-6

#: Step of an external exercise whose equipment is unknown (a custom exercise), in kg and lb.
GENERIC_STEP_KG = 2.5
GENERIC_STEP_LB = 5.0


@dataclass(frozen=True)
class LoadGrid:
    """The loads one piece of equipment allows.

    Either linear (``step_kg`` > 0: every multiple of the step) or a sorted list of loads
    (``loads_kg``, for kettlebells). All values are kg.
    """

    step_kg: float = 0.0
    loads_kg: tuple[float, ...] = ()

    @property
    def is_linear(self) -> bool:
        return self.step_kg > 0

    @property
    def lightest(self) -> float:
        """The lightest load above zero."""
        return self.step_kg if self.is_linear else self.loads_kg[0]

    def next_above(self, load_kg: float) -> float | None:
        """The next achievable load above `load_kg`; None when nothing heavier exists.

        On a linear grid the next load is at least half a step above, so a load logged slightly
        off the grid (61 kg on a 2.5 kg grid) moves to a sensible next load (62.5, not 61.x).
        """
        if self.is_linear:
            k = math.ceil((load_kg + self.step_kg / 2) / self.step_kg - _EPS)
            return max(k, 1) * self.step_kg
        i = bisect.bisect_right(self.loads_kg, load_kg + _EPS)
        return self.loads_kg[i] if i < len(self.loads_kg) else None

    def nearest(self, load_kg: float) -> float:
        """The achievable load closest to `load_kg` (ties go up), never below the lightest."""
        if self.is_linear:
            k = math.floor(load_kg / self.step_kg + 0.5 + _EPS)
            return max(k, 1) * self.step_kg
        return min(self.loads_kg, key=lambda b: (abs(b - load_kg), -b))

    def round_down(self, load_kg: float) -> float:
        """The heaviest achievable load not above `load_kg`; the lightest if none is."""
        if self.is_linear:
            k = math.floor(load_kg / self.step_kg + _EPS)
            return max(k, 1) * self.step_kg
        i = bisect.bisect_right(self.loads_kg, load_kg + _EPS)
        return self.loads_kg[i - 1] if i > 0 else self.loads_kg[0]


def grid_for_kind(
    kind: StepKind | None, settings: ProgressionSettings, step_kg: float | None = None
) -> LoadGrid:
    """The grid of an equipment kind in the settings unit (bands fall back to a plain step).

    `step_kg` (a per-exercise override) replaces the equipment's grid.
    """
    if step_kg is not None:
        return LoadGrid(step_kg=step_kg)
    if kind is StepKind.KETTLEBELL:
        return LoadGrid(loads_kg=tuple(float(b) for b in settings.kettlebells_kg))
    lb = settings.unit is Unit.LB
    step = settings.step_for(kind) if kind is not None else None
    if step is None:  # no equipment known, or bands logged with a load in kg
        step = GENERIC_STEP_LB if lb else GENERIC_STEP_KG
    return LoadGrid(step_kg=step * KG_PER_LB if lb else step)


def grid_for(exercise: Exercise, settings: ProgressionSettings) -> LoadGrid:
    """The load grid of an exercise, honouring the person's step override."""
    ov = settings.override_for(exercise.slug)
    return grid_for_kind(exercise.step_kind, settings, ov.step_kg if ov else None)


# --- bands -------------------------------------------------------------------------------------


def band_rank(band: str, settings: ProgressionSettings) -> int | None:
    """Position of a band in the person's list (0 = lightest), case-insensitive; None if unknown."""
    key = band.strip().casefold()
    for i, name in enumerate(settings.bands):
        if name.casefold() == key:
            return i
    return None


def next_band(band: str | None, settings: ProgressionSettings) -> str | None:
    """The next heavier band; the lightest band when `band` is None; None at the top or unknown."""
    if band is None:
        return settings.bands[0]
    rank = band_rank(band, settings)
    if rank is None or rank + 1 >= len(settings.bands):
        return None
    return settings.bands[rank + 1]


def lighter_band(band: str, settings: ProgressionSettings) -> str | None:
    """The next lighter band; None below the lightest (no band at all) or for an unknown band."""
    rank = band_rank(band, settings)
    if rank is None or rank == 0:
        return None
    return settings.bands[rank - 1]
