"""The Exercises view's detail pane as rich text: facts, cue, mistakes, ladder links."""

from __future__ import annotations

from html import escape

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise, Length, LoadKind, StepKind
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import exercise_name
from hiplog.domain.wording import format_load
from hiplog.ui.common.translation import N_, _, ngettext
from hiplog.ui.common.vocabulary import equipment_text, muscles_text

#: Link scheme of ladder links in the detail pane: ``exercise:<slug>``.
LINK_SCHEME = "exercise"

# The words below are N_() markers, translated where shown.
LENGTH_WORDS = {
    Length.SHORT: N_(
        "Short: the load is heaviest near lockout, when the hips are straight and the glutes "
        "are squeezed hard."
    ),
    Length.MID: N_(
        "Mid: the effort is spread across the movement, heaviest around the middle of the range."
    ),
    Length.LONG: N_(
        "Long: the load is heaviest at the bottom, when the hips are bent and the glutes and "
        "hamstrings are stretched."
    ),
}

LOAD_WORDS = {
    LoadKind.BODYWEIGHT: N_("Bodyweight"),
    LoadKind.EXTERNAL: N_("Loaded (barbell, dumbbells, machine or bell)"),
    LoadKind.ACTIVATION: N_("Warm-up drill with a fixed number of reps"),
}

STEP_WORDS = {
    StepKind.BARBELL: N_("barbell plates"),
    StepKind.DUMBBELL: N_("dumbbells"),
    StepKind.KETTLEBELL: N_("kettlebell sizes"),
    StepKind.STACK: N_("a weight stack"),
    StepKind.PLATE: N_("a held plate"),
    StepKind.BAND: N_("bands"),
}


def _range(rng: tuple[int, int]) -> str:
    lo, hi = rng
    return f"{lo}–{hi}" if lo != hi else str(lo)


def _link(exercise: Exercise) -> str:
    name = escape(exercise_name(exercise.name))
    return f'<a href="{LINK_SCHEME}:{escape(exercise.slug)}">{name}</a>'


def load_description(ex: Exercise) -> str:
    text = _(LOAD_WORDS[ex.load_kind])
    if ex.load_kind is LoadKind.BODYWEIGHT and ex.loadable:
        text += _(", and you can add load")
    if ex.step_kind is not None:
        text += _("; load goes up in steps of {steps}").format(steps=_(STEP_WORDS[ex.step_kind]))
    if ex.implements > 1:
        text += _(" ({count} at a time: log the weight of one)").format(count=ex.implements)
    if ex.start_load_kg:
        text += _("; first session at {load}").format(load=format_load(ex.start_load_kg))
    return text + "."


def _sets_reps(sets: int, rng: tuple[int, int], unilateral: bool) -> str:
    if unilateral:
        return _("{sets} × {reps} reps per side").format(sets=sets, reps=_range(rng))
    return _("{sets} × {reps} reps").format(sets=sets, reps=_range(rng))


def prescription(ex: Exercise, settings: ProgressionSettings) -> str:
    text = _sets_reps(ex.sets, ex.rep_range, ex.unilateral)
    if ex.loaded_rep_range is not None:
        text += _("; with added load {reps} reps").format(reps=_range(ex.loaded_rep_range))
    override = settings.override_for(ex.slug)
    if override is not None and not override.is_empty():
        sets = override.sets if override.sets is not None else ex.sets
        rng = override.rep_range or ex.rep_range
        mine = _("Your setting: {sets_reps}").format(sets_reps=_sets_reps(sets, rng, ex.unilateral))
        text += f"<br><i>{mine}</i>"
    return text


def ladder(ex: Exercise, catalog: Catalog) -> tuple[list[Exercise], Exercise | None]:
    """The easier variation that leads to `ex` (if any), and the harder one it leads to."""
    rungs = catalog.ladder(ex.slug)
    where = next((i for i, rung in enumerate(rungs) if rung.slug == ex.slug), None)
    if where is None:
        return [], None
    successor = rungs[where + 1] if where + 1 < len(rungs) else None
    return rungs[max(where - 1, 0) : where], successor


OTHER_TRAINING_TEXT = N_(
    "Other training: kept as logged, in History and in every export, but left out of the Plan, "
    "the hip charts and the weekly counts. If it works your hips, choose Move to hip work."
)


def _sets_logged(count: int) -> str:
    return ngettext("{count} set", "{count} sets", count).format(count=count)


def exercise_html(
    ex: Exercise, catalog: Catalog, settings: ProgressionSettings, logged_sets: int
) -> str:
    if ex.is_other:
        logged = ngettext("{count} set logged.", "{count} sets logged.", logged_sets).format(
            count=logged_sets
        )
        other = _(OTHER_TRAINING_TEXT)
        return f"<h2>{escape(exercise_name(ex.name))}</h2><p><i>{other}</i></p><p>{logged}</p>"
    rows: list[tuple[str, str]] = [
        (_("Equipment"), escape(equipment_text(ex.equipment)) or _("none")),
        (_("Load"), escape(load_description(ex))),
        (_("Muscles"), escape(muscles_text(ex.muscles)) or _("not noted")),
        (_("Length"), escape(_(LENGTH_WORDS[ex.length]))),
        (_("Sets × reps"), prescription(ex, settings)),
    ]
    previous, successor = ladder(ex, catalog)
    if previous or successor:
        before = ", ".join(_link(p) for p in previous) or "—"
        after = _link(successor) if successor else _("— (the top of this ladder)")
        rows.append((_("Previous variation"), before))
        rows.append((_("Next variation"), after))
    rows.append((_("Logged"), _sets_logged(logged_sets)))
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"
        for label, value in rows
    )
    parts = [f"<h2>{escape(exercise_name(ex.name))}</h2>"]
    if ex.custom:
        own = _("Your own hip exercise: it counts in the Plan and the charts.")
        parts.append(f"<p><i>{own}</i></p>")
    parts.append(f"<table cellspacing='3'>{table}</table>")
    for title, text in ((_("Setup"), ex.setup), (_("Action"), ex.action)):
        if text:
            parts.append(f"<h3>{title}</h3><p>{escape(exercise_name(text))}</p>")
    if ex.cue:
        cue = _("Cue")
        parts.append(f"<h3>{cue}</h3><p><b>{escape(exercise_name(ex.cue))}</b></p>")
    if ex.mistakes:
        items = "".join(f"<li>{escape(exercise_name(m))}</li>" for m in ex.mistakes)
        mistakes = _("Common mistakes")
        parts.append(f"<h3>{mistakes}</h3><ul>{items}</ul>")
    return "".join(parts)
