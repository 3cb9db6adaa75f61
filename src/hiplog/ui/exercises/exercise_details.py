"""The Exercises view's detail pane as rich text: facts, cue, mistakes, ladder links."""

from __future__ import annotations

from html import escape

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise, Length, LoadKind, StepKind
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.wording import format_load, plural

#: Link scheme of ladder links in the detail pane: ``exercise:<slug>``.
LINK_SCHEME = "exercise"

LENGTH_WORDS = {
    Length.SHORT: (
        "Short: the load is heaviest near lockout, when the hips are straight and the glutes "
        "are squeezed hard."
    ),
    Length.MID: (
        "Mid: the effort is spread across the movement, heaviest around the middle of the range."
    ),
    Length.LONG: (
        "Long: the load is heaviest at the bottom, when the hips are bent and the glutes and "
        "hamstrings are stretched."
    ),
}

LOAD_WORDS = {
    LoadKind.BODYWEIGHT: "Bodyweight",
    LoadKind.EXTERNAL: "Loaded (barbell, dumbbells, machine or bell)",
    LoadKind.ACTIVATION: "Warm-up drill with a fixed number of reps",
}

STEP_WORDS = {
    StepKind.BARBELL: "barbell plates",
    StepKind.DUMBBELL: "dumbbells",
    StepKind.KETTLEBELL: "kettlebell sizes",
    StepKind.STACK: "a weight stack",
    StepKind.PLATE: "a held plate",
    StepKind.BAND: "bands",
}


def _range(rng: tuple[int, int]) -> str:
    lo, hi = rng
    return f"{lo}–{hi}" if lo != hi else str(lo)


def _link(exercise: Exercise) -> str:
    return f'<a href="{LINK_SCHEME}:{escape(exercise.slug)}">{escape(exercise.name)}</a>'


def load_description(ex: Exercise) -> str:
    text = LOAD_WORDS[ex.load_kind]
    if ex.load_kind is LoadKind.BODYWEIGHT and ex.loadable:
        text += ", and you can add load"
    if ex.step_kind is not None:
        text += f"; load goes up in steps of {STEP_WORDS[ex.step_kind]}"
    if ex.implements > 1:
        text += f" ({ex.implements} at a time: log the weight of one)"
    if ex.start_load_kg:
        text += f"; first session at {format_load(ex.start_load_kg)}"
    return text + "."


def prescription(ex: Exercise, settings: ProgressionSettings) -> str:
    side = " per side" if ex.unilateral else ""
    text = f"{ex.sets} × {_range(ex.rep_range)} reps{side}"
    if ex.loaded_rep_range is not None:
        text += f"; with added load {_range(ex.loaded_rep_range)} reps"
    override = settings.override_for(ex.slug)
    if override is not None and not override.is_empty():
        sets = override.sets if override.sets is not None else ex.sets
        rng = override.rep_range or ex.rep_range
        text += f"<br><i>Your setting: {sets} × {_range(rng)} reps{side}</i>"
    return text


def ladder(ex: Exercise, catalog: Catalog) -> tuple[list[Exercise], Exercise | None]:
    """The easier variation that leads to `ex` (if any), and the harder one it leads to."""
    rungs = catalog.ladder(ex.slug)
    where = next((i for i, rung in enumerate(rungs) if rung.slug == ex.slug), None)
    if where is None:
        return [], None
    successor = rungs[where + 1] if where + 1 < len(rungs) else None
    return rungs[max(where - 1, 0) : where], successor


OTHER_TRAINING_TEXT = (
    "Other training: kept as logged, in History and in every export, but left out of the Plan, "
    "the hip charts and the weekly counts. If it works your hips, choose Move to hip work."
)


def exercise_html(
    ex: Exercise, catalog: Catalog, settings: ProgressionSettings, logged_sets: int
) -> str:
    if ex.is_other:
        logged = f"{plural(logged_sets, 'set')} logged."
        return f"<h2>{escape(ex.name)}</h2><p><i>{OTHER_TRAINING_TEXT}</i></p><p>{logged}</p>"
    rows: list[tuple[str, str]] = [
        ("Equipment", escape(", ".join(ex.equipment)) or "none"),
        ("Load", escape(load_description(ex))),
        ("Muscles", escape(", ".join(ex.muscles)) or "not noted"),
        ("Length", escape(LENGTH_WORDS[ex.length])),
        ("Sets × reps", prescription(ex, settings)),
    ]
    previous, successor = ladder(ex, catalog)
    if previous or successor:
        before = ", ".join(_link(p) for p in previous) or "—"
        after = _link(successor) if successor else "— (the top of this ladder)"
        rows.append(("Previous variation", before))
        rows.append(("Next variation", after))
    rows.append(("Logged", plural(logged_sets, "set")))
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    parts = [f"<h2>{escape(ex.name)}</h2>"]
    if ex.custom:
        parts.append("<p><i>Your own hip exercise: it counts in the Plan and the charts.</i></p>")
    parts.append(f"<table cellspacing='3'>{table}</table>")
    for title, text in (("Setup", ex.setup), ("Action", ex.action)):
        if text:
            parts.append(f"<h3>{title}</h3><p>{escape(text)}</p>")
    if ex.cue:
        parts.append(f"<h3>Cue</h3><p><b>{escape(ex.cue)}</b></p>")
    if ex.mistakes:
        items = "".join(f"<li>{escape(m)}</li>" for m in ex.mistakes)
        parts.append(f"<h3>Common mistakes</h3><ul>{items}</ul>")
    return "".join(parts)
