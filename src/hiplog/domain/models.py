"""The plain dataclasses every layer passes around.

These are the shapes the services return to the UI and the command line, and the shapes the
progression rules read. They hold no database identity beyond an optional integer id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # programs.py builds on this module; only the type is needed here
    from hiplog.domain.body import BodyMeasurement
    from hiplog.domain.programs import Program, ProgramRun


class LoadKind(StrEnum):
    """How an exercise is loaded."""

    BODYWEIGHT = "bodyweight"  # no external load by default
    EXTERNAL = "external"  # always done with an external load
    ACTIVATION = "activation"  # a warm-up drill; fixed prescription


class Length(StrEnum):
    """Where along its range an exercise loads the hip extensors hardest."""

    SHORT = "short"
    MID = "mid"
    LONG = "long"


class Role(StrEnum):
    """What an exercise is to hiplog (issue 12)."""

    CATALOG = "catalog"  # a built-in exercise
    HIP = "hip"  # the person's own hip-extension exercise: counts like the catalog's
    OTHER = "other"  # other training: kept as logged, left out of every hip figure


class StepKind(StrEnum):
    """What decides the next achievable load (see progression.md, Rounding)."""

    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    STACK = "stack"
    PLATE = "plate"
    BAND = "band"


@dataclass(frozen=True)
class Exercise:
    """One exercise: a built-in catalog entry or a custom one."""

    slug: str
    name: str
    load_kind: LoadKind
    length: Length
    muscles: tuple[str, ...]  # primary first: "glute max", "hamstrings", ...
    sets: int  # target sets N
    rep_range: tuple[int, int]  # [lo, hi]
    equipment: tuple[str, ...] = ()
    loadable: bool = False  # a bodyweight exercise that may take external load
    step_kind: StepKind | None = None  # equipment that sets the load steps, None if unloaded
    implements: int = 1  # 2 for a pair of dumbbells
    start_load_kg: float | None = None
    unilateral: bool = False
    loaded_rep_range: tuple[int, int] | None = None  # the "loaded:" range of catalog.md
    successor: str | None = None  # next variation on the ladder
    bodyweight_share: float = 0.0
    aliases: tuple[str, ...] = ()
    setup: str = ""
    action: str = ""
    cue: str = ""
    mistakes: tuple[str, ...] = ()
    custom: bool = False
    position: int = 0  # catalog order; custom exercises sort after the catalog
    role: Role = Role.CATALOG  # always CATALOG for a built-in; a custom one is HIP unless OTHER

    def __post_init__(self) -> None:
        if not self.custom and self.role is not Role.CATALOG:
            object.__setattr__(self, "role", Role.CATALOG)
        elif self.custom and self.role is Role.CATALOG:
            object.__setattr__(self, "role", Role.HIP)

    @property
    def is_other(self) -> bool:
        """Other training: no suggestion, no hip session, no hip figure."""
        return self.role is Role.OTHER

    @property
    def is_activation(self) -> bool:
        return self.load_kind is LoadKind.ACTIVATION

    @property
    def is_bodyweight(self) -> bool:
        return self.load_kind is LoadKind.BODYWEIGHT


@dataclass(frozen=True)
class SetEntry:
    """One logged set. Loads are external load in kg; None or 0 means bodyweight only."""

    exercise: str  # slug
    order: int  # 1-based order within its exercise in the session
    reps: int
    load_kg: float | None = None
    rir: int | None = None
    warmup: bool = False
    side: str | None = None  # None, "L" or "R"
    band: str | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    notes: str = ""
    flagged: bool = False  # imported value outside what a person can do; excluded from stats
    id: int | None = None

    @property
    def external_kg(self) -> float:
        return self.load_kg or 0.0

    @property
    def is_working(self) -> bool:
        return not self.warmup and not self.flagged


@dataclass(frozen=True)
class Session:
    """One training session: a start time and the sets done in it."""

    started_at: datetime  # naive local time
    sets: tuple[SetEntry, ...] = ()
    notes: str = ""
    bodyweight_kg: float | None = None
    id: int | None = None

    def sets_of(self, slug: str) -> tuple[SetEntry, ...]:
        return tuple(s for s in self.sets if s.exercise == slug)

    @property
    def exercises(self) -> tuple[str, ...]:
        """Slugs in the order they first appear."""
        seen: dict[str, None] = {}
        for s in self.sets:
            seen.setdefault(s.exercise, None)
        return tuple(seen)


@dataclass(frozen=True)
class BodyweightEntry:
    measured_at: datetime
    kg: float


@dataclass
class ImportedData:
    """What an import reader produces: sessions plus what it read and skipped.

    `custom_exercises` are exercises the file names that are not in the catalog; their slugs are
    used in the sessions' sets.
    """

    sessions: list[Session] = field(default_factory=list)
    custom_exercises: list[Exercise] = field(default_factory=list)
    bodyweights: list[BodyweightEntry] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0
    rest_rows: int = 0
    note_rows: int = 0
    flagged_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    programs: list[Program] = field(default_factory=list)  # the person's own (JSON backup)
    program_runs: list[ProgramRun] = field(default_factory=list)
    exercise_notes: dict[str, str] = field(default_factory=dict)  # slug -> note (JSON backup)
    body_measurements: list[BodyMeasurement] = field(default_factory=list)  # (JSON backup)
    impossible_bodyweights: int = 0  # bodyweight rows outside 20-400 kg, left out (FitNotes)
    source_format: str = ""
    load_unit: str = ""  # "lb" or "kg": what most of the file's loads were written in
    unsure: set[str] = field(default_factory=set)  # custom slugs the name rules could not tell
    recognised: dict[str, str] = field(default_factory=dict)  # name -> catalog slug, by the rules
    catalog_names: dict[str, str] = field(default_factory=dict)  # name -> built-in, every one
