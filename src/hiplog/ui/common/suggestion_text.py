"""A suggestion in words, the same on the Plan's cards and above the Log's sets table."""

from __future__ import annotations

from hiplog.domain.progression import Suggestion
from hiplog.domain.units import Unit, format_load


def prescription_text(s: Suggestion, unit: Unit) -> str:
    """'3 x 8 at 62.5 kg', '3 x 10, 10, 9 at bodyweight', '2 x 12 with the medium band'."""
    reps = s.reps
    reps_text = str(reps[0]) if len(set(reps)) == 1 else ", ".join(str(r) for r in reps)
    if s.load_kg:
        load = f"at {format_load(s.load_kg, unit)}"
    elif s.band:
        load = f"with the {s.band} band"
    else:
        load = "at bodyweight"
    return f"{s.sets} x {reps_text} {load}"
