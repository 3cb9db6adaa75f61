"""The Import dialog's review: groups with set counts, and the person's choices applied."""

from __future__ import annotations

import json
from datetime import datetime

from hiplog.domain.catalog import Catalog
from hiplog.domain.import_checks import load_checks
from hiplog.domain.import_review import Group, apply_choices, review_rows
from hiplog.domain.importers.builder import ImportBuilder
from hiplog.domain.models import ImportedData, Role
from hiplog.resources import resource_path

CATALOG = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))


def _imported(*rows: tuple[str, int, float]) -> ImportedData:
    """One session on 2024-03-01 with (name, sets, load) rows, built as a reader builds it."""
    builder = ImportBuilder(CATALOG, "test")
    when = datetime(2024, 3, 1, 18, 0)
    for name, sets, load in rows:
        for _ in range(sets):
            builder.add_set("s", when, name, 2, reps=10, load_kg=load, where="test line 2")
    return builder.finish()


def test_the_review_groups_names_with_their_set_counts() -> None:
    data = _imported(
        ("Hip Thrust (Barbell)", 3, 60),
        ("Bulgarian Split Squat", 2, 10),
        ("Bench Press (Barbell)", 4, 80),
        ("Full Can", 1, 5),
    )
    rows = [(r.name, r.group, r.sets, r.new) for r in review_rows(data, CATALOG)]
    assert rows == [
        ("Barbell hip thrust", Group.CATALOG, 3, False),
        ("Bulgarian Split Squat", Group.HIP, 2, True),
        ("Bench Press (Barbell)", Group.OTHER, 4, True),
        ("Full Can", Group.UNSURE, 1, True),
    ]
    # The file's own name for a catalog exercise is shown beside it.
    assert review_rows(data, CATALOG)[0].file_names == ("Hip Thrust (Barbell)",)


def test_choices_move_a_new_exercise_or_map_it_onto_the_catalog() -> None:
    data = _imported(("Bench Press (Barbell)", 2, 80), ("Full Can", 1, 5), ("Frog Pump", 2, 0))
    slugs = {e.name: e.slug for e in data.custom_exercises}
    chosen = apply_choices(
        data,
        roles={slugs["Full Can"]: Role.HIP},
        mapped={slugs["Frog Pump"]: "glute-bridge"},
    )
    by_name = {e.name: e for e in chosen.custom_exercises}
    assert set(by_name) == {"Bench Press (Barbell)", "Full Can"}
    assert by_name["Full Can"].role is Role.HIP and "glute max" in by_name["Full Can"].muscles
    assert [s.exercise for s in chosen.sessions[0].sets].count("glute-bridge") == 2
    assert not chosen.unsure
    groups = {r.name: r.group for r in review_rows(chosen, CATALOG)}
    assert groups["Full Can"] is Group.HIP and groups["Glute bridge"] is Group.CATALOG


def test_loads_that_look_like_a_pairs_total_are_listed_with_dates() -> None:
    data = _imported(("Romanian Deadlift (Dumbbell)", 3, 96), ("Romanian Deadlift", 3, 96))
    checks = load_checks(data.sessions, CATALOG, data.custom_exercises)
    assert [c.text() for c in checks] == [
        "Romanian deadlift (dumbbells): loads above 50 kg per dumbbell look like the pair's "
        "total (hiplog reads them as per dumbbell) on 1 day(s), 2024-03-01"
    ]
    # Nothing changed: the sets keep their load.
    assert {s.load_kg for s in data.sessions[0].sets} == {96}
