"""Name recognition (issue 12): one case per rule of name_rules.RULES, and the normalisation that
lets the rules ignore equipment suffixes, plurals, hyphens, word order and abbreviations."""

from __future__ import annotations

import json

import pytest

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise, Length, LoadKind, Role, StepKind
from hiplog.domain.name_recognition import (
    name_words,
    own_hip_exercise,
    recognise,
    with_role_by_rules,
)
from hiplog.domain.name_rules import RULES, UNSURE_RULE
from hiplog.resources import resource_path

CATALOG = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))

# (name as an app writes it, the rule that must take it, role, catalog slug or the one it varies)
CASES: list[tuple[str, str, Role, str | None]] = [
    ("Incline Bench Press (Barbell)", "bench-press", Role.OTHER, None),
    ("Glute Bridge Dumbbell Bench Press", "bench-press", Role.OTHER, None),
    ("Calf Press on Leg Press", "calves", Role.OTHER, None),
    ("Standing Calf Raise (Machine)", "calves", Role.OTHER, None),
    ("Hip Abduction (Machine)", "hip-abduction", Role.OTHER, None),
    ("Fire Hydrants", "hip-abduction", Role.OTHER, None),
    ("Hip Adductor Machine", "hip-adduction", Role.OTHER, None),
    ("Leg Extension (Machine)", "leg-extension", Role.OTHER, None),
    ("Sissy Squat (Weighted)", "knee-only", Role.OTHER, None),
    ("Lying Leg Curl (Machine)", "leg-curl", Role.OTHER, None),
    ("Hang Clean Squat", "olympic-lift", Role.OTHER, None),
    ("Farmer Walk", "carry", Role.OTHER, None),
    ("Lateral Band Walks", "band-walk", Role.OTHER, None),
    ("Running (Treadmill)", "cardio", Role.OTHER, None),
    ("Box Jumps", "plyometric", Role.OTHER, None),
    ("Hip Stretches", "mobility", Role.OTHER, None),
    ("Plank", "core", Role.OTHER, None),
    ("Hanging Leg Raise", "core-raise", Role.OTHER, None),
    ("McGill Side Bridge", "side-bridge", Role.OTHER, None),
    ("Lat Pullthrough", "lat", Role.OTHER, None),
    ("Pull Up (Assisted)", "pull", Role.OTHER, None),
    ("Bent Over Row (Barbell)", "row", Role.OTHER, None),
    ("Overhead Press (Dumbbell)", "press-and-push", Role.OTHER, None),
    ("Hammer Curl (Dumbbell)", "arms-shoulders", Role.OTHER, None),
    ("Cable Behind The Back Lateral Raise", "arms-shoulders", Role.OTHER, None),
    ("Dumbbell Kickback", "arm-kickback", Role.OTHER, None),
    ("Weighted Kickbacks", "kickback-unsure", Role.OTHER, None),
    ("Single Leg Hip Thrust", "single-leg-hip-thrust", Role.CATALOG, "single-leg-hip-thrust"),
    ("Kneeling Hip Thrust (Band)", "kneeling-hip-thrust", Role.CATALOG, "upright-hip-thrust"),
    ("Hip Thrust (Barbell)", "hip-thrust", Role.CATALOG, "barbell-hip-thrust"),
    ("Hip Thrust (Machine)", "hip-thrust", Role.HIP, "barbell-hip-thrust"),
    ("Single Leg Glute Bridge", "single-leg-glute-bridge", Role.CATALOG, "single-leg-glute-bridge"),
    ("Glute Bridges (Barbell)", "glute-bridge", Role.CATALOG, "barbell-glute-bridge"),
    (
        "Yoga Ball Hamstring Leg Curl",
        "ball-bridge-curl",
        Role.CATALOG,
        "stability-ball-bridge-curl",
    ),
    ("Single Leg Sliding Leg Curl", "sliding-leg-curl", Role.HIP, None),
    ("Donkey Kicks", "quadruped-kickback", Role.CATALOG, "quadruped-kickback"),
    ("Cable Kickback", "glute-kickback", Role.CATALOG, "standing-kickback"),
    ("Standing Rear Leg Raise", "rear-leg-raise", Role.HIP, None),
    ("Reverse Hyper (Machine)", "reverse-hyperextension", Role.CATALOG, "reverse-hyperextension"),
    (
        "Horizontal Back Extension",
        "horizontal-back-extension",
        Role.CATALOG,
        "horizontal-back-extension",
    ),
    ("Hip Extension", "hip-extension", Role.HIP, None),
    ("Lower Back Extension", "back-extension", Role.CATALOG, "back-extension-45"),
    ("Glute Ham Raise", "glute-ham-raise", Role.HIP, None),
    ("Glute Press", "glute-machine", Role.HIP, None),
    ("Cable Pull-Throughs", "pull-through", Role.CATALOG, "cable-pull-through"),
    ("KB Swings", "kettlebell-swing", Role.CATALOG, "kettlebell-swing"),
    ("SL RDL (Dumbbell)", "single-leg-deadlift", Role.HIP, None),
    ("Stiff-Legged Deadlift", "stiff-leg-deadlift", Role.HIP, None),
    ("DB RDL", "romanian-deadlift", Role.CATALOG, "dumbbell-romanian-deadlift"),
    ("Sumo Deadlift (Barbell)", "sumo-deadlift", Role.HIP, None),
    ("Rack Pull", "rack-pull", Role.HIP, None),
    ("Trap Bar Deadlift", "deadlift", Role.HIP, "conventional-deadlift"),
    ("Good Mornings", "good-morning", Role.CATALOG, "good-morning"),
    ("Hinge Lift (Dumbbell/Kettlebell)", "hinge", Role.HIP, None),
    ("DB Step-Ups", "step-up", Role.CATALOG, "step-up"),
    ("Bulgarian Split Squat", "split-squat", Role.HIP, None),
    ("Walking Lunges", "lunge", Role.CATALOG, "lunge"),
    ("Pistol Squat", "single-leg-squat", Role.HIP, None),
    ("Kettlebell Sumo Squat", "sumo-squat", Role.HIP, None),
    ("Practice Sumo", "sumo", Role.HIP, None),
    ("Barbell Back Squat", "squat", Role.CATALOG, "deep-squat"),
    ("Leg Press (Machine)", "leg-press", Role.HIP, None),
    ("Bird Dog Holds", "bird-dog", Role.CATALOG, "bird-dog"),
]


