"""The plate calculator: which plates to put on each side of the bar for a load.

Loads are what the bar and its plates weigh together (the catalog's barbell loads start at the
empty 20 kg bar). A person's bar and plates are in kg or in lb; the load is converted to that
unit and loaded symmetrically from the plates there are (a pair per plate on the bar). A load
that cannot be made exactly gives the nearest one that can, the lighter one on a tie.

Hip thrusts and glute bridges roll the bar over the hips: the bar has to sit at the height of a
full-size plate, so the plate next to the collar on each side must be a bumper (a full-diameter
plate). Smaller iron plates may go outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hiplog.domain.locale_format import localize_number
from hiplog.domain.translation import _
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import trim_number

#: Exercises whose bar rolls over the hips and needs full-diameter (bumper) plates.
BUMPER_EXERCISES = frozenset({"barbell-hip-thrust", "barbell-glute-bridge"})

#: Weights are compared in hundredths of the unit (plates of 0.25 kg or 1.25 lb are common).
_SCALE = 100


@dataclass(frozen=True)
class PlateStock:
    """Pairs of one plate weight (in the inventory's unit): one plate of a pair per side."""

    weight: float
    pairs: int
    bumper: bool = False


@dataclass(frozen=True)
class PlateInventory:
    """A person's bar and plates, all in `unit`."""

    unit: Unit
    bar: float
    plates: tuple[PlateStock, ...]


@dataclass(frozen=True)
class PlateLoad:
    """The plates for one load: `per_side` heaviest (innermost) first, in `unit`."""

    unit: Unit
    wanted: float  # the load asked for, in `unit`
    bar: float
    per_side: tuple[float, ...]

    @property
    def total(self) -> float:
        return self.bar + 2 * sum(self.per_side)

    @property
    def exact(self) -> bool:
        return round(self.total * _SCALE) == round(self.wanted * _SCALE)

    def text(self) -> str:
        """'60 kg: 20 kg bar + 20 per side'; a load that cannot be made names the nearest.
        Numbers with the locale's decimal symbol ('62,5 kg' in German)."""

        def num(value: float) -> str:
            return localize_number(trim_number(value))

        unit = self.unit.value
        bar = f"{num(self.bar)} {unit}"
        if self.per_side:
            how = _("{bar} bar + {plates} per side").format(
                bar=bar, plates=" + ".join(num(p) for p in self.per_side)
            )
        else:
            how = _("the {bar} bar alone").format(bar=bar)
        made = f"{num(self.total)} {unit}: {how}"
        if self.exact:
            return made
        return _("{load} cannot be made; nearest {made}").format(
            load=f"{num(self.wanted)} {unit}", made=made
        )


def needs_bumpers(slug: str) -> bool:
    return slug in BUMPER_EXERCISES


def plates_for(load_kg: float, inventory: PlateInventory, bumper_first: bool = False) -> PlateLoad:
    """The plates per side nearest to `load_kg` (bar included) from `inventory`.

    With `bumper_first` any loaded side starts with a bumper plate (see the module docstring).
    Below the bar's weight the answer is the bar alone.
    """
    wanted = from_kg(load_kg, inventory.unit)
    bar = round(inventory.bar * _SCALE)
    both_sides = max(0, round(wanted * _SCALE) - bar)  # what the plates of both sides weigh
    best: tuple[int, int, int] | None = None  # (distance, heavier than wanted, plates)
    chosen: _Side = ()
    for side, plates in _reachable(inventory.plates, both_sides // 2 + 1, bumper_first).items():
        key = (abs(2 * side - both_sides), int(2 * side > both_sides), len(plates))
        if best is None or key < best:
            best, chosen = key, plates
    # Heaviest first; for the hips, bumpers first (next to the collar), then the rest.
    inside_out = sorted(chosen, key=lambda p: (bumper_first and not p[1], -p[0]))
    return PlateLoad(
        unit=inventory.unit,
        wanted=wanted,
        bar=inventory.bar,
        per_side=tuple(weight / _SCALE for weight, _bumper in inside_out),
    )


#: The plates of one side: (weight in hundredths, is a bumper) each.
_Side = tuple[tuple[int, bool], ...]


def _reachable(stock: tuple[PlateStock, ...], target: int, bumper_first: bool) -> dict[int, _Side]:
    """Every per-side sum up to just past `target`, each with its simplest plates.

    Sums are kept apart by whether they hold a bumper; with `bumper_first` only empty sides and
    sides with a bumper count.
    """
    kinds = sorted(stock, key=lambda s: (-s.weight, not s.bumper))
    ceiling = target + max((round(s.weight * _SCALE) for s in stock), default=0)
    states: dict[tuple[int, bool], _Side] = {(0, False): ()}
    for kind in kinds:
        weight = round(kind.weight * _SCALE)
        if weight <= 0:
            continue
        grown = dict(states)
        for (total, bumper), plates in states.items():
            for n in range(1, kind.pairs + 1):
                side = total + n * weight
                if side > ceiling:
                    break
                key = (side, bumper or kind.bumper)
                candidate = plates + ((weight, kind.bumper),) * n
                if key not in grown or _simpler(candidate, grown[key]):
                    grown[key] = candidate
        states = grown
    out: dict[int, _Side] = {}
    for (total, bumper), plates in states.items():
        if bumper_first and total > 0 and not bumper:
            continue
        if total not in out or _simpler(plates, out[total]):
            out[total] = plates
    return out


def _simpler(a: _Side, b: _Side) -> bool:
    """Fewer plates; among as many, the heavier ones (what a person reaches for first)."""
    if len(a) != len(b):
        return len(a) < len(b)
    return sorted((w for w, _ in a), reverse=True) > sorted((w for w, _ in b), reverse=True)


def parse_stock(text: str, bumper: bool = False) -> tuple[PlateStock, ...]:
    """'25x2, 20x4, 1.25' -> pairs of each weight (no 'xN' means one pair); heaviest first.

    Raises ValueError saying which part cannot be read."""
    stock: dict[float, int] = {}
    for part in text.replace(";", ",").split(","):
        part = re.sub(r"\s*[x×]\s*", "x", part.strip().lower())
        if not part:
            continue
        weight_text, _sep, pairs_text = part.partition("x")
        try:
            weight = float(weight_text)
            pairs = int(pairs_text) if pairs_text else 1
        except ValueError:
            raise ValueError(
                _("cannot read {part!r}: write a plate as 20 or 20x2 (pairs)").format(part=part)
            ) from None
        if not (0 < weight <= 100 and 1 <= pairs <= 20):
            raise ValueError(
                _("{part!r}: a plate is above 0 and at most 100, 1 to 20 pairs").format(part=part)
            )
        stock[weight] = stock.get(weight, 0) + pairs
    return tuple(PlateStock(w, n, bumper) for w, n in sorted(stock.items(), reverse=True))


def stock_text(stock: tuple[PlateStock, ...]) -> str:
    """The text `parse_stock` reads: '25x2, 20x4'."""
    return ", ".join(f"{trim_number(s.weight)}x{s.pairs}" for s in stock)
