"""The numbers behind the progression rules, with the defaults of progression.md.

Every threshold, factor and load step the rules use lives in `ProgressionSettings`, so a person
can change it and tests can pin it. Settings are stored as key/value text rows; `to_strings` and
`from_strings` convert both ways.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.plates import PlateInventory, PlateStock, parse_stock
from hiplog.domain.setting_fields import FIELDS, LANGUAGE_CHOICES
from hiplog.domain.translation import _
from hiplog.domain.units import Unit

DEFAULT_KETTLEBELLS_KG: tuple[float, ...] = (4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48)
DEFAULT_BANDS: tuple[str, ...] = ("light", "medium", "heavy", "extra heavy")
#: Pairs of plates of a commercial gym, and of full-size bumpers for hip thrusts.
DEFAULT_PLATES_KG = parse_stock("25x4, 20x4, 15x2, 10x2, 5x2, 2.5x2, 1.25x2")
DEFAULT_BUMPERS_KG = parse_stock("20x2, 15x2, 10x2, 5x1", bumper=True)
DEFAULT_PLATES_LB = parse_stock("45x4, 35x2, 25x2, 10x2, 5x2, 2.5x2")
DEFAULT_BUMPERS_LB = parse_stock("45x2, 35x1, 25x1, 15x1, 10x1", bumper=True)

#: Prefix of the key that stores one exercise's overrides (``override.<slug>``).
OVERRIDE_PREFIX = "override."


@dataclass(frozen=True)
class ExerciseOverride:
    """A person's own numbers for one exercise; None keeps the catalog value."""

    sets: int | None = None
    rep_range: tuple[int, int] | None = None
    loaded_rep_range: tuple[int, int] | None = None
    step_kg: float | None = None  # a linear load step in kg that replaces the equipment's grid

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


