"""The progression rules of progression.md: what to do next time, and why.

Per exercise the rules are tried in order, first match wins: `start`, `return-after-gap`,
`deload`, `add-load`, `add-reps`, `hold` for loaded work, and the bodyweight ladder
(`next-variation`, `add-load`, `add-set`, `maintain`, `add-reps`) for work without external load.
Decisions the contract leaves open are written down in docs/progression-notes.md.
How sets are read (weaker side, bands as loads) is in readings.py.

Over 400 lines on purpose: the module follows progression.md rule by rule, one function per
rule, and reads best as the one place that says what each rule does (the code review chose not
to split it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from hiplog.domain.metrics import ExerciseLookup, effective_load, epley
from hiplog.domain.models import Exercise, LoadKind, Session, StepKind
from hiplog.domain.readings import (
    ExerciseSession,
    Reading,
    index_history,
    latest_bodyweight,
)
from hiplog.domain.rounding import band_rank, grid_for, lighter_band, next_band
from hiplog.domain.settings import ProgressionSettings, effective_exercise
from hiplog.domain.translation import N_, _, current_language, exercise_name, ngettext
from hiplog.domain.units import KG_PER_LB, Unit, from_kg
from hiplog.domain.wording import format_load, number_text, sets_text


class Rule(StrEnum):
    """Which rule of progression.md made a suggestion (the `rule` of the suggestion JSON)."""

    START = "start"
    RETURN_AFTER_GAP = "return-after-gap"
    DELOAD = "deload"
    ADD_LOAD = "add-load"
    ADD_REPS = "add-reps"
    HOLD = "hold"
    NEXT_VARIATION = "next-variation"
    ADD_SET = "add-set"
    MAINTAIN = "maintain"


RULES: tuple[Rule, ...] = tuple(Rule)

#: The reason for an external exercise without a catalog start load (progression.md, rule 1);
#: a marker, translated where it is written (`choose_a_load`).
CHOOSE_A_LOAD = N_("choose a load you can lift 12 times with good form")

_LOAD_EPS = 0.01  # kg: loads closer than this are the same load

#: Bodyweight assumed when judging a large jump for work that moves part of the body while the
#: person's bodyweight is unknown (a 2.5 kg plate on a back extension is not a 100% jump).
REFERENCE_BODYWEIGHT_KG = 70.0

#: Heavy low-rep work (docs/progression-notes.md): a session whose sets at the top load all have
#: at most this many reps, or at most half the bottom of the range, and at least
#: `HEAVY_MARGIN_REPS` under it, was heavy work below the range, not a failed try at it.
HEAVY_MAX_REPS = 3
HEAVY_MARGIN_REPS = 2


@dataclass(frozen=True)
class Suggestion:
    """The prescription for one exercise's next session."""

    exercise: str  # what to do next: the successor for next-variation, else trained_exercise
    trained_exercise: str  # the exercise whose history produced this suggestion
    load_kg: float | None  # external load in kg (per dumbbell); None for bodyweight or band
    sets: int
    reps: tuple[int, ...]  # one target per set
    rep_range: tuple[int, int]
    rule: Rule
    reason: str
    band: str | None = None
    warmup: bool = False


# --- loads -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Top:
    """The top load of a session and the reps of the sets done at it, in order."""

    kg: float | None  # set for kg loads
    band: str | None  # set for band loads
    reps: tuple[int, ...]

    def same_load(self, other: _Top) -> bool:
        if self.kg is not None and other.kg is not None:
            return abs(self.kg - other.kg) < _LOAD_EPS
        if self.band is not None and other.band is not None:
            return self.band.casefold() == other.band.casefold()
        return False


def _top(session: ExerciseSession, settings: ProgressionSettings) -> _Top | None:
    """The session's top load, or None when it was done without external load."""
    rs = session.readings
    top_kg = max((r.load_kg for r in rs), default=0.0)
    if top_kg > 0:
        reps = tuple(r.reps for r in rs if abs(r.load_kg - top_kg) < _LOAD_EPS)
        return _Top(top_kg, None, reps)
    banded = [r for r in rs if r.band]
    if not banded:
        return None

    def rank(r: Reading) -> int:
        found = band_rank(r.band or "", settings)
        return -1 if found is None else found

    top_band = max(banded, key=rank).band or ""
    reps = tuple(r.reps for r in banded if (r.band or "").casefold() == top_band.casefold())
    return _Top(None, top_band, reps)


# --- text --------------------------------------------------------------------------------------


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _reps_text(reps: Sequence[int]) -> str:
    """'12, 11 and 10 reps', '1 rep'."""
    count = reps[-1] if len(reps) == 1 else 2
    return ngettext("{reps} rep", "{reps} reps", count).format(reps=_and([str(r) for r in reps]))


