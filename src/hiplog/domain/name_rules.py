"""The table of exercise-name rules: what a name from another app is to hiplog (issue 12).

Names are first normalised (`name_recognition.name_words`): lower case, equipment taken out into
its own set, abbreviations written out (RDL, SL, DB, KB, BB...), plurals made singular, hyphens
and word order ignored. The rules below are then tried in order and the first that fits wins:

- `words`: every one of these words is in the name (its equipment counts as words here);
- `any_of`: at least one of these is (when given);
- `none_of`: none of these is;
- `equipment`: for a rule that names catalog exercises, which catalog exercise each piece of
  equipment means ("" is no equipment named). Other equipment, or a word of `VARIANT_WORDS`, makes
  the name a hip exercise of the person's own with that catalog exercise's muscles and length;
- `role` and, for own hip exercises, `muscles` and `length`.

Rules that catch other training (upper body, core, calves, abduction and adduction, cardio) come
before the hip rules that share a word with them ("Glute Bridge Dumbbell Bench Press" is a bench
press). A name no rule fits is other training, and the import says it was not sure.
Each rule has a test of its own in tests/domain/test_name_rules.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from hiplog.domain.models import Length, Role

GLUTES_HAMS = ("glute max", "hamstrings")
HINGE = ("hamstrings", "glute max", "adductor magnus")
SQUAT = ("quadriceps", "glute max", "adductor magnus")
SINGLE_LEG = ("quadriceps", "glute max", "glute med")
SUMO = ("glute max", "adductor magnus", "quadriceps")


@dataclass(frozen=True)
class NameRule:
    id: str
    role: Role
    words: frozenset[str]
    any_of: frozenset[str] = frozenset()
    none_of: frozenset[str] = frozenset()
    equipment: tuple[tuple[str, str], ...] = ()  # (equipment, catalog slug); "" = none named
    muscles: tuple[str, ...] = ()
    length: Length = Length.MID
    neutral: frozenset[str] = frozenset()  # extra words this rule also takes as neutral
    sure: bool = True  # False: a guess the import lists as "not sure"

    def fits(self, words: frozenset[str]) -> bool:
        return (
            self.words <= words
            and (not self.any_of or bool(self.any_of & words))
            and not self.none_of & words
        )


def _rule(
    rule_id: str,
    role: Role,
    words: str,
    *,
    any_of: str = "",
    none_of: str = "",
    equipment: dict[str, str] | None = None,
    muscles: tuple[str, ...] = (),
    length: Length = Length.MID,
    neutral: str = "",
    sure: bool = True,
) -> NameRule:
    return NameRule(
        id=rule_id,
        role=role,
        words=frozenset(words.split()),
        any_of=frozenset(any_of.split()),
        none_of=frozenset(none_of.split()),
        equipment=tuple((equipment or {}).items()),
        muscles=muscles,
        length=length,
        neutral=frozenset(neutral.split()),
        sure=sure,
    )


def _other(
    rule_id: str, words: str = "", *, any_of: str = "", none_of: str = "", sure: bool = True
) -> NameRule:
    return _rule(rule_id, Role.OTHER, words, any_of=any_of, none_of=none_of, sure=sure)


def _catalog(
    rule_id: str,
    words: str,
    equipment: dict[str, str],
    *,
    any_of: str = "",
    none_of: str = "",
    neutral: str = "",
) -> NameRule:
    return _rule(
        rule_id,
        Role.CATALOG,
        words,
        any_of=any_of,
        none_of=none_of,
        equipment=equipment,
        neutral=neutral,
    )


def _hip(
    rule_id: str,
    words: str,
    muscles: tuple[str, ...],
    length: Length,
    *,
    any_of: str = "",
    none_of: str = "",
) -> NameRule:
    return _rule(
        rule_id, Role.HIP, words, any_of=any_of, none_of=none_of, muscles=muscles, length=length
    )


#: Words a name may carry beside a catalog rule's words and still plainly be that exercise;
#: any other word makes it a variant (the person's own exercise, like the catalog one).
_NEUTRAL = (
    "standing walking conventional back lower high low bar with the and each side weighted "
    "regular strict flat deep atg glute hip hold 45 degree russian american normal classic full"
)
NEUTRAL_WORDS: frozenset[str] = frozenset(_NEUTRAL.split())

RULES: tuple[NameRule, ...] = (
    # Other training first where it shares a word with hip work.
    _other("bench-press", "bench press"),
    _other("calves", any_of="calf"),
    _other("hip-abduction", any_of="abduction abductor hydrant clam"),
    _other("hip-adduction", any_of="adduction adductor copenhagen"),
    _other("leg-extension", "leg extension", none_of="back hip"),
    _other("knee-only", any_of="sissy quad"),
    _other("leg-curl", "curl", any_of="leg hamstring nordic", none_of="ball sliding"),
    _other("olympic-lift", any_of="clean snatch jerk"),
    _other("carry", any_of="farmer carry"),
    _other("band-walk", "walk"),
    _other(
        "cardio",
        any_of="running run cycling bike walking swimming stairmaster sprint jack burpee "
        "aerobic cardio climbing shuttle elliptical treadmill battle rowing",
        none_of="lunge",
    ),
    _other("plyometric", any_of="drop jump reactive", none_of="squat lunge"),
    _other("mobility", any_of="stretch stretching mobility foam roll rotate rub"),
    _other(
        "core",
        any_of="crunch plank situp ab twist pallof bug hollow dragon flutter woodchopper "
        "climber windmill rollout roller wiper oblique getup turkish jacknife superman tuck "
        "pike lever v sit",
    ),
    _other("core-raise", "raise", any_of="knee leg", none_of="rear glute ham"),
    _other("side-bridge", "bridge", any_of="side"),
    _other("lat", any_of="lat"),
    _other("pull", any_of="pulldown pullover pull pullup chin muscle traction", none_of="rack"),
    _other("row", any_of="row"),
    _other(
        "press-and-push",
        any_of="bench press pushup push dip pushdown pressdown skullcrusher fly crossover pec "
        "chest military arnold handstand",
        none_of="leg glute hip",
    ),
    _other(
        "arms-shoulders",
        any_of="curl tricep bicep shrug raise wrist forearm neck rotation face delt hammer "
        "zottman shoulder",
        none_of="leg glute ham hip hyperextension",
    ),
    _other("arm-kickback", "kickback", any_of="tricep dumbbell", none_of="glute leg"),
    _other("kickback-unsure", "kickback", none_of="glute leg cable band machine", sure=False),
    # Hip work: catalog exercises (and their variants), then the person's own hip exercises.
    _catalog(
        "single-leg-hip-thrust",
        "single leg hip thrust",
        {"": "single-leg-hip-thrust", "bodyweight": "single-leg-hip-thrust"},
    ),
    _catalog(
        "kneeling-hip-thrust",
        "hip thrust",
        {"": "upright-hip-thrust", "band": "upright-hip-thrust"},
        any_of="upright kneeling",
    ),
    _catalog(
        "hip-thrust",
        "hip thrust",
        {
            "": "barbell-hip-thrust",
            "barbell": "barbell-hip-thrust",
            "bodyweight": "hip-thrust",
            "band": "hip-thrust",
        },
    ),
    _catalog(
        "single-leg-glute-bridge",
        "single leg bridge",
        {"": "single-leg-glute-bridge", "bodyweight": "single-leg-glute-bridge"},
    ),
    _catalog(
        "glute-bridge",
        "bridge",
        {
            "": "glute-bridge",
            "bodyweight": "glute-bridge",
            "dumbbell": "glute-bridge",
            "band": "glute-bridge",
            "barbell": "barbell-glute-bridge",
        },
        none_of="ball",
    ),
    _catalog(
        "ball-bridge-curl",
        "ball",
        {"": "stability-ball-bridge-curl", "bodyweight": "stability-ball-bridge-curl"},
        any_of="curl bridge",
        neutral="stability yoga swiss hamstring leg",
    ),
    _hip("sliding-leg-curl", "curl", ("hamstrings", "glute max"), Length.SHORT, any_of="sliding"),
    _catalog("quadruped-kickback", "kick", {"": "quadruped-kickback"}, any_of="donkey"),
    _catalog(
        "glute-kickback",
        "kickback",
        {"": "standing-kickback", "cable": "standing-kickback", "band": "standing-kickback"},
    ),
    _hip("rear-leg-raise", "rear leg raise", ("glute max",), Length.SHORT),
    _catalog(
        "reverse-hyperextension",
        "reverse",
        {"": "reverse-hyperextension", "machine": "reverse-hyperextension"},
        any_of="hyper hyperextension",
    ),
    _catalog(
        "horizontal-back-extension",
        "horizontal",
        {"": "horizontal-back-extension"},
        any_of="extension hyperextension",
    ),
    _hip("hip-extension", "hip extension", GLUTES_HAMS, Length.MID),
    _catalog(
        "back-extension",
        "",
        {"": "back-extension-45", "bodyweight": "back-extension-45", "plate": "back-extension-45"},
        any_of="hyperextension extension",
    ),
    _hip("glute-ham-raise", "glute ham raise", ("hamstrings", "glute max"), Length.MID),
    _hip("glute-machine", "glute", ("glute max",), Length.SHORT, any_of="press machine"),
    _catalog(
        "pull-through",
        "pullthrough",
        {"": "cable-pull-through", "cable": "cable-pull-through", "band": "cable-pull-through"},
    ),
    _catalog(
        "kettlebell-swing", "swing", {"": "kettlebell-swing", "kettlebell": "kettlebell-swing"}
    ),
    _hip("single-leg-deadlift", "single leg deadlift", HINGE[:2], Length.LONG),
    _hip("stiff-leg-deadlift", "stiff deadlift", HINGE, Length.LONG),
    _catalog(
        "romanian-deadlift",
        "romanian deadlift",
        {
            "": "romanian-deadlift",
            "barbell": "romanian-deadlift",
            "dumbbell": "dumbbell-romanian-deadlift",
        },
    ),
    _hip("sumo-deadlift", "sumo deadlift", SUMO, Length.LONG),
    _hip("rack-pull", "rack pull", GLUTES_HAMS, Length.MID),
    _catalog(
        "deadlift", "deadlift", {"": "conventional-deadlift", "barbell": "conventional-deadlift"}
    ),
    _catalog("good-morning", "good morning", {"": "good-morning", "barbell": "good-morning"}),
    _hip("hinge", "hinge", HINGE, Length.LONG),
    _catalog("step-up", "stepup", {"": "step-up", "bodyweight": "step-up", "dumbbell": "step-up"}),
    _hip("split-squat", "squat", SINGLE_LEG, Length.LONG, any_of="split bulgarian"),
    _catalog(
        "lunge",
        "lunge",
        {"": "lunge", "bodyweight": "lunge", "dumbbell": "lunge", "barbell": "lunge"},
    ),
    _hip("single-leg-squat", "squat", SINGLE_LEG, Length.LONG, any_of="single pistol"),
    _hip("sumo-squat", "sumo squat", SUMO, Length.LONG),
    _hip("sumo", "sumo", SUMO, Length.LONG),
    _catalog("squat", "squat", {"": "deep-squat", "barbell": "deep-squat"}),
    _hip("leg-press", "leg press", ("quadriceps", "glute max"), Length.LONG),
    _catalog("bird-dog", "bird dog", {"": "bird-dog", "bodyweight": "bird-dog"}),
)

# The rule a name that no rule fits is said to follow.
UNSURE_RULE = "unsure"
