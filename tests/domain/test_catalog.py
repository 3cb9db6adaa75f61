"""The built-in catalog data (resources/catalog.json) against the facts of catalog.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hiplog.domain.catalog import Catalog, exercise_to_dict, normalise_name
from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Length, LoadKind, StepKind
from hiplog.resources import resource_path

SLUGS = [
    "glute-bridge",
    "single-leg-glute-bridge",
    "hip-thrust",
    "barbell-hip-thrust",
    "barbell-glute-bridge",
    "single-leg-hip-thrust",
    "upright-hip-thrust",
    "quadruped-kickback",
    "standing-kickback",
    "stability-ball-bridge-curl",
    "prone-hip-extension-ball",
    "back-extension-45",
    "horizontal-back-extension",
    "reverse-hyperextension",
    "cable-pull-through",
    "kettlebell-swing",
    "romanian-deadlift",
    "dumbbell-romanian-deadlift",
    "conventional-deadlift",
    "good-morning",
    "step-up",
    "deep-squat",
    "lunge",
    "bird-dog",
]

# The "Names other apps use" of catalog.md and the exercise each one means.
CATALOG_MD_ALIASES = {
    "Hip Thrust (Barbell)": "barbell-hip-thrust",
    "Hip Thrust": "barbell-hip-thrust",
    "Hip Thrust (Bodyweight)": "hip-thrust",
    "Glute Bridge": "glute-bridge",
    "Romanian Deadlift (Barbell)": "romanian-deadlift",
    "Romanian Deadlift (Dumbbell)": "dumbbell-romanian-deadlift",
    "Deadlift (Barbell)": "conventional-deadlift",
    "Deadlift": "conventional-deadlift",
    "Good Morning (Barbell)": "good-morning",
    "Kettlebell Swing": "kettlebell-swing",
    "Back Extension": "back-extension-45",
    "Back Extension (Weighted Hyperextension)": "back-extension-45",
    "Hyperextension": "back-extension-45",
    "Reverse Hyperextension": "reverse-hyperextension",
    "Cable Pull Through": "cable-pull-through",
    "Step-up": "step-up",
    "Glute Kickback (Cable)": "standing-kickback",
    "Bird dog": "bird-dog",
    "Squat (Barbell)": "deep-squat",
    "Lunge": "lunge",
}

SEEDS_DIR = Path(__file__).parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def entries() -> list[dict[str, object]]:
    with resource_path("catalog.json").open(encoding="utf-8") as f:
        data = json.load(f)
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def catalog(entries: list[dict[str, object]]) -> Catalog:
    return Catalog.from_json_list(entries)


def test_the_catalog_lists_the_24_exercises_in_catalog_md_order(catalog: Catalog) -> None:
    assert [ex.slug for ex in catalog] == SLUGS
    assert [ex.position for ex in catalog] == list(range(24))
    assert not any(ex.custom for ex in catalog)


def test_every_entry_is_exactly_the_shape_exercise_to_dict_writes(
    entries: list[dict[str, object]], catalog: Catalog
) -> None:
    assert [exercise_to_dict(ex) for ex in catalog] == entries


@pytest.mark.parametrize(
    ("slug", "sets", "rep_range", "loaded_rep_range"),
    [
        ("glute-bridge", 3, (10, 20), None),
        ("single-leg-glute-bridge", 3, (8, 15), None),
        ("barbell-hip-thrust", 3, (8, 12), None),
        ("upright-hip-thrust", 3, (8, 12), None),
        ("quadruped-kickback", 3, (12, 20), None),
        ("reverse-hyperextension", 3, (10, 15), None),
        ("back-extension-45", 3, (10, 20), (8, 12)),
        ("conventional-deadlift", 3, (5, 8), None),
        ("step-up", 3, (15, 20), (10, 15)),
        ("deep-squat", 3, (6, 10), None),
        ("lunge", 3, (8, 12), None),
        ("bird-dog", 2, (8, 8), None),
    ],
)
def test_default_prescriptions_match_catalog_md(
    catalog: Catalog,
    slug: str,
    sets: int,
    rep_range: tuple[int, int],
    loaded_rep_range: tuple[int, int] | None,
) -> None:
    ex = catalog[slug]
    assert (ex.sets, ex.rep_range, ex.loaded_rep_range) == (sets, rep_range, loaded_rep_range)


def test_start_loads_are_the_empty_bar_or_40_kg_for_the_deadlift(catalog: Catalog) -> None:
    starts = {ex.slug: ex.start_load_kg for ex in catalog if ex.start_load_kg is not None}
    assert starts == {
        "barbell-hip-thrust": 20.0,
        "barbell-glute-bridge": 20.0,
        "romanian-deadlift": 20.0,
        "conventional-deadlift": 40.0,
        "good-morning": 20.0,
        "deep-squat": 20.0,
    }


def test_load_kinds_and_equipment_steps(catalog: Catalog) -> None:
    assert catalog["bird-dog"].load_kind is LoadKind.ACTIVATION
    assert catalog["bird-dog"].is_activation
    external = {ex.slug for ex in catalog if ex.load_kind is LoadKind.EXTERNAL}
    assert external == {
        "barbell-hip-thrust",
        "barbell-glute-bridge",
        "reverse-hyperextension",
        "cable-pull-through",
        "kettlebell-swing",
        "romanian-deadlift",
        "dumbbell-romanian-deadlift",
        "conventional-deadlift",
        "good-morning",
        "deep-squat",
    }
    # Every external exercise knows how its load goes up.
    assert all(catalog[slug].step_kind is not None for slug in external)
    assert catalog["kettlebell-swing"].step_kind is StepKind.KETTLEBELL
    assert catalog["cable-pull-through"].step_kind is StepKind.STACK
    assert catalog["dumbbell-romanian-deadlift"].step_kind is StepKind.DUMBBELL
    assert catalog["dumbbell-romanian-deadlift"].implements == 2


def test_loadable_bodyweight_exercises_and_their_steps(catalog: Catalog) -> None:
    loadable = {ex.slug: ex.step_kind for ex in catalog if ex.loadable}
    assert loadable == {
        "glute-bridge": StepKind.DUMBBELL,
        "hip-thrust": StepKind.BAND,
        "single-leg-hip-thrust": StepKind.DUMBBELL,
        "upright-hip-thrust": StepKind.BAND,
        "standing-kickback": StepKind.STACK,
        "back-extension-45": StepKind.PLATE,
        "horizontal-back-extension": StepKind.PLATE,
        "step-up": StepKind.DUMBBELL,
        "lunge": StepKind.DUMBBELL,
    }
    assert all(catalog[slug].is_bodyweight for slug in loadable)
    assert (catalog["step-up"].implements, catalog["lunge"].implements) == (2, 2)
    assert catalog["single-leg-hip-thrust"].implements == 1
    unloaded = [ex for ex in catalog if ex.is_bodyweight and not ex.loadable]
    assert unloaded and all(ex.step_kind is None for ex in unloaded)


def _ladder(catalog: Catalog, slug: str) -> list[str]:
    steps = [slug]
    while (nxt := catalog[steps[-1]].successor) is not None:
        steps.append(nxt)
    return steps


def test_variation_ladders(catalog: Catalog) -> None:
    assert _ladder(catalog, "glute-bridge") == [
        "glute-bridge",
        "single-leg-glute-bridge",
        "hip-thrust",
        "barbell-hip-thrust",
    ]
    assert _ladder(catalog, "quadruped-kickback") == ["quadruped-kickback", "standing-kickback"]
    assert _ladder(catalog, "prone-hip-extension-ball") == [
        "prone-hip-extension-ball",
        "back-extension-45",
    ]
    with_successor = {ex.slug for ex in catalog if ex.successor}
    assert with_successor == {
        "glute-bridge",
        "single-leg-glute-bridge",
        "hip-thrust",
        "quadruped-kickback",
        "prone-hip-extension-ball",
    }


def test_catalog_ladder_is_the_whole_chain_from_any_rung(catalog: Catalog) -> None:
    whole = _ladder(catalog, "glute-bridge")
    for slug in whole:
        assert [ex.slug for ex in catalog.ladder(slug)] == whole
    assert catalog.ladder("romanian-deadlift") == []
    assert catalog.ladder("no-such-exercise") == []


def test_catalog_ladder_walks_a_loop_once_and_stops_at_an_unknown_link() -> None:
    def rung(slug: str, successor: str | None) -> Exercise:
        return Exercise(
            slug, slug, LoadKind.BODYWEIGHT, Length.SHORT, (), 3, (8, 12), successor=successor
        )

    looped = Catalog([rung("a", "b"), rung("b", "c"), rung("c", "a")])
    assert sorted(ex.slug for ex in looped.ladder("b")) == ["a", "b", "c"]
    dangling = Catalog([rung("a", "b"), rung("b", "gone")])
    assert [ex.slug for ex in dangling.ladder("b")] == ["a", "b"]


def test_every_successor_exists_and_no_ladder_loops(catalog: Catalog) -> None:
    for ex in catalog:
        if ex.successor is not None:
            assert ex.successor in catalog, ex.slug
        assert len(_ladder(catalog, ex.slug)) <= len(catalog)


def test_unilateral_exercises_are_the_per_side_ones(catalog: Catalog) -> None:
    assert {ex.slug for ex in catalog if ex.unilateral} == {
        "single-leg-glute-bridge",
        "single-leg-hip-thrust",
        "quadruped-kickback",
        "standing-kickback",
        "step-up",
        "lunge",
        "bird-dog",
    }


def test_bodyweight_shares(catalog: Catalog) -> None:
    shares = {ex.slug: ex.bodyweight_share for ex in catalog if ex.bodyweight_share}
    assert shares == {
        "step-up": 1.0,
        "lunge": 1.0,
        "back-extension-45": 0.68,
        "horizontal-back-extension": 0.68,
    }


def test_muscle_lengths_cover_short_mid_and_long(catalog: Catalog) -> None:
    assert catalog["barbell-hip-thrust"].length is Length.SHORT
    assert catalog["back-extension-45"].length is Length.MID
    assert catalog["horizontal-back-extension"].length is Length.SHORT
    assert catalog["kettlebell-swing"].length is Length.MID
    assert catalog["romanian-deadlift"].length is Length.LONG
    assert catalog["deep-squat"].length is Length.LONG
    assert catalog["bird-dog"].length is Length.SHORT
    assert {ex.length for ex in catalog} == set(Length)


def test_muscles_list_the_direct_one_first(catalog: Catalog) -> None:
    known = {"glute max", "hamstrings", "adductor magnus", "quadriceps", "trunk", "glute med"}
    for ex in catalog:
        assert ex.muscles and set(ex.muscles) <= known, ex.slug
        assert len(set(ex.muscles)) == len(ex.muscles), ex.slug
    assert catalog["barbell-hip-thrust"].muscles[0] == "glute max"
    assert catalog["romanian-deadlift"].muscles[:2] == ("hamstrings", "glute max")
    assert catalog["stability-ball-bridge-curl"].muscles[0] == "hamstrings"
    assert catalog["deep-squat"].muscles[:3] == ("quadriceps", "glute max", "adductor magnus")
    assert catalog["conventional-deadlift"].muscles[:3] == (
        "glute max",
        "hamstrings",
        "adductor magnus",
    )
    assert catalog["bird-dog"].muscles == ("glute max", "trunk")


@pytest.mark.parametrize(("name", "slug"), sorted(CATALOG_MD_ALIASES.items()))
def test_names_other_apps_use_resolve_case_insensitively(
    catalog: Catalog, name: str, slug: str
) -> None:
    for variant in (name, name.upper(), name.lower(), f"  {name} "):
        found = catalog.resolve(variant)
        assert found is not None, variant
        assert found.slug == slug


def test_slugs_and_names_resolve(catalog: Catalog) -> None:
    for ex in catalog:
        assert catalog.resolve(ex.slug) == ex
        assert catalog.resolve(ex.name.upper()) == ex


def test_no_two_exercises_share_an_alias_or_name(catalog: Catalog) -> None:
    owner: dict[str, str] = {}
    for ex in catalog:
        keys = {normalise_name(k) for k in (ex.slug, ex.name, *ex.aliases)}
        for key in keys:
            assert owner.setdefault(key, ex.slug) == ex.slug, f"{key!r}: {owner[key]}, {ex.slug}"


def test_every_alias_resolves_to_its_own_exercise(catalog: Catalog) -> None:
    for ex in catalog:
        for alias in ex.aliases:
            assert catalog.resolve(alias) == ex, alias


@pytest.mark.parametrize(
    ("typo", "slug"),
    [
        ("barbel hip thrust", "barbell-hip-thrust"),
        ("glute brige", "glute-bridge"),
        ("romanian dedlift", "romanian-deadlift"),
        ("kettlebel swing", "kettlebell-swing"),
        ("bird-dgo", "bird-dog"),
    ],
)
def test_require_on_a_typo_names_the_closest_exercise(
    catalog: Catalog, typo: str, slug: str
) -> None:
    with pytest.raises(InputError) as caught:
        catalog.require(typo, where="out.csv line 3")
    assert slug in caught.value.message
    assert typo in caught.value.message
    assert str(caught.value).startswith("out.csv line 3: ")


def test_every_exercise_explains_itself(catalog: Catalog) -> None:
    for ex in catalog:
        for field in (ex.setup, ex.action, ex.cue):
            assert field.strip(), ex.slug
            assert field.rstrip().endswith((".", "!", "?")), (ex.slug, field)
        assert 2 <= len(ex.mistakes) <= 4, ex.slug
        assert all(m.strip() for m in ex.mistakes), ex.slug


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("\u2019", "'"))


def _texts(ex: Exercise) -> list[str]:
    return [ex.name, ex.setup, ex.action, ex.cue, *ex.mistakes]


def test_no_run_of_nine_words_is_copied_from_the_seed_articles(catalog: Catalog) -> None:
    seeds = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
    if not seeds:
        pytest.skip(f"seed articles not found in {SEEDS_DIR}")
    runs: set[tuple[str, ...]] = set()
    for path in seeds:
        words = _words(path.read_text(encoding="utf-8"))
        runs.update(tuple(words[i : i + 9]) for i in range(len(words) - 8))
    copied = []
    for ex in catalog:
        for text in _texts(ex):
            words = _words(text)
            copied += [
                f"{ex.slug}: {' '.join(words[i : i + 9])}"
                for i in range(len(words) - 8)
                if tuple(words[i : i + 9]) in runs
            ]
    assert copied == []