@dataclass(frozen=True)
class ProgressionSettings:
    """All tunable numbers of the progression rules and session timing."""

    # Session timing
    recovery_hours: float = 48.0
    sessions_per_week: tuple[int, int] = (2, 3)
    # Return after a gap: up to `gap_no_change_days` nothing changes; from there to
    # `gap_long_days - 1` the load is multiplied by `gap_short_factor`; from `gap_long_days` on
    # by `gap_long_factor`.
    gap_no_change_days: int = 10
    gap_long_days: int = 28
    gap_short_factor: float = 0.90
    gap_long_factor: float = 0.80
    # Deload after this many failed sessions in a row at the same load
    deload_factor: float = 0.90
    deload_failures: int = 3
    # A step that raises the effective load by more than this fraction is a large jump: the
    # top of the range must then be beaten by `large_jump_extra_reps`.
    large_jump_fraction: float = 0.10
    large_jump_extra_reps: int = 2
    # Load steps per equipment (kg and lb grids; a dumbbell step is per dumbbell)
    barbell_step_kg: float = 2.5
    dumbbell_step_kg: float = 2.0
    stack_step_kg: float = 2.5
    plate_step_kg: float = 2.5
    barbell_step_lb: float = 5.0
    dumbbell_step_lb: float = 5.0
    stack_step_lb: float = 5.0
    plate_step_lb: float = 5.0
    kettlebells_kg: tuple[float, ...] = DEFAULT_KETTLEBELLS_KG
    # The bar and the pairs of plates, in kg and in lb (the unit in use picks one)
    bar_kg: float = 20.0
    bar_lb: float = 45.0
    plates_kg: tuple[PlateStock, ...] = DEFAULT_PLATES_KG
    plates_lb: tuple[PlateStock, ...] = DEFAULT_PLATES_LB
    bumpers_kg: tuple[PlateStock, ...] = DEFAULT_BUMPERS_KG
    bumpers_lb: tuple[PlateStock, ...] = DEFAULT_BUMPERS_LB
    bands: tuple[str, ...] = DEFAULT_BANDS
    # Bodyweight ladder: the gate must hold in this many sessions; sets grow up to max_sets
    bodyweight_gate_sessions: int = 2
    max_bodyweight_sets: int = 4
    # Weekly volume: hard sets for the glutes per week (low, high); a set is hard unless its
    # recorded RIR is above hard_set_max_rir
    weekly_hard_sets: tuple[float, float] = (10.0, 20.0)
    hard_set_max_rir: int = 4
    # Which exercises get a suggestion: those trained in this many days before as-of
    lookback_days: int = 90
    unit: Unit = Unit.KG
    bodyweight_kg: float | None = None
    # The language hiplog speaks: "system" follows the system's locale (domain/translation.py)
    language: str = "system"
    exercise_overrides: Mapping[str, ExerciseOverride] = field(
        default_factory=dict, hash=False, compare=True
    )

    def __post_init__(self) -> None:
        _validate(self)

    def step_for(self, kind: StepKind, unit: Unit | None = None) -> float | None:
        """The linear step of an equipment kind in `unit` (default: the settings unit).

        None for kettlebells and bands, whose loads come from a list.
        """
        lb = (unit or self.unit) is Unit.LB
        steps = {
            StepKind.BARBELL: self.barbell_step_lb if lb else self.barbell_step_kg,
            StepKind.DUMBBELL: self.dumbbell_step_lb if lb else self.dumbbell_step_kg,
            StepKind.STACK: self.stack_step_lb if lb else self.stack_step_kg,
            StepKind.PLATE: self.plate_step_lb if lb else self.plate_step_kg,
        }
        return steps.get(kind)

    def plate_inventory(self, unit: Unit | None = None) -> PlateInventory:
        """The bar and every plate (bumpers included) in `unit` (default: the settings unit)."""
        lb = (unit or self.unit) is Unit.LB
        return PlateInventory(
            Unit.LB if lb else Unit.KG,
            self.bar_lb if lb else self.bar_kg,
            (self.plates_lb + self.bumpers_lb) if lb else (self.plates_kg + self.bumpers_kg),
        )

    def override_for(self, slug: str) -> ExerciseOverride | None:
        return self.exercise_overrides.get(slug)

    def to_strings(self) -> dict[str, str]:
        """Every setting as text, keyed by field name; overrides as ``override.<slug>`` JSON."""
        out: dict[str, str] = {}
        for f in fields(self):
            if f.name == "exercise_overrides":
                continue
            out[f.name] = FIELDS[f.name].codec[1](getattr(self, f.name))
        for slug, ov in sorted(self.exercise_overrides.items()):
            if not ov.is_empty():
                out[OVERRIDE_PREFIX + slug] = _override_to_json(ov)
        return out

    @classmethod
    def from_strings(cls, values: Mapping[str, str]) -> ProgressionSettings:
        """Parse stored text rows; missing keys keep their default, unknown keys are ignored.

        Raises InputError naming the key when a value cannot be read or is out of range.
        """
        kwargs: dict[str, Any] = {}
        overrides: dict[str, ExerciseOverride] = {}
        for key, text in values.items():
            if key.startswith(OVERRIDE_PREFIX):
                overrides[key[len(OVERRIDE_PREFIX) :]] = _override_from_json(key, text)
            elif key in FIELDS:
                try:
                    kwargs[key] = FIELDS[key].codec[0](text)
                except (ValueError, TypeError) as exc:
                    raise InputError(
                        _("cannot read {text!r}: {exc}").format(text=text, exc=exc),
                        _("setting {key}").format(key=key),
                    ) from exc
        return cls(**kwargs, exercise_overrides=overrides)


def effective_exercise(exercise: Exercise, settings: ProgressionSettings) -> Exercise:
    """The exercise with the person's overrides of sets and rep ranges applied."""
    ov = settings.override_for(exercise.slug)
    if ov is None or ov.is_empty():
        return exercise
    return replace(
        exercise,
        sets=ov.sets if ov.sets is not None else exercise.sets,
        rep_range=ov.rep_range if ov.rep_range is not None else exercise.rep_range,
        loaded_rep_range=(
            ov.loaded_rep_range if ov.loaded_rep_range is not None else exercise.loaded_rep_range
        ),
    )


def _override_to_json(ov: ExerciseOverride) -> str:
    data: dict[str, Any] = {}
    if ov.sets is not None:
        data["sets"] = ov.sets
    if ov.rep_range is not None:
        data["rep_range"] = list(ov.rep_range)
    if ov.loaded_rep_range is not None:
        data["loaded_rep_range"] = list(ov.loaded_rep_range)
    if ov.step_kg is not None:
        data["step_kg"] = ov.step_kg
    return json.dumps(data, sort_keys=True)


def _override_from_json(key: str, text: str) -> ExerciseOverride:
    where = _("setting {key}").format(key=key)
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(_("expected a JSON object"))

        def pair(name: str) -> tuple[int, int] | None:
            value = data.get(name)
            if value is None:
                return None
            lo, hi = value
            return (int(lo), int(hi))

        sets = data.get("sets")
        step = data.get("step_kg")
        ov = ExerciseOverride(
            sets=None if sets is None else int(sets),
            rep_range=pair("rep_range"),
            loaded_rep_range=pair("loaded_rep_range"),
            step_kg=None if step is None else float(step),
        )
    except (ValueError, TypeError) as exc:
        raise InputError(
            _("cannot read {text!r}: {exc}").format(text=text, exc=exc), where
        ) from exc
    _validate_override(ov, key)
    return ov


