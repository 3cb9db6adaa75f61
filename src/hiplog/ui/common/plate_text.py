"""The plates for a barbell load, as the Log and the Plan show them."""

from __future__ import annotations

from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.plates import needs_bumpers, plates_for
from hiplog.domain.settings import ProgressionSettings
from hiplog.ui.common.translation import _


def plates_text(
    exercise: Exercise | None, load_kg: float | None, settings: ProgressionSettings
) -> str | None:
    """'Plates: 60 kg: 20 kg bar + 20 per side' for a barbell load; None for anything else."""
    if exercise is None or exercise.step_kind is not StepKind.BARBELL or not load_kg:
        return None
    load = plates_for(load_kg, settings.plate_inventory(), needs_bumpers(exercise.slug))
    return _("Plates: {plates}").format(plates=load.text())
