"""The progress charts' data for one open database: `ChartData` reads the aggregates
(`storage.chart_queries`) and builds the series with `domain.chart_series`, cached per exercise;
call `invalidate()` when sessions change. `stats` is `hiplog stats`' per-session table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hiplog.domain.chart_series import (
    ExerciseCharts,
    LadderMark,
    WeeklyCharts,
    build_exercise_charts,
    build_weekly_charts,
)
from hiplog.domain.errors import InputError
from hiplog.domain.metrics import SessionStats, exercise_stats
from hiplog.domain.models import SetEntry
from hiplog.domain.translation import _
from hiplog.domain.units import Unit
from hiplog.domain.wording import set_text
from hiplog.services.context import AppContext
from hiplog.services.settings_store import bodyweight_kg
from hiplog.storage import chart_queries, session_repo


class ChartRange(StrEnum):
    """The time ranges the charts offer."""

    WEEKS_4 = "4 weeks"
    MONTHS_3 = "3 months"
    YEAR = "1 year"
    ALL = "All"

    def start(self, end: datetime) -> datetime | None:
        """The first moment inside the range ending at `end` (None: no limit)."""
        days = {"4 weeks": 28, "3 months": 91, "1 year": 365}.get(self.value)
        return None if days is None else end - timedelta(days=days)


@dataclass(frozen=True)
class TrainedExercise:
    slug: str
    name: str
    sessions: int
    other: bool = False  # other training: listed after the hip exercises


# --- the cache -----------------------------------------------------------------------------


class ChartData:
    """Chart series for one open database, cached per exercise until `invalidate()`."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._exercises: dict[str, ExerciseCharts] = {}
        self._weekly: WeeklyCharts | None = None
        self._trained: list[TrainedExercise] | None = None
        self._sets: dict[tuple[int, str], tuple[SetEntry, ...]] = {}
        self._bodyweight: tuple[float | None] | None = None

    def invalidate(self) -> None:
        """Forget everything (sessions, catalog or settings changed)."""
        self._exercises.clear()
        self._weekly = None
        self._trained = None
        self._sets.clear()
        self._bodyweight = None

    def _default_bodyweight(self) -> float | None:
        if self._bodyweight is None:
            self._bodyweight = (bodyweight_kg(self._ctx),)
        return self._bodyweight[0]

    def exercise(self, slug: str) -> ExerciseCharts:
        """The per-exercise series (an InputError for an unknown exercise)."""
        cached = self._exercises.get(slug)
        if cached is not None:
            return cached
        catalog = self._ctx.catalog()
        exercise = catalog.get(slug)
        if exercise is None:
            raise InputError(_("unknown exercise '{slug}'").format(slug=slug))
        chain = catalog.ladder(slug)
        with self._ctx.db.reader() as tx:
            groups = chart_queries.load_groups(tx, slug)
            firsts = chart_queries.first_trained(tx, [ex.slug for ex in chain[1:]])
        marks = [
            LadderMark(firsts[ex.slug], ex.slug, ex.name) for ex in chain[1:] if ex.slug in firsts
        ]
        charts = build_exercise_charts(exercise, groups, self._default_bodyweight(), marks)
        self._exercises[slug] = charts
        return charts

    def weekly(self) -> WeeklyCharts:
        if self._weekly is None:
            settings = self._ctx.settings()
            with self._ctx.db.reader() as tx:
                groups = chart_queries.hard_set_groups(tx, settings.hard_set_max_rir)
            lookup = {ex.slug: ex for ex in self._ctx.catalog()}
            self._weekly = build_weekly_charts(
                groups, lookup, settings.sessions_per_week, settings.weekly_hard_sets
            )
        return self._weekly

    def trained_exercises(self) -> list[TrainedExercise]:
        """Exercises with at least one working set, in catalog order, other training last."""
        if self._trained is None:
            with self._ctx.db.reader() as tx:
                counts = chart_queries.sessions_per_exercise(tx)
            trained = [
                TrainedExercise(ex.slug, ex.name, counts[ex.slug], ex.is_other)
                for ex in self._ctx.catalog()
                if ex.slug in counts
            ]
            self._trained = sorted(trained, key=lambda t: t.other)  # hip exercises first
        return self._trained

    def session_sets(self, session_id: int, slug: str) -> tuple[SetEntry, ...]:
        """Every set (warm-ups too) of `slug` in one session, for a chart's tooltip."""
        key = (session_id, slug)
        if key not in self._sets:
            with self._ctx.db.reader() as tx:
                session = session_repo.get_session(tx, session_id)
            self._sets[key] = session.sets_of(slug) if session is not None else ()
        return self._sets[key]


# --- describing and exporting ----------------------------------------------------------------


def describe_sets(sets: Sequence[SetEntry], unit: Unit = Unit.KG) -> list[str]:
    """One line per set, e.g. '60 kg x 12', 'bodyweight x 15 (L)', '40 kg x 10, warm-up'."""
    return [set_text(s, unit) for s in sets]


def stats(ctx: AppContext, slug: str) -> list[SessionStats]:
    """Per-session statistics of one exercise (`hiplog stats`; the charts' numbers)."""
    exercise = ctx.catalog().get(slug)
    if exercise is None:
        raise InputError(_("unknown exercise '{slug}'").format(slug=slug))
    with ctx.db.reader() as tx:
        sessions = session_repo.sessions_of_exercise(tx, slug)
    return exercise_stats(sessions, exercise, bodyweight_kg(ctx))