# --- validation --------------------------------------------------------------------------------


def _check(ok: bool, key: str, message: str) -> None:
    if not ok:
        raise InputError(message, _("setting {key}").format(key=key))


def _check_range(rng: tuple[int, int], key: str) -> None:
    _check(
        1 <= rng[0] <= rng[1],
        key,
        _("a rep range needs 1 <= low <= high, not {value}-{value2}").format(
            value=rng[0], value2=rng[1]
        ),
    )


def _validate_override(ov: ExerciseOverride, key: str) -> None:
    if ov.sets is not None:
        _check(
            1 <= ov.sets <= 20,
            key,
            _("sets must be between 1 and 20, not {sets}").format(sets=ov.sets),
        )
    if ov.rep_range is not None:
        _check_range(ov.rep_range, key)
    if ov.loaded_rep_range is not None:
        _check_range(ov.loaded_rep_range, key)
    if ov.step_kg is not None:
        _check(
            math.isfinite(ov.step_kg) and ov.step_kg > 0, key, _("a load step must be above 0 kg")
        )


def _check_ranges(s: ProgressionSettings) -> None:
    """Every number of a setting with a range inside it: what the dialog refuses, a restore
    of a JSON backup refuses too."""
    for key, spec in FIELDS.items():
        if spec.low is None and spec.high is None:
            continue
        value = getattr(s, key)
        for number in value if isinstance(value, tuple) else (value,):
            if number is not None and not spec.allows(number):
                _check(
                    False,
                    key,
                    _("must be from {low:g} to {high:g}, not {number:g}").format(
                        low=spec.low, high=spec.high, number=number
                    ),
                )


def _validate(s: ProgressionSettings) -> None:
    _check_ranges(s)
    _check(s.recovery_hours >= 0, "recovery_hours", _("must be 0 or more"))
    lo, hi = s.sessions_per_week
    _check(0 <= lo <= hi, "sessions_per_week", _("needs 0 <= fewest <= most"))
    _check(0 <= s.gap_no_change_days < s.gap_long_days, "gap_long_days", _("must be above the gap"))
    for key in ("gap_short_factor", "gap_long_factor", "deload_factor"):
        value = getattr(s, key)
        _check(
            0 < value <= 1, key, _("must be above 0 and at most 1, not {value}").format(value=value)
        )
    _check(s.deload_failures >= 1, "deload_failures", _("must be at least 1"))
    _check(s.large_jump_fraction >= 0, "large_jump_fraction", _("must be 0 or more"))
    _check(s.large_jump_extra_reps >= 0, "large_jump_extra_reps", _("must be 0 or more"))
    for kind in ("barbell", "dumbbell", "stack", "plate"):
        for unit in ("kg", "lb"):
            key = f"{kind}_step_{unit}"
            _check(getattr(s, key) > 0, key, _("a load step must be above 0"))
    bells = s.kettlebells_kg
    _check(
        len(bells) > 0 and all(b > 0 for b in bells) and list(bells) == sorted(set(bells)),
        "kettlebells_kg",
        _("needs at least one bell, lightest first, each heavier than the one before"),
    )
    _check(
        len(s.bands) > 0 and all(b.strip() for b in s.bands) and len(set(s.bands)) == len(s.bands),
        "bands",
        _("needs at least one band name, lightest first, no repeats"),
    )
    for key in ("bumpers_kg", "bumpers_lb"):
        _check(all(p.bumper for p in getattr(s, key)), key, _("lists bumper plates only"))
    _check(s.bodyweight_gate_sessions >= 1, "bodyweight_gate_sessions", _("must be at least 1"))
    _check(s.max_bodyweight_sets >= 1, "max_bodyweight_sets", _("must be at least 1"))
    low, high = s.weekly_hard_sets
    _check(0 <= low <= high, "weekly_hard_sets", _("needs 0 <= low <= high"))
    _check(0 <= s.hard_set_max_rir <= 10, "hard_set_max_rir", _("must be between 0 and 10"))
    _check(s.lookback_days >= 1, "lookback_days", _("must be at least 1"))
    _check(
        s.language in LANGUAGE_CHOICES,
        "language",
        _("must be one of {value}, not {language!r}").format(
            value=", ".join(LANGUAGE_CHOICES), language=s.language
        ),
    )
    for slug, ov in s.exercise_overrides.items():
        _validate_override(ov, OVERRIDE_PREFIX + slug)