@pytest.mark.parametrize(("name", "rule", "role", "slug"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_reads_its_names(name: str, rule: str, role: Role, slug: str | None) -> None:
    found = recognise(name, CATALOG)
    assert (found.rule, found.role) == (rule, role)
    assert (found.slug if role is Role.CATALOG else found.like) == slug
    if role is Role.HIP:
        assert {"glute max", "hamstrings"} & set(found.muscles)


def test_every_rule_has_a_case_here() -> None:
    assert {r.id for r in RULES} == {case[1] for case in CASES}


@pytest.mark.parametrize(
    "name",
    [
        "Lunge (Barbell)",
        "lunges",
        "Barbell Lunges",
        "Walking Lunges (Each Side)",
        "lunge - barbell",
        "LUNGE",
    ],
)
def test_suffixes_plurals_hyphens_and_case_do_not_matter(name: str) -> None:
    assert recognise(name, CATALOG).slug == "lunge"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Thrust Hip Barbell", "barbell-hip-thrust"),
        ("BB Hip Thrusts", "barbell-hip-thrust"),
        ("Hip-Thrust", "barbell-hip-thrust"),
        ("Romanian Deadlift (Dumbbell)", "dumbbell-romanian-deadlift"),
        ("Dumbbell Romanian Deadlift", "dumbbell-romanian-deadlift"),
        ("Romanian Dead Lift", "romanian-deadlift"),
        ("KB swing", "kettlebell-swing"),
        ("Kettlebell Swing (Kettlebell)", "kettlebell-swing"),
        ("Step-up (Bodyweight)", "step-up"),
    ],
)
def test_word_order_and_abbreviations_do_not_matter(name: str, slug: str) -> None:
    assert recognise(name, CATALOG).slug == slug


def test_equipment_comes_out_of_the_name() -> None:
    words = name_words("Romanian Deadlift (Smith Machine)")
    assert words.equipment == ("smith",)
    assert words.words == {"romanian", "deadlift"}
    assert name_words("Hex Bar Deadlift").equipment == ("trapbar",)
    assert name_words("SL DB RDL").words == {"single", "leg", "romanian", "deadlift"}


def test_a_name_no_rule_fits_is_other_training_and_not_sure() -> None:
    found = recognise("Equal Opportunity To Suck (EO)", CATALOG)
    assert (found.rule, found.role, found.sure) == (UNSURE_RULE, Role.OTHER, False)


def test_own_hip_exercise_takes_muscles_length_and_equipment_from_the_name() -> None:
    found = recognise("Deadlift (Trap bar)", CATALOG)
    ex = own_hip_exercise(found, "deadlift-trap-bar", "Deadlift (Trap bar)", loaded=False)
    assert (ex.role, ex.length, ex.step_kind, ex.load_kind) == (
        Role.HIP,
        Length.LONG,
        StepKind.BARBELL,
        LoadKind.EXTERNAL,
    )
    assert ex.muscles == CATALOG["conventional-deadlift"].muscles
    split = own_hip_exercise(
        recognise("DB Bulgarian Split Squat", CATALOG), "bss", "DB Bulgarian Split Squat",
        loaded=True,
    )  # fmt: skip
    assert (split.step_kind, split.implements, split.unilateral) == (StepKind.DUMBBELL, 2, True)
    squat = own_hip_exercise(recognise("Bodyweight Squats", CATALOG), "bw", "x", loaded=False)
    assert (squat.load_kind, squat.step_kind) == (LoadKind.BODYWEIGHT, None)


def _old_custom(name: str, muscles: tuple[str, ...], length: Length) -> Exercise:
    return Exercise(
        slug="x", name=name, load_kind=LoadKind.EXTERNAL, length=length, muscles=muscles,
        sets=3, rep_range=(8, 12), custom=True,
    )  # fmt: skip


def test_old_custom_exercises_get_their_role_and_keep_what_the_person_edited() -> None:
    front = with_role_by_rules(_old_custom("Front Squat", ("glute max",), Length.MID), CATALOG)
    assert (front.role, front.length) == (Role.HIP, Length.LONG)
    bench = with_role_by_rules(_old_custom("Bench Press", ("glute max",), Length.MID), CATALOG)
    assert bench.role is Role.OTHER
    edited = _old_custom("Bench Press", ("hamstrings",), Length.SHORT)
    kept = with_role_by_rules(edited, CATALOG)
    assert (kept.role, kept.muscles, kept.length) == (Role.HIP, ("hamstrings",), Length.SHORT)
