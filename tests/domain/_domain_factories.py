"""Small builders for exercises, sets and sessions used by the domain tests.

They build Exercise objects directly, so the rule tests do not depend on the catalog data file.
The presets mirror catalog.md's facts for the exercises they are named after.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from hiplog.domain.models import Exercise, Length, LoadKind, Session, SetEntry, StepKind

BASE = datetime(2026, 11, 2, 18, 0)  # a Monday, 18:00


def exercise(slug: str = "barbell-hip-thrust", **kw: Any) -> Exercise:
    data: dict[str, Any] = {
        "slug": slug,
        "name": slug.replace("-", " ").capitalize(),
        "load_kind": LoadKind.EXTERNAL,
        "length": Length.SHORT,
        "muscles": ("glute max",),
        "sets": 3,
        "rep_range": (8, 12),
        "step_kind": StepKind.BARBELL,
        "start_load_kg": 20.0,
    }
    data.update(kw)
    return Exercise(**data)


HIP_THRUST_BB = exercise("barbell-hip-thrust", position=3)
RDL = exercise(
    "romanian-deadlift",
    length=Length.LONG,
    muscles=("hamstrings", "glute max", "adductor magnus"),
    position=16,
)
DB_RDL = exercise(
    "dumbbell-romanian-deadlift",
    length=Length.LONG,
    muscles=("hamstrings", "glute max", "adductor magnus"),
    step_kind=StepKind.DUMBBELL,
    implements=2,
    start_load_kg=None,
    position=17,
)
DEADLIFT = exercise(
    "conventional-deadlift",
    length=Length.LONG,
    muscles=("glute max", "hamstrings", "adductor magnus"),
    rep_range=(5, 8),
    start_load_kg=40.0,
    position=18,
)
KB_SWING = exercise(
    "kettlebell-swing",
    length=Length.MID,
    muscles=("glute max", "hamstrings", "adductor magnus"),
    rep_range=(10, 20),
    step_kind=StepKind.KETTLEBELL,
    start_load_kg=None,
    position=15,
)
PULL_THROUGH = exercise(
    "cable-pull-through",
    length=Length.MID,
    muscles=("glute max", "hamstrings"),
    rep_range=(10, 15),
    step_kind=StepKind.STACK,
    start_load_kg=None,
    position=14,
)
GLUTE_BRIDGE = exercise(
    "glute-bridge",
    load_kind=LoadKind.BODYWEIGHT,
    rep_range=(10, 20),
    loadable=True,
    step_kind=StepKind.DUMBBELL,
    start_load_kg=None,
    successor="single-leg-glute-bridge",
    position=0,
)
SL_GLUTE_BRIDGE = exercise(
    "single-leg-glute-bridge",
    load_kind=LoadKind.BODYWEIGHT,
    rep_range=(8, 15),
    step_kind=None,
    start_load_kg=None,
    unilateral=True,
    successor="hip-thrust",
    position=1,
)
HIP_THRUST_BW = exercise(
    "hip-thrust",
    load_kind=LoadKind.BODYWEIGHT,
    rep_range=(10, 20),
    loadable=True,
    step_kind=StepKind.BAND,
    start_load_kg=None,
    successor="barbell-hip-thrust",
    position=2,
)
UPRIGHT_HIP_THRUST = exercise(
    "upright-hip-thrust",
    load_kind=LoadKind.BODYWEIGHT,
    rep_range=(8, 12),
    loadable=True,
    step_kind=StepKind.BAND,
    start_load_kg=None,
    position=6,
)
BALL_CURL = exercise(
    "stability-ball-bridge-curl",
    load_kind=LoadKind.BODYWEIGHT,
    muscles=("hamstrings", "glute max"),
    rep_range=(8, 15),
    step_kind=None,
    start_load_kg=None,
    position=9,
)
BACK_EXT = exercise(
    "back-extension-45",
    load_kind=LoadKind.BODYWEIGHT,
    length=Length.MID,
    muscles=("glute max", "hamstrings"),
    rep_range=(10, 20),
    loaded_rep_range=(8, 12),
    loadable=True,
    step_kind=StepKind.PLATE,
    start_load_kg=None,
    bodyweight_share=0.68,
    position=11,
)
STEP_UP = exercise(
    "step-up",
    load_kind=LoadKind.BODYWEIGHT,
    length=Length.LONG,
    muscles=("glute max", "quadriceps"),
    rep_range=(15, 20),
    loaded_rep_range=(10, 15),
    loadable=True,
    step_kind=StepKind.DUMBBELL,
    implements=2,
    start_load_kg=None,
    unilateral=True,
    bodyweight_share=1.0,
    position=20,
)
BIRD_DOG = exercise(
    "bird-dog",
    load_kind=LoadKind.ACTIVATION,
    muscles=("glute max", "trunk"),
    sets=2,
    rep_range=(8, 8),
    step_kind=None,
    start_load_kg=None,
    unilateral=True,
    position=23,
)

ALL = (
    GLUTE_BRIDGE,
    SL_GLUTE_BRIDGE,
    HIP_THRUST_BW,
    HIP_THRUST_BB,
    UPRIGHT_HIP_THRUST,
    BALL_CURL,
    BACK_EXT,
    PULL_THROUGH,
    KB_SWING,
    RDL,
    DB_RDL,
    DEADLIFT,
    STEP_UP,
    BIRD_DOG,
)
BY_SLUG = {e.slug: e for e in ALL}


def lookup(slug: str) -> Exercise | None:
    return BY_SLUG.get(slug)


def parse_sets(
    slug: str, spec: str, side: str | None = None, rir: int | None = None
) -> list[SetEntry]:
    """Sets from text: "60x12 60x12 w20x10 x15 light:x10 L:x12 R:x10".

    A leading "w" marks a warm-up; "x15" is bodyweight; "NAME:x10" uses band NAME (underscores
    for spaces); "L:" / "R:" give the side.
    """
    out: list[SetEntry] = []
    for i, token in enumerate(spec.split(), start=1):
        warm = token.startswith("w")
        token = token.removeprefix("w")
        this_side = side
        band = None
        if ":" in token:
            prefix, token = token.split(":", 1)
            if prefix in ("L", "R"):
                this_side = prefix
            else:
                band = prefix.replace("_", " ")
        load_text, reps_text = token.split("x")
        out.append(
            SetEntry(
                exercise=slug,
                order=i,
                reps=int(reps_text),
                load_kg=float(load_text) if load_text else None,
                rir=rir,
                warmup=warm,
                side=this_side,
                band=band,
            )
        )
    return out


def session(when: datetime | int, *blocks: tuple[str, str], **kw: Any) -> Session:
    """A session at `when` (a datetime, or days after BASE) with (slug, spec) blocks."""
    started = BASE + timedelta(days=when) if isinstance(when, int) else when
    sets: list[SetEntry] = []
    for slug, spec in blocks:
        sets.extend(parse_sets(slug, spec))
    return Session(started_at=started, sets=tuple(sets), **kw)


def days(n: float, hour: int = 18) -> datetime:
    """BASE + n days, at `hour`."""
    return (BASE + timedelta(days=n)).replace(hour=hour)


def with_(ex: Exercise, **kw: Any) -> Exercise:
    return replace(ex, **kw)