def _targets_text(reps: Sequence[int]) -> str:
    """'8 reps on every set' or '11, 10 and 9 reps'."""
    if len(reps) > 1 and len(set(reps)) == 1:
        return _every_set(reps[0])
    return _reps_text(reps)


def _every_set(reps: int) -> str:
    """'8 reps on every set'."""
    return ngettext("{reps} rep on every set", "{reps} reps on every set", reps).format(reps=reps)


def _sets(n: int) -> str:
    return sets_text(n)


def _sets_of(n: int, reps: int) -> str:
    """'3 sets of 8 reps'."""
    return _("{sets} of {reps}").format(sets=_sets(n), reps=_reps_text([reps]))


def _weaker_side(ex: Exercise) -> str:
    """Unilateral work is judged by its weaker side (readings.py), so the reason says so."""
    return _(" on your weaker side") if ex.unilateral else ""


def _name_in_sentence(ex: Exercise) -> str:
    """An exercise's name inside a sentence: lower case, but German nouns keep their capital."""
    name = exercise_name(ex.name)
    return name if current_language() == "de" else name.lower()


def choose_a_load() -> str:
    """CHOOSE_A_LOAD in the current language."""
    return _(CHOOSE_A_LOAD)


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleInput:
    """What every rule reads: the exercise, the settings, the history index and the date."""

    exercise: Exercise
    settings: ProgressionSettings
    as_of: datetime
    index: Mapping[str, Sequence[ExerciseSession]]
    lookup: ExerciseLookup | None
    bodyweight_kg: float | None
    visited: frozenset[str] = frozenset()

    @property
    def slug(self) -> str:
        return self.exercise.slug

    def kg(self, load_kg: float | None) -> str:
        return format_load(load_kg, self.settings.unit)

    def amount(self, old_kg: float, new_kg: float) -> str:
        """The difference between two loads in the settings unit, e.g. '2.5 kg'."""
        unit = self.settings.unit
        diff = from_kg(new_kg, unit) - from_kg(old_kg, unit)
        return f"{number_text(diff)} {unit.value}"

    def top_text(self, top: _Top) -> str:
        """'at 60 kg', 'with the 12 kg bell', 'with the light band'."""
        if top.band is not None:
            return _("with the {band} band").format(band=top.band)
        if self.exercise.step_kind is StepKind.KETTLEBELL:
            return _("with the {load} bell").format(load=self.kg(top.kg))
        return _("at {load}").format(load=self.kg(top.kg))

    def suggestion(
        self,
        *,
        load_kg: float | None,
        sets: int,
        reps: tuple[int, ...],
        rep_range: tuple[int, int],
        rule: Rule,
        reason: str,
        band: str | None = None,
        warmup: bool = False,
    ) -> Suggestion:
        """A suggestion for this exercise (its own slug as both exercise and trained one)."""
        return Suggestion(
            self.slug, self.slug, load_kg, sets, reps, rep_range, rule, reason, band, warmup
        )

    def at_bottom(
        self,
        sets: int,
        rep_range: tuple[int, int],
        rule: Rule,
        reason: str,
        *,
        load_kg: float | None = None,
        band: str | None = None,
        warmup: bool = False,
    ) -> Suggestion:
        """`sets` sets, each aimed at the bottom of `rep_range`: what most rules prescribe."""
        return self.suggestion(
            load_kg=load_kg,
            band=band,
            sets=sets,
            reps=(rep_range[0],) * sets,
            rep_range=rep_range,
            rule=rule,
            reason=reason,
            warmup=warmup,
        )


def suggest(
    exercise: Exercise,
    history: Iterable[Session],
    settings: ProgressionSettings,
    as_of: datetime,
    *,
    lookup: ExerciseLookup | None = None,
    bodyweight_kg: float | None = None,
) -> Suggestion:
    """The suggestion for one exercise from the whole history (sessions after as-of ignored).

    `exercise` should already carry the person's overrides (settings.effective_exercise);
    `lookup` finds ladder successors by slug. `bodyweight_kg` defaults to the latest one recorded
    with a session, else the settings' bodyweight.
    """
    history = list(history)
    bw = bodyweight_kg
    if bw is None:
        bw = latest_bodyweight(history, as_of) or settings.bodyweight_kg
    index = index_history(history, as_of)
    return suggest_from_index(exercise, index, settings, as_of, lookup=lookup, bodyweight_kg=bw)


