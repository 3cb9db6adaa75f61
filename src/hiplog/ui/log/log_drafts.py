"""The rows an exercise starts with in the Log: the plan's targets, not saved until done."""

from __future__ import annotations

from dataclasses import replace

from hiplog.domain.models import Exercise, LoadKind
from hiplog.domain.plan import Plan
from hiplog.domain.progression import Suggestion
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.domain.wording import prescription_text
from hiplog.ui.common.plate_text import plates_text
from hiplog.ui.common.set_row import SetRow, new_key
from hiplog.ui.common.translation import _, ngettext


def suggestion_for(plan: Plan, slug: str) -> Suggestion | None:
    return next((s for s in plan.suggestions if s.exercise == slug), None)


def aim_text(
    exercise: Exercise,
    plan: Plan | None,
    unit: Unit,
    settings: ProgressionSettings | None = None,
) -> str:
    """What to aim for, over the sets table: the plan's prescription, why, and the plates for
    a barbell (with `settings`), else the catalog's sets and rep range."""
    suggestion = suggestion_for(plan, exercise.slug) if plan is not None else None
    if suggestion is not None:
        text = _("Plan: {prescription}. {reason}").format(
            prescription=prescription_text(suggestion, unit), reason=suggestion.reason
        )
        plates = plates_text(exercise, suggestion.load_kg, settings) if settings else None
        return f"{text} {plates}." if plates else text
    lo, hi = exercise.rep_range
    if exercise.unilateral:
        aim = ngettext(
            "Aim: {count} set of {low}-{high} reps per side.",
            "Aim: {count} sets of {low}-{high} reps per side.",
            exercise.sets,
        )
    else:
        aim = ngettext(
            "Aim: {count} set of {low}-{high} reps.",
            "Aim: {count} sets of {low}-{high} reps.",
            exercise.sets,
        )
    return aim.format(count=exercise.sets, low=lo, high=hi)


def draft_rows(exercise: Exercise, suggestion: Suggestion | None) -> list[SetRow]:
    """One draft row per target set: the suggestion's load and reps, else the catalog's sets at
    the bottom of the rep range (and its start load for loaded work)."""
    if suggestion is not None:
        rows = [
            SetRow(
                key=new_key(),
                load_kg=suggestion.load_kg,
                band=suggestion.band,
                target_reps=reps,
                target_load_kg=suggestion.load_kg,
            )
            for reps in suggestion.reps
        ]
    else:
        lo = exercise.rep_range[0]
        load = exercise.start_load_kg if exercise.load_kind is LoadKind.EXTERNAL else None
        rows = [
            SetRow(key=new_key(), load_kg=load, target_reps=lo, target_load_kg=load)
            for _ in range(exercise.sets)
        ]
    return sided(exercise, rows)


def sided(exercise: Exercise, rows: list[SetRow]) -> list[SetRow]:
    """One-sided work is logged per side: each target becomes a left and a right row."""
    if not exercise.unilateral:
        return rows
    out: list[SetRow] = []
    for r in rows:
        out.append(replace(r, side="L"))
        out.append(replace(r, key=new_key(), side="R"))
    return out
