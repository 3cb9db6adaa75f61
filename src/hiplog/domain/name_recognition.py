"""Recognise what an exercise name from another app is: a catalog exercise, the person's own hip
exercise (with muscles, length and equipment read from the name) or other training.

The rules are data, in `name_rules.RULES`; this module turns a name into the words they test and
applies them. See name_rules for the order and meaning of the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise, Length, LoadKind, Role, StepKind
from hiplog.domain.name_rules import NEUTRAL_WORDS, RULES, UNSURE_RULE, NameRule

# Phrases written out before the name is split into words (after lower-casing and with
# punctuation turned into spaces).
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bdead lift", "deadlift"),
    (r"\bstep ?ups?\b", "stepup"),
    (r"\bpull ?throughs?\b", "pullthrough"),
    (r"\bpull ?ups?\b", "pullup"),
    (r"\bpush ?ups?\b", "pushup"),
    (r"\bsit ?ups?\b", "situp"),
    (r"\bget ?ups?\b", "getup"),
    (r"\bchin ?ups?\b", "chin"),
    (r"\bhyper extension\b", "hyperextension"),
    (r"\bkettle bell\b", "kettlebell"),
    (r"\bbody weight\b", "bodyweight"),
    (r"\bone leg\b", "single leg"),
    (r"\b(trap|hex) bar\b", "trapbar"),
    (r"\bez (bar|curl)\b", "barbell"),
    (r"\bsmith machine\b", "smith"),
    (r"\bplate loaded\b", "machine"),
    (r"\bhammer strength\b", "machine"),
)

#: Abbreviations and spellings written out, word by word.
ABBREVIATIONS: dict[str, str] = {
    "rdl": "romanian deadlift",
    "sldl": "stiff leg deadlift",
    "sl": "single leg",
    "dl": "deadlift",
    "ghr": "glute ham raise",
    "db": "dumbbell",
    "kb": "kettlebell",
    "bb": "barbell",
    "dumbell": "dumbbell",
    "barbel": "barbell",
    "lung": "lunge",
    "legged": "leg",
    "calves": "calf",
    "abs": "ab",
    "hex": "trapbar",
    "hyper": "hyper",
    "triceps": "tricep",
    "biceps": "bicep",
    "glutes": "glute",
}

#: Equipment words, and the equipment each names.
EQUIPMENT: dict[str, str] = {
    "barbell": "barbell",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebell",
    "cable": "cable",
    "pulley": "cable",
    "machine": "machine",
    "freemotion": "machine",
    "technogym": "machine",
    "smith": "smith",
    "band": "band",
    "banded": "band",
    "bodyweight": "bodyweight",
    "trapbar": "trapbar",
    "landmine": "landmine",
    "plate": "plate",
}

#: How the person's own exercise is loaded, by the equipment its name names.
STEP_OF_EQUIPMENT: dict[str, StepKind | None] = {
    "barbell": StepKind.BARBELL,
    "smith": StepKind.BARBELL,
    "trapbar": StepKind.BARBELL,
    "landmine": StepKind.BARBELL,
    "dumbbell": StepKind.DUMBBELL,
    "kettlebell": StepKind.KETTLEBELL,
    "cable": StepKind.STACK,
    "machine": StepKind.STACK,
    "plate": StepKind.PLATE,
    "band": StepKind.BAND,
    "bodyweight": None,
}

_ONE_SIDE = frozenset({"single", "one", "unilateral", "split", "bulgarian", "pistol"})
_ONE_IMPLEMENT = frozenset({"single", "one", "goblet", "suitcase"})


@dataclass(frozen=True)
class NameWords:
    """A name as the rules read it."""

    words: frozenset[str]
    equipment: tuple[str, ...]  # in the order the name gives them


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def name_words(name: str) -> NameWords:
    """Lower case, punctuation and hyphens out, abbreviations written out, plurals singular,
    equipment set apart."""
    text = re.sub(r"[^a-z0-9]+", " ", name.casefold().replace("’", "'").replace("'", ""))
    text = f" {text} "
    for pattern, replacement in _PHRASES:
        text = re.sub(pattern, replacement, text)
    words: list[str] = []
    for raw in text.split():
        for word in ABBREVIATIONS.get(raw, _singular(raw)).split():
            words.append(ABBREVIATIONS.get(word, word))
    equipment: list[str] = []
    rest: set[str] = set()
    for word in words:
        kind = EQUIPMENT.get(word)
        if kind is None:
            rest.add(word)
        elif kind not in equipment:
            equipment.append(kind)
    if "smith" in equipment and "machine" in equipment:
        equipment.remove("machine")
    return NameWords(frozenset(rest), tuple(equipment))


@dataclass(frozen=True)
class Recognition:
    """What a name is to hiplog, and by which rule."""

    rule: str
    role: Role
    sure: bool = True
    slug: str | None = None  # the catalog exercise, for Role.CATALOG
    like: str | None = None  # the catalog exercise an own hip exercise varies, if any
    muscles: tuple[str, ...] = ()
    length: Length = Length.MID
    equipment: tuple[str, ...] = ()
    unilateral: bool = False
    implements: int = 1


def _first_rule(words: frozenset[str]) -> NameRule | None:
    return next((rule for rule in RULES if rule.fits(words)), None)


def recognise(name: str, catalog: Catalog) -> Recognition:
    """Which rule fits `name`, and what it makes of it (no rule: other training, not sure)."""
    parsed = name_words(name)
    words, equipment = parsed.words, parsed.equipment
    rule = _first_rule(words | frozenset(equipment))
    if rule is None:
        return Recognition(UNSURE_RULE, Role.OTHER, sure=False, equipment=equipment)
    if rule.role is Role.OTHER:
        return Recognition(rule.id, Role.OTHER, sure=rule.sure, equipment=equipment)
    unilateral = bool(_ONE_SIDE & words)
    implements = 2 if "dumbbell" in equipment[:1] and not _ONE_IMPLEMENT & words else 1
    if rule.role is Role.HIP:
        return Recognition(
            rule.id, Role.HIP, rule.sure, None, None, rule.muscles, rule.length, equipment,
            unilateral, implements,
        )  # fmt: skip
    by_equipment = dict(rule.equipment)
    default = catalog.get(by_equipment[""])
    if default is None:  # a catalog without that exercise (never hiplog's own)
        return Recognition(rule.id, Role.OTHER, sure=False, equipment=equipment)
    slug = by_equipment.get(equipment[0] if len(equipment) == 1 else "" if not equipment else "?")
    extra = words - rule.words - rule.any_of - rule.neutral - NEUTRAL_WORDS
    if slug is not None and not extra:
        return Recognition(rule.id, Role.CATALOG, slug=slug)
    return Recognition(
        rule.id, Role.HIP, rule.sure, None, default.slug, default.muscles, default.length,
        equipment, unilateral or default.unilateral, implements,
    )  # fmt: skip


def own_hip_exercise(
    recognition: Recognition, slug: str, name: str, *, loaded: bool, position: int = 0
) -> Exercise:
    """The person's own exercise for a name the rules read as hip work or other training.

    Its muscles, length and equipment come from the name; loaded (EXTERNAL) when its equipment
    takes a load or any imported set carried one, else bodyweight that may take a load.
    """
    step = next(
        (STEP_OF_EQUIPMENT[e] for e in recognition.equipment if e in STEP_OF_EQUIPMENT), None
    )
    external = loaded or (step is not None and step is not StepKind.BAND)
    return Exercise(
        slug=slug,
        name=name,
        load_kind=LoadKind.EXTERNAL if external else LoadKind.BODYWEIGHT,
        length=recognition.length,
        muscles=recognition.muscles,
        sets=3,
        rep_range=(8, 12),
        equipment=recognition.equipment,
        loadable=True,
        step_kind=step,
        implements=recognition.implements,
        unilateral=recognition.unilateral,
        custom=True,
        position=position,
        role=recognition.role,
    )


#: The facts an import gave every exercise it did not know, before roles (schema 0001).
OLD_DEFAULT_MUSCLES: tuple[str, ...] = ("glute max",)
OLD_DEFAULT_LENGTH = Length.MID


def with_role_by_rules(exercise: Exercise, catalog: Catalog) -> Exercise:
    """A custom exercise of a database from before roles, given its role by the same rules as an
    import (a name that is plainly a catalog exercise: the person's own hip exercise like it).

    Muscles or length the person edited away from the old defaults are kept; such an exercise
    that lists a hip extensor stays hip work whatever its name says.
    """
    found = recognise(exercise.name, catalog)
    edited = exercise.muscles != OLD_DEFAULT_MUSCLES or exercise.length is not OLD_DEFAULT_LENGTH
    if found.role is Role.CATALOG and found.slug is not None:
        like = catalog[found.slug]
        found = Recognition(found.rule, Role.HIP, muscles=like.muscles, length=like.length)
    if edited:
        hip = bool(set(exercise.muscles) & {"glute max", "hamstrings", "adductor magnus"})
        role = Role.HIP if hip else found.role
        return replace(exercise, role=role)
    if found.role is Role.OTHER:
        return replace(exercise, role=Role.OTHER)
    return replace(
        exercise,
        role=Role.HIP,
        muscles=found.muscles,
        length=found.length,
        equipment=exercise.equipment or found.equipment,
        unilateral=exercise.unilateral or found.unilateral,
    )


def with_role(exercise: Exercise, role: Role) -> Exercise:
    """A custom exercise moved to hip work or to other training by the person.

    Hip work needs a hip extensor among its muscles to count anywhere: an exercise moved there
    without one gets what the rules read from its name, else "glute max" at mid length.
    """
    if role is Role.HIP and not set(exercise.muscles) & {
        "glute max",
        "hamstrings",
        "adductor magnus",
    }:
        return replace(exercise, role=role, muscles=OLD_DEFAULT_MUSCLES, length=OLD_DEFAULT_LENGTH)
    return replace(exercise, role=role)
