"""The plates for a barbell load, as the Log and the Plan show them."""

from __future__ import annotations

from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.plates import PlateLoad, needs_bumpers, plates_for
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.wording import number_text
from hiplog.ui.common.translation import _


def plates_text(
    exercise: Exercise | None, load_kg: float | None, settings: ProgressionSettings
) -> str | None:
    """'Plates: 60 kg: 20 kg bar + 20 per side' for a barbell load; None for anything else."""
    if exercise is None or exercise.step_kind is not StepKind.BARBELL or not load_kg:
        return None
    load = plates_for(load_kg, settings.plate_inventory(), needs_bumpers(exercise.slug))
    return _("Plates: {plates}").format(plates=load_text(load))


def load_text(load: PlateLoad) -> str:
    """'60 kg: 20 kg bar + 20 per side'; a load that cannot be made names the nearest."""
    unit = load.unit.value
    bar = number_text(load.bar)
    if load.per_side:
        plates = " + ".join(number_text(p) for p in load.per_side)
        how = _("{bar} {unit} bar + {plates} per side").format(bar=bar, unit=unit, plates=plates)
    else:
        how = _("the {bar} {unit} bar alone").format(bar=bar, unit=unit)
    made = f"{number_text(load.total)} {unit}: {how}"
    if load.exact:
        return made
    return _("{wanted} {unit} cannot be made; nearest {made}").format(
        wanted=number_text(load.wanted), unit=unit, made=made
    )
