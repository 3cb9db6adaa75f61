"""Loads in an imported file that look wrong, listed for the person to check (issue 12).

Nothing is changed: the sets are imported as written, and the import summary names the exercise
and the dates. The checks are deliberately few and plain:

- a load per dumbbell above the heaviest dumbbell most gyms have (50 kg) on an exercise done
  with a pair of dumbbells: the log most likely holds the pair's total;
- a kettlebell load above the heaviest bell in the person's list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise, Session, StepKind
from hiplog.domain.translation import _

#: The heaviest dumbbell most gyms have, in kg; a heavier "per dumbbell" load is suspicious.
HEAVIEST_DUMBBELL_KG = 50.0


@dataclass(frozen=True)
class LoadCheck:
    exercise: str  # name
    why: str
    dates: tuple[date, ...]

    def text(self) -> str:
        first, last = self.dates[0], self.dates[-1]
        when = first.isoformat() if first == last else f"{first} to {last}"
        return f"{self.exercise}: {self.why} on {len(self.dates)} day(s), {when}"


def _why(exercise: Exercise, load_kg: float, heaviest_bell_kg: float) -> str | None:
    pair = exercise.step_kind is StepKind.DUMBBELL and exercise.implements == 2
    if pair and load_kg > HEAVIEST_DUMBBELL_KG:
        return _(
            "loads above {HEAVIEST_DUMBBELL_KG:g} kg per dumbbell look like the "
            "pair's total (hiplog reads them as per dumbbell)"
        ).format(HEAVIEST_DUMBBELL_KG=HEAVIEST_DUMBBELL_KG)
    if exercise.step_kind is StepKind.KETTLEBELL and load_kg > heaviest_bell_kg:
        return _(
            "loads above the heaviest kettlebell in your list ({heaviest_bell_kg:g} kg)"
        ).format(heaviest_bell_kg=heaviest_bell_kg)
    return None


def load_checks(
    sessions: Iterable[Session],
    catalog: Catalog,
    extra: Iterable[Exercise] = (),
    heaviest_bell_kg: float = 48.0,
) -> list[LoadCheck]:
    """Things to check in imported sets, one per exercise and reason, dates in order."""
    lookup = {e.slug: e for e in catalog}
    lookup.update((e.slug, e) for e in extra)
    found: dict[tuple[str, str], set[date]] = {}
    for session in sessions:
        for entry in session.sets:
            exercise = lookup.get(entry.exercise)
            if exercise is None or not entry.load_kg or exercise.is_other:
                continue
            why = _why(exercise, entry.load_kg, heaviest_bell_kg)
            if why is not None:
                found.setdefault((exercise.name, why), set()).add(session.started_at.date())
    return [LoadCheck(name, why, tuple(sorted(days))) for (name, why), days in found.items()]
