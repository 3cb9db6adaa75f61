"""Each setting declared once: its label in the Settings dialog, its range and its text codec.

The Settings dialog, ProgressionSettings' checks and the JSON restore all read `FIELDS`, so a
value one of them refuses, they all refuse.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hiplog.domain.errors import InputError
from hiplog.domain.plates import parse_stock, stock_text
from hiplog.domain.translation import N_, _
from hiplog.domain.units import Unit
from hiplog.domain.validation import BODYWEIGHT_KG_RANGE

# --- text codecs -------------------------------------------------------------------------------


def _num(value: float) -> str:
    return repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(value)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("not a finite number"))
    return value


def _parse_int(text: str) -> int:
    return int(text.strip())


def _parse_floats(text: str) -> tuple[float, ...]:
    return tuple(_parse_float(part) for part in text.split(",") if part.strip())


def _parse_int_pair(text: str) -> tuple[int, int]:
    parts = [int(p) for p in text.split(",")]
    if len(parts) != 2:
        raise ValueError(_("expected two whole numbers separated by a comma"))
    return (parts[0], parts[1])


def _parse_float_pair(text: str) -> tuple[float, float]:
    parts = _parse_floats(text)
    if len(parts) != 2:
        raise ValueError(_("expected two numbers separated by a comma"))
    return (parts[0], parts[1])


def _parse_bands(text: str) -> tuple[str, ...]:
    data = json.loads(text)
    if not isinstance(data, list) or not all(isinstance(b, str) for b in data):
        raise ValueError(_("expected a JSON list of band names"))
    return tuple(data)


def _parse_optional_float(text: str) -> float | None:
    return None if not text.strip() else _parse_float(text)


_Codec = tuple[Callable[[str], Any], Callable[[Any], str]]
_FLOAT: _Codec = (_parse_float, _num)
_INT: _Codec = (_parse_int, str)
_INT_PAIR: _Codec = (_parse_int_pair, lambda v: f"{v[0]},{v[1]}")
_PLATES: _Codec = (parse_stock, stock_text)
_BUMPERS: _Codec = (lambda t: parse_stock(t, bumper=True), stock_text)


@dataclass(frozen=True)
class SettingField:
    """One setting, declared once: its label in the Settings dialog, the range every number in
    it must lie in (None: checked by _validate's own rules only), and its text codec."""

    label: str  # English, an N_ marker: `title` is the label in the current language
    codec: _Codec
    low: float | None = None
    high: float | None = None

    @property
    def title(self) -> str:
        """The label in the current language."""
        return _(self.label)

    def allows(self, value: float) -> bool:
        """Whether a stored number lies inside this setting's range."""
        return _inside(value, self.low, self.high)

    def check(self, text: str, where: str, scale: float = 1.0) -> float:
        """`text` typed into the dialog as a number inside the range (times `scale`, for a
        value shown in another unit); InputError naming `where` otherwise."""
        value = text.strip().replace(",", ".")
        try:
            number = float(value)
        except ValueError:
            raise InputError(_("'{text}' is not a number").format(text=text), where) from None
        low = None if self.low is None else round(self.low * scale)
        high = None if self.high is None else round(self.high * scale)
        if not math.isfinite(number) or not _inside(number, low, high):
            raise InputError(
                _("must be from {low:g} to {high:g}, not {value}").format(
                    low=low, high=high, value=text.strip()
                ),
                where,
            )
        return number


def _inside(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


#: The language setting's values: "system" follows the system's locale, the others choose.
LANGUAGE_CHOICES = ("system", "en", "de", "es", "fr")
#: How the language setting names its values: each language in itself (a person looking for
#: their language finds it whatever the window speaks now), the system's choice translated.
LANGUAGE_NAMES = {
    "system": N_("Same as the system"),
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
}

#: Equipment with a linear load step, in the order the Settings dialog lists it.
EQUIPMENT_LABELS = {
    "barbell": N_("Barbell"),
    "dumbbell": N_("Dumbbell (each)"),
    "stack": N_("Machine or cable stack"),
    "plate": N_("Held plate"),
}
#: The labels made of an equipment or a unit, written out so that each can be translated whole.
_UNIT_LABELS = {
    "barbell_step_kg": N_("Barbell step (kg)"),
    "barbell_step_lb": N_("Barbell step (lb)"),
    "dumbbell_step_kg": N_("Dumbbell (each) step (kg)"),
    "dumbbell_step_lb": N_("Dumbbell (each) step (lb)"),
    "stack_step_kg": N_("Machine or cable stack step (kg)"),
    "stack_step_lb": N_("Machine or cable stack step (lb)"),
    "plate_step_kg": N_("Held plate step (kg)"),
    "plate_step_lb": N_("Held plate step (lb)"),
    "bar_kg": N_("Bar (kg)"),
    "bar_lb": N_("Bar (lb)"),
    "plates_kg": N_("Plates (pairs) (kg)"),
    "plates_lb": N_("Plates (pairs) (lb)"),
    "bumpers_kg": N_("Bumper plates (pairs) (kg)"),
    "bumpers_lb": N_("Bumper plates (pairs) (lb)"),
}
#: Every setting of ProgressionSettings but the per-exercise overrides.
FIELDS: dict[str, SettingField] = {
    "recovery_hours": SettingField(N_("Recovery time"), _FLOAT, 0, 240),
    "sessions_per_week": SettingField(N_("Sessions per week"), _INT_PAIR, 0, 14),
    "gap_no_change_days": SettingField(N_("Days off with no change"), _INT),
    "gap_long_days": SettingField(N_("Days off for a long break"), _INT),
    "gap_short_factor": SettingField(N_("Load after a short break"), _FLOAT),
    "gap_long_factor": SettingField(N_("Load after a long break"), _FLOAT),
    "deload_factor": SettingField(N_("Deload factor"), _FLOAT),
    "deload_failures": SettingField(N_("Failed sessions before a deload"), _INT),
    "large_jump_fraction": SettingField(N_("Large jump"), _FLOAT),
    "large_jump_extra_reps": SettingField(N_("Extra reps before a large jump"), _INT),
    **{
        f"{kind}_step_{unit}": SettingField(_UNIT_LABELS[f"{kind}_step_{unit}"], _FLOAT, 0.01, 100)
        for kind in EQUIPMENT_LABELS
        for unit in ("kg", "lb")
    },
    "kettlebells_kg": SettingField(
        N_("Kettlebells"), (_parse_floats, lambda v: ",".join(_num(x) for x in v)), 0.5, 200
    ),
    "bands": SettingField(N_("Bands"), (_parse_bands, lambda v: json.dumps(list(v)))),
    **{
        f"bar_{unit}": SettingField(_UNIT_LABELS[f"bar_{unit}"], _FLOAT, 0, 100)
        for unit in ("kg", "lb")
    },
    **{
        f"plates_{unit}": SettingField(_UNIT_LABELS[f"plates_{unit}"], _PLATES)
        for unit in ("kg", "lb")
    },
    **{
        f"bumpers_{unit}": SettingField(_UNIT_LABELS[f"bumpers_{unit}"], _BUMPERS)
        for unit in ("kg", "lb")
    },
    "bodyweight_gate_sessions": SettingField(N_("Sessions at the gate"), _INT),
    "max_bodyweight_sets": SettingField(N_("Most bodyweight sets"), _INT),
    "weekly_hard_sets": SettingField(
        N_("Hard sets a week"), (_parse_float_pair, lambda v: f"{_num(v[0])},{_num(v[1])}")
    ),
    "hard_set_max_rir": SettingField(N_("Hard set RIR"), _INT, 0, 10),
    "lookback_days": SettingField(N_("Days looked back"), _INT),
    "unit": SettingField(N_("Unit"), (lambda t: Unit(t.strip().lower()), lambda v: str(v.value))),
    "bodyweight_kg": SettingField(
        N_("Bodyweight"),
        (_parse_optional_float, lambda v: "" if v is None else _num(v)),
        *BODYWEIGHT_KG_RANGE,
    ),
    "language": SettingField(N_("Language"), (lambda t: t.strip().lower() or "system", str)),
}