def suggest_from_index(
    exercise: Exercise,
    index: Mapping[str, Sequence[ExerciseSession]],
    settings: ProgressionSettings,
    as_of: datetime,
    *,
    lookup: ExerciseLookup | None = None,
    bodyweight_kg: float | None = None,
    _visited: frozenset[str] = frozenset(),
) -> Suggestion:
    """`suggest` over a prepared `index_history` (what the plan uses for many exercises)."""
    given = RuleInput(
        exercise, settings, as_of, index, lookup, bodyweight_kg, _visited | {exercise.slug}
    )
    if exercise.load_kind is LoadKind.ACTIVATION:
        return _activation(given)
    sessions = [s for s in index.get(exercise.slug, ()) if s.started_at <= as_of]
    if not sessions:
        return _start(given)
    last = sessions[-1]
    top = _top(last, settings)
    gap = (as_of.date() - last.started_at.date()).days
    if gap > settings.gap_no_change_days:
        return _return_after_gap(given, last, top, gap)
    if top is not None:
        return _loaded(given, sessions, top)
    return _bodyweight(given, sessions)


# rule 1 ------------------------------------------------------------------------------------------


def _start(given: RuleInput) -> Suggestion:
    ex, s = given.exercise, given.settings
    n, (lo, hi) = ex.sets, ex.rep_range
    work = _sets_of(n, lo)
    if ex.load_kind is not LoadKind.EXTERNAL:
        reason = _(
            "You have not logged this exercise yet, so start with {work} with no added load."
        ).format(work=work)
        load = None
    elif ex.start_load_kg:
        load = grid_for(ex, s).nearest(ex.start_load_kg)
        reason = _("You have not logged this exercise yet, so start with {work} at {load}.").format(
            work=work, load=given.kg(load)
        )
    else:
        load = None
        reason = _("You have not logged this exercise yet, so start with {work}; {choose}.").format(
            work=work, choose=choose_a_load()
        )
    return given.at_bottom(n, (lo, hi), Rule.START, reason, load_kg=load)


# rule 2 ------------------------------------------------------------------------------------------


def _loaded_range(ex: Exercise) -> tuple[int, int]:
    return ex.loaded_rep_range or ex.rep_range


def _bodyweight_sets(given: RuleInput, last: ExerciseSession) -> int:
    """Sets for bodyweight work: the target, or more when `add-set` has raised it (up to max)."""
    done = min(len(last.readings), given.settings.max_bodyweight_sets)
    return max(given.exercise.sets, done)


def _floor_kg(given: RuleInput) -> float | None:
    """The lightest load a reduction may reach: the catalog start load (on the grid) and, for a
    barbell, the empty bar of the settings; None when the equipment sets no such floor."""
    ex, s = given.exercise, given.settings
    floors: list[float] = []
    if ex.start_load_kg:
        floors.append(grid_for(ex, s).nearest(ex.start_load_kg))
    if ex.step_kind is StepKind.BARBELL:
        floors.append(s.bar_lb * KG_PER_LB if s.unit is Unit.LB else s.bar_kg)
    return max(floors, default=None)


def _reduce_kg(given: RuleInput, load: float, factor: float) -> float:
    """load x factor rounded DOWN, never above `load`, and not below the floor (the catalog start
    load, a barbell's empty bar) unless the person was already under it: then `load` is kept."""
    grid = grid_for(given.exercise, given.settings)
    target = grid.round_down(load * factor)
    floor = _floor_kg(given)
    if floor is not None:
        if load < floor - _LOAD_EPS:
            return load
        target = max(target, floor)
    return min(target, load)


def _no_lighter(given: RuleInput, load: float) -> str:
    """Why a reduction kept the load: '45 lb is the empty bar', '4 kg is the lightest bell'."""
    s, ex = given.settings, given.exercise
    bar = s.bar_lb * KG_PER_LB if s.unit is Unit.LB else s.bar_kg
    floor = _floor_kg(given)
    if ex.step_kind is StepKind.BARBELL and abs(load - bar) < _LOAD_EPS:
        return _("{load} is the empty bar").format(load=given.kg(load))
    if floor is not None and load < floor - _LOAD_EPS:
        return _("{load} is already under the usual lightest load of {floor}").format(
            load=given.kg(load), floor=given.kg(floor)
        )
    if ex.step_kind is StepKind.KETTLEBELL:
        return _("the {load} bell is the lightest there is").format(load=given.kg(load))
    return _("{load} is the lightest load for this exercise").format(load=given.kg(load))


def _about(given: RuleInput, load_kg: float) -> str:
    """An estimate in whole units of the settings: 'about 103 kg'."""
    unit = given.settings.unit
    return _("about {load}").format(load=f"{round(from_kg(load_kg, unit))} {unit.value}")


def _heavy_low(given: RuleInput, top: _Top, lo: int) -> bool:
    """Heavy low-rep work: every set at the top load far under the bottom of the range (a
    single, double or triple on a 6-8 range), not a failed try at the range. Nothing at or under
    the floor (the empty bar) is heavy."""
    if top.kg is None or not top.reps:
        return False
    floor = _floor_kg(given)
    if floor is not None and top.kg <= floor + _LOAD_EPS:
        return False
    best = max(top.reps)  # 0 reps (a hold timed, not counted) is no heavy set
    return 1 <= best <= max(HEAVY_MAX_REPS, lo // 2) and best <= lo - HEAVY_MARGIN_REPS


@dataclass(frozen=True)
class _Estimate:
    """The best set of a session by Epley and the external load it puts within reach for `reps`
    (unrounded)."""

    load_kg: float
    reps: int
    range_kg: float


def _estimate(given: RuleInput, session: ExerciseSession, reps: int) -> _Estimate | None:
    """Epley e1RM of the session's best set (on the effective load), back-calculated to `reps`."""
    ex, bw = given.exercise, given.bodyweight_kg
    best: tuple[float, Reading] | None = None
    for r in session.readings:
        one_rm = epley(effective_load(r.load_kg, ex, bw), r.reps) if r.load_kg > 0 else None
        if one_rm is not None and (best is None or one_rm > best[0]):
            best = (one_rm, r)
    if best is None:
        return None
    body = effective_load(0.0, ex, bw)
    external = (best[0] / (1 + reps / 30) - body) / max(ex.implements, 1)
    if external <= _LOAD_EPS:
        return None  # the bodyweight share alone covers the range: no load to work up from
    return _Estimate(best[1].load_kg, best[1].reps, external)


def _range_kg(given: RuleInput, estimate: _Estimate, top_kg: float) -> float:
    """The estimate rounded DOWN to the grid, not under the floor, never above the top load."""
    grid = grid_for(given.exercise, given.settings)
    load = grid.round_down(estimate.range_kg)
    floor = _floor_kg(given)
    if floor is not None and top_kg >= floor - _LOAD_EPS:
        load = max(load, floor)
    return min(load, top_kg)


def _return_after_gap(
    given: RuleInput, last: ExerciseSession, top: _Top | None, gap: int
) -> Suggestion:
    s, ex = given.settings, given.exercise
    factor = s.gap_short_factor if gap < s.gap_long_days else s.gap_long_factor
    pct = round((1 - factor) * 100)
    since = ngettext(
        "It has been {days} day since you last did this exercise",
        "It has been {days} days since you last did this exercise",
        gap,
    ).format(days=gap)
    if top is None:
        lo, hi = ex.rep_range
        n = _bodyweight_sets(given, last)
        reason = _("{since}, so ease back in with {work}.").format(
            since=since, work=_sets_of(n, lo)
        )
        return given.at_bottom(n, (lo, hi), Rule.RETURN_AFTER_GAP, reason)
    lo, hi = _loaded_range(ex)
    n = ex.sets
    if top.band is not None:
        band = lighter_band(top.band, s) or top.band
        if band != top.band:
            text = _("{since} {what}, so come back with a lighter band ({band}) and {targets}.")
        else:
            text = _("{since} {what}, so come back with the same band ({band}) and {targets}.")
        reason = text.format(
            since=since, what=given.top_text(top), band=band, targets=_every_set(lo)
        )
        return given.at_bottom(n, (lo, hi), Rule.RETURN_AFTER_GAP, reason, band=band)
    assert top.kg is not None
    base, what = top.kg, given.top_text(top)
    estimate = _estimate(given, last, lo) if _heavy_low(given, top, lo) else None
    if estimate is not None:
        base = _range_kg(given, estimate, top.kg)  # on the grid, never under the bar
        what = _("({heavy}; your best set estimates {about} for {reps})").format(
            heavy=_heavy_text(given, top),
            about=_about(given, min(top.kg, estimate.range_kg)),
            reps=_reps_text([lo]),
        )
    load = _reduce_kg(given, base, factor)
    fields = {"since": since, "what": what, "targets": _every_set(lo)}
    if load >= top.kg - _LOAD_EPS:
        reason = _("{since} {what}; {why}, so keep it and ease back in with {targets}.").format(
            **fields, why=_no_lighter(given, load)
        )
    else:
        reason = _("{since} {what}, so come back about {pct}% lighter at {load} with {targets}.")
        reason = reason.format(**fields, pct=pct, load=given.kg(load))
    return given.at_bottom(n, (lo, hi), Rule.RETURN_AFTER_GAP, reason, load_kg=load)


def _heavy_text(given: RuleInput, top: _Top) -> str:
    """'a single at 120 kg', '1 set of 4 reps at 55 kg', '5 sets of 3 reps at 80 kg'."""
    names = {1: N_("a single {where}"), 2: N_("a double {where}"), 3: N_("a triple {where}")}
    if len(top.reps) == 1 and top.reps[0] in names:
        return _(names[top.reps[0]]).format(where=given.top_text(top))
    return _("{done} {where}").format(done=_done_text(top.reps), where=given.top_text(top))


# rules 3-6 ---------------------------------------------------------------------------------------


def _failed(top: _Top, n: int, lo: int) -> bool:
    """Fewer than N working sets at the top load, or any of them under the low end."""
    return len(top.reps) < n or any(r < lo for r in top.reps)


def _next_load(given: RuleInput, top: _Top) -> tuple[float | None, str | None] | None:
    """(kg, band) of the next achievable load above the top load; None when none is heavier."""
    if top.band is not None:
        band = next_band(top.band, given.settings)
        return None if band is None else (None, band)
    assert top.kg is not None
    kg = grid_for(given.exercise, given.settings).next_above(top.kg)
    return None if kg is None else (kg, None)


def _large_jump(given: RuleInput, top: _Top, next_kg: float | None) -> bool:
    """Does the next load raise the effective load by more than the large-jump fraction?

    Bands have no known weight; moving up a band is treated as a large jump.
    """
    if top.band is not None or top.kg is None or next_kg is None:
        return top.band is not None
    bw = given.bodyweight_kg or REFERENCE_BODYWEIGHT_KG
    now = effective_load(top.kg, given.exercise, bw)
    then = effective_load(next_kg, given.exercise, bw)
    return then - now > given.settings.large_jump_fraction * now + 1e-9


def _loaded(given: RuleInput, sessions: Sequence[ExerciseSession], top: _Top) -> Suggestion:
    """Rules 3-6 for work with an external load (or a band), tried in order."""
    s, n = given.settings, given.exercise.sets
    lo, hi = _loaded_range(given.exercise)
    if _heavy_low(given, top, lo):
        estimate = _estimate(given, sessions[-1], lo)
        if estimate is not None:
            return _work_in_range(given, top, estimate)
    if _deload_due(given, sessions, top, lo):
        return _deload(given, top, s.deload_failures, (lo, hi))
    nxt = _next_load(given, top)
    large = nxt is not None and _large_jump(given, top, nxt[0])
    gate = hi + s.large_jump_extra_reps if large else hi
    if sum(r >= gate for r in top.reps) >= n:
        return _add_load(given, top, nxt, gate)
    if not _failed(top, n, lo):
        return _add_reps(given, top, nxt if large else None, gate)
    return _hold(given, top, _ramped(sessions[-1], top))


def _ramped(session: ExerciseSession, top: _Top) -> bool:
    """Did the session work up to its top load through lighter working sets (a ramp)?"""
    if top.kg is None:
        return False
    for r in session.readings:
        if abs(r.load_kg - top.kg) < _LOAD_EPS:
            return False
        if r.load_kg > 0:
            return True
    return False


def _work_in_range(given: RuleInput, top: _Top, estimate: _Estimate) -> Suggestion:
    """Heavy low-rep work last time: N x lo at the load its best set puts within reach for lo
    reps (Epley, rounded down), not a repeat of the heavy load (see progression-notes.md)."""
    lo, hi = _loaded_range(given.exercise)
    assert top.kg is not None
    load = _range_kg(given, estimate, top.kg)
    reason = _(
        "Last time you did {heavy}: heavy work under the {lo}-{hi} range, not a missed try at "
        "it. Your best set ({best}) estimates {about} for {reps}, so work in the range at {load} "
        "and aim for {targets}."
    ).format(
        heavy=_heavy_text(given, top),
        lo=lo,
        hi=hi,
        best=f"{given.kg(estimate.load_kg)} x {estimate.reps}",
        about=_about(given, estimate.range_kg),
        reps=_reps_text([lo]),
        load=given.kg(load),
        targets=_every_set(lo),
    )
    return given.at_bottom(
        given.exercise.sets, (lo, hi), Rule.HOLD, reason, load_kg=load, band=None
    )


def _deload_due(given: RuleInput, sessions: Sequence[ExerciseSession], top: _Top, lo: int) -> bool:
    """Rule 3: the last K sessions were all at this load and all fell short."""
    s, n = given.settings, given.exercise.sets
    k = s.deload_failures
    if len(sessions) < k:
        return False
    tops = [_top(x, s) for x in sessions[-k:]]
    return all(
        t is not None and t.same_load(top) and _failed(t, n, lo) and not _heavy_low(given, t, lo)
        for t in tops
    )


def _add_load(
    given: RuleInput, top: _Top, nxt: tuple[float | None, str | None] | None, gate: int
) -> Suggestion:
    """Rule 4: every working set reached the gate, so move to the next load (or maintain when
    there is no heavier one)."""
    ex = given.exercise
    lo, hi = _loaded_range(ex)
    n = ex.sets
    reached = sum(r >= gate for r in top.reps)
    fields = {"reps": _reps_text([gate]), "where": given.top_text(top)}
    if reached < len(top.reps):
        did = _("{reached} of {count} sets reached {reps} {where} last time").format(
            **fields, reached=reached, count=len(top.reps)
        )
    else:
        did = ngettext(
            "All {count} set reached {reps} {where} last time",
            "All {count} sets reached {reps} {where} last time",
            reached,
        ).format(**fields, count=reached)
    if nxt is None:
        kept = list(top.reps[:n])
        if top.band:
            what = _(
                "{did} and there is no heavier band in your settings, so repeat {targets} at "
                "the same load."
            )
        elif ex.step_kind is StepKind.KETTLEBELL:
            what = _(
                "{did} and there is no heavier bell in your settings, so repeat {targets} at "
                "the same load."
            )
        else:
            what = _(
                "{did} and there is no heavier load in your settings, so repeat {targets} at "
                "the same load."
            )
        reason = what.format(did=did, targets=_targets_text(kept))
        return _at_top_load(given, top, tuple(kept), Rule.MAINTAIN, reason)
    next_kg, band = nxt
    if band is not None:
        move = _("move up to the {band} band").format(band=band)
    elif ex.step_kind is StepKind.KETTLEBELL:
        move = _("move up to the {load} bell").format(load=given.kg(next_kg))
    else:
        assert top.kg is not None and next_kg is not None
        amount = given.amount(top.kg, next_kg)
        move = (_("add {load} per dumbbell") if ex.implements > 1 else _("add {load}")).format(
            load=amount
        )
    reason = _("{did}, so {move} and start again at {reps}.").format(
        did=did, move=move, reps=_reps_text([lo])
    )
    return given.at_bottom(n, (lo, hi), Rule.ADD_LOAD, reason, load_kg=next_kg, band=band)


def _add_reps(
    given: RuleInput, top: _Top, large_step: tuple[float | None, str | None] | None, gate: int
) -> Suggestion:
    """Rule 5: one more rep per set, capped at the gate; `large_step` is the next load when
    moving to it would be a large jump (the gate is then above the top of the range)."""
    s, ex = given.settings, given.exercise
    lo, hi = _loaded_range(ex)
    n = ex.sets
    targets = tuple(min(gate, r + 1) for r in top.reps[:n])
    did = _("You did {reps} {where} last time{side}").format(
        reps=_reps_text(top.reps[:n]), where=given.top_text(top), side=_weaker_side(ex)
    )
    if large_step is not None:
        if large_step[1]:
            heavier = _("the {band} band").format(band=large_step[1])
        elif ex.step_kind is StepKind.KETTLEBELL:
            heavier = _("the {load} bell").format(load=given.kg(large_step[0]))
        else:
            heavier = given.kg(large_step[0])
        reason = _(
            "{did}; moving up to {heavier} would be a jump of more than {pct}%, so first build "
            "every set up to {reps}: aim for {targets}."
        ).format(
            did=did,
            heavier=heavier,
            pct=round(s.large_jump_fraction * 100),
            reps=_reps_text([gate]),
            targets=_targets_text(targets),
        )
    else:
        reason = _("{did}, inside the {lo}-{hi} range, so keep the load and aim for {targets}.")
        reason = reason.format(did=did, lo=lo, hi=hi, targets=_targets_text(targets))
    return _at_top_load(given, top, targets, Rule.ADD_REPS, reason)


def _at_top_load(
    given: RuleInput, top: _Top, reps: tuple[int, ...], rule: Rule, reason: str
) -> Suggestion:
    """N sets aimed at `reps` at the top load (or band) of last time."""
    return given.suggestion(
        load_kg=top.kg,
        band=top.band,
        sets=given.exercise.sets,
        reps=reps,
        rep_range=_loaded_range(given.exercise),
        rule=rule,
        reason=reason,
    )


def _done_text(reps: Sequence[int]) -> str:
    """'1 set of 6 reps', '2 sets of 12 reps', '2 sets of 7 and 6 reps'."""
    if len(set(reps)) == 1:
        return _sets_of(len(reps), reps[0])
    return _("{sets} of {reps}").format(sets=_sets(len(reps)), reps=_reps_text(reps))


def _hold(given: RuleInput, top: _Top, ramped: bool = False) -> Suggestion:
    """Rule 6: short of N sets of the low end at the top load, so stay at the load. Only the
    sets at the top load count: a ramp of lighter sets before them is not part of the count."""
    ex = given.exercise
    lo, hi = _loaded_range(ex)
    n = ex.sets
    there = bool(top.band) or ex.step_kind is StepKind.KETTLEBELL
    fewer = len(top.reps) < n
    done = _done_text(top.reps) if fewer or ramped else _reps_text(top.reps)
    if ramped:
        did = _("Last time you worked up to {load} and did {done} there").format(
            load=given.kg(top.kg), done=done
        )
    else:
        did = _("Last time {where} you did {done}").format(where=given.top_text(top), done=done)
    did += _weaker_side(ex)
    fields = {"did": did, "sets": _sets(n), "lo": lo, "load": given.kg(top.kg)}
    if fewer and all(r >= lo for r in top.reps):
        if there:
            text = _(
                "{did}: the reps are there but not the sets, so stay there and do all {sets} of "
                "at least {reps}."
            )
        else:
            text = _(
                "{did}: the reps are there but not the sets, so stay at {load} and do all {sets} "
                "of at least {reps}."
            )
        reason = text.format(**fields, reps=_reps_text([lo]))
    else:
        if there:
            text = _("{did}, short of {sets} of {lo}, so stay there and aim for {targets}.")
        else:
            text = _("{did}, short of {sets} of {lo}, so stay at {load} and aim for {targets}.")
        reason = text.format(**fields, targets=_every_set(lo))
    return given.at_bottom(n, (lo, hi), Rule.HOLD, reason, load_kg=top.kg, band=top.band)


def _deload(given: RuleInput, top: _Top, k: int, rng: tuple[int, int]) -> Suggestion:
    s, ex = given.settings, given.exercise
    lo = rng[0]
    n = ex.sets
    pct = round((1 - s.deload_factor) * 100)
    fell = ngettext(
        "The last session {where} fell short of {sets} of {lo}",
        "The last {count} sessions {where} all fell short of {sets} of {lo}",
        k,
    ).format(count=k, where=given.top_text(top), sets=_sets(n), lo=lo)
    fields = {"fell": fell, "targets": _every_set(lo)}
    if top.band is not None:
        band = lighter_band(top.band, s) or top.band
        reason = _("{fell}, so step back to the {band} band and aim for {targets}.").format(
            **fields, band=band
        )
        return given.at_bottom(n, rng, Rule.DELOAD, reason, band=band)
    assert top.kg is not None
    load = _reduce_kg(given, top.kg, s.deload_factor)
    if load >= top.kg - _LOAD_EPS:
        reason = _("{fell}; {why}, so keep it and aim for {targets}.").format(
            **fields, why=_no_lighter(given, load)
        )
    else:
        reason = _("{fell}, so drop about {pct}% to {load} and aim for {targets}.").format(
            **fields, pct=pct, load=given.kg(load)
        )
    return given.at_bottom(n, rng, Rule.DELOAD, reason, load_kg=load)


# rule 7 ------------------------------------------------------------------------------------------


def _bodyweight(given: RuleInput, sessions: Sequence[ExerciseSession]) -> Suggestion:
    s, ex = given.settings, given.exercise
    lo, hi = ex.rep_range
    last = sessions[-1]
    n = _bodyweight_sets(given, last)
    g = s.bodyweight_gate_sessions
    recent = sessions[-g:]
    gate = len(sessions) >= g and all(
        _top(x, s) is None and sum(r.reps >= hi for r in x.readings) >= n for x in recent
    )
    reps = [r.reps for r in last.readings]
    if not gate:
        done = reps[:n]
        # Sets planned but not done last time aim where the last set done does (see notes).
        fill = min(hi, done[-1] + 1) if done else lo
        targets = tuple(min(hi, r + 1) for r in done) + (fill,) * max(0, n - len(done))
        did = _("You did {reps} last time{side}").format(
            reps=_reps_text(done), side=_weaker_side(ex)
        )
        if len(done) >= n and all(r >= hi for r in done):
            successor = _successor(given)
            if successor is not None:
                reason = _(
                    "{did}, the top of the {lo}-{hi} range; do it once more and you move on to "
                    "the {name}."
                ).format(did=did, lo=lo, hi=hi, name=_name_in_sentence(successor))
            else:
                reason = _(
                    "{did}, the top of the {lo}-{hi} range; do it once more and you move."
                ).format(did=did, lo=lo, hi=hi)
        else:
            reason = _("{did}, so aim for one more rep per set, up to {hi}: {targets}.").format(
                did=did, hi=hi, targets=_targets_text(targets)
            )
        return given.suggestion(
            load_kg=None,
            sets=n,
            reps=targets,
            rep_range=(lo, hi),
            rule=Rule.ADD_REPS,
            reason=reason,
        )

    did = ngettext(
        "All {sets} reached {reps} in each of your last session",
        "All {sets} reached {reps} in each of your last {count} sessions",
        g,
    ).format(sets=_sets(n), reps=_reps_text([hi]), count=g)
    successor = _successor(given)
    if successor is not None:
        return _next_variation(given, successor, did)
    loadable = ex.loadable or ex.load_kind is LoadKind.EXTERNAL
    if loadable:
        return _first_load(given, did)
    if n < s.max_bodyweight_sets:
        reason = _("{did}, so add a set: do {work}.").format(did=did, work=_sets_of(n + 1, lo))
        return given.at_bottom(n + 1, (lo, hi), Rule.ADD_SET, reason)
    kept = tuple(reps[:n])
    reason = _(
        "{did} and this exercise has no harder step in hiplog, so keep it up with {targets}."
    ).format(did=did, targets=_targets_text(kept))
    return given.suggestion(
        load_kg=None, sets=n, reps=kept, rep_range=(lo, hi), rule=Rule.MAINTAIN, reason=reason
    )


def _successor(given: RuleInput) -> Exercise | None:
    slug = given.exercise.successor
    if not slug or given.lookup is None or slug in given.visited:
        return None
    found = given.lookup(slug)
    return None if found is None else effective_exercise(found, given.settings)


def _next_variation(given: RuleInput, successor: Exercise, did: str) -> Suggestion:
    if given.index.get(successor.slug):
        # Already training the successor: follow its own progression.
        own = suggest_from_index(
            successor,
            given.index,
            given.settings,
            given.as_of,
            lookup=given.lookup,
            bodyweight_kg=given.bodyweight_kg,
            _visited=given.visited,
        )
        fields = {
            "did": did,
            "name": exercise_name(successor.name),
            "sets": _sets(own.sets),
            "targets": _targets_text(own.reps),
        }
        if own.load_kg is None:
            text = _("{did}, and you already do {name}, so go on with it: {sets} of {targets}.")
        else:
            text = _(
                "{did}, and you already do {name}, so go on with it: {sets} of {targets} at {load}."
            )
        reason = text.format(**fields, load=given.kg(own.load_kg))
        return replace(own, trained_exercise=given.slug, rule=Rule.NEXT_VARIATION, reason=reason)
    start = _start(replace(given, exercise=successor))
    lo = start.rep_range[0]
    fields = {"did": did, "name": exercise_name(successor.name), "work": _sets_of(start.sets, lo)}
    if start.load_kg is not None:
        text = _("{did}, so move on to the next variation, {name}: {work} at {load}.")
    elif choose_a_load() in start.reason:
        text = _("{did}, so move on to the next variation, {name}: {work}; {choose}.")
    else:
        text = _("{did}, so move on to the next variation, {name}: {work}.")
    reason = text.format(**fields, load=given.kg(start.load_kg), choose=choose_a_load())
    return replace(
        start,
        exercise=successor.slug,
        trained_exercise=given.slug,
        rule=Rule.NEXT_VARIATION,
        reason=reason,
    )


def _first_load(given: RuleInput, did: str) -> Suggestion:
    """The bodyweight-to-weighted move: N x lo of the loaded range at the first load step."""
    ex, s = given.exercise, given.settings
    lo, hi = _loaded_range(ex)
    n = ex.sets
    if ex.step_kind is StepKind.BAND:
        band = s.bands[0]
        reason = _(
            "{did}, so add the {band} band and work in the {lo}-{hi} range, starting at {reps}."
        ).format(did=did, band=band, lo=lo, hi=hi, reps=_reps_text([lo]))
        return given.at_bottom(n, (lo, hi), Rule.ADD_LOAD, reason, band=band)
    grid = grid_for(ex, s)
    if ex.load_kind is LoadKind.EXTERNAL and ex.start_load_kg:
        load = grid.nearest(ex.start_load_kg)
    else:
        load = grid.lightest
    if ex.implements > 1:
        text = _(
            "{did}, so add {load} per dumbbell and work in the {lo}-{hi} range, starting at {reps}."
        )
    else:
        text = _("{did}, so add {load} and work in the {lo}-{hi} range, starting at {reps}.")
    reason = text.format(did=did, load=given.kg(load), lo=lo, hi=hi, reps=_reps_text([lo]))
    return given.at_bottom(n, (lo, hi), Rule.ADD_LOAD, reason, load_kg=load)


# activation drills -------------------------------------------------------------------------------


def _activation(given: RuleInput) -> Suggestion:
    ex = given.exercise
    lo, hi = ex.rep_range
    if ex.unilateral:
        text = _("{name} is a warm-up drill, so do {work} per side before the main work.")
    else:
        text = _("{name} is a warm-up drill, so do {work} before the main work.")
    reason = text.format(name=exercise_name(ex.name), work=_sets_of(ex.sets, lo))
    return given.at_bottom(ex.sets, (lo, hi), Rule.MAINTAIN, reason, warmup=True)
