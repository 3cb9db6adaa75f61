"""What an import found, grouped for the person to review before it is written (issue 12).

The Import dialog shows the file's exercises in four groups with their set counts: catalog
exercises, the person's own hip exercises, other training, and names the rules could not tell
(made other training). Before importing, the person may move any new exercise between hip work
and other training, or map it onto a catalog exercise; `apply_choices` makes those changes to
the data read, so the import writes what the person chose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import ImportedData, Role
from hiplog.domain.name_recognition import with_role
from hiplog.domain.translation import N_


class Group(StrEnum):
    CATALOG = "catalog"
    HIP = "hip"
    OTHER = "other"
    UNSURE = "unsure"


GROUP_TITLES: dict[Group, str] = {
    Group.CATALOG: N_("Catalog exercises"),
    Group.HIP: N_("Your own hip exercises"),
    Group.OTHER: N_("Other training"),
    Group.UNSURE: N_("Not sure (other training unless you move them)"),
}


@dataclass(frozen=True)
class ReviewRow:
    slug: str
    name: str
    group: Group
    sets: int
    new: bool  # an exercise the import would create (it can be moved or mapped)
    file_names: tuple[str, ...] = ()  # the file's names for a catalog exercise, when not its own


def set_counts(data: ImportedData) -> Counter[str]:
    return Counter(s.exercise for session in data.sessions for s in session.sets)


def review_rows(data: ImportedData, catalog: Catalog) -> list[ReviewRow]:
    """One row per exercise the file's sets use, by group, most sets first."""
    counts = set_counts(data)
    new = {e.slug: e for e in data.custom_exercises}
    names: dict[str, list[str]] = {}
    for name, slug in data.catalog_names.items():
        names.setdefault(slug, []).append(name)
    rows: list[ReviewRow] = []
    for slug, sets in counts.items():
        exercise = new.get(slug) or catalog.get(slug)
        if exercise is None:
            continue
        if slug in data.unsure and exercise.role is Role.OTHER:
            group = Group.UNSURE
        else:
            group = Group(exercise.role.value)
        own = exercise.name.casefold()
        written = tuple(sorted(n for n in names.get(slug, ()) if n.casefold() != own))
        rows.append(ReviewRow(slug, exercise.name, group, sets, slug in new, written))
    order = list(Group)
    rows.sort(key=lambda r: (order.index(r.group), -r.sets, r.name.casefold()))
    return rows


def apply_choices(
    data: ImportedData, roles: Mapping[str, Role], mapped: Mapping[str, str]
) -> ImportedData:
    """The data with the person's choices: `roles` moves a new exercise to hip work or other
    training; `mapped` puts every set of a new exercise on another exercise (the new one is then
    not created). Only exercises the import would create can be changed."""
    new = {e.slug for e in data.custom_exercises}
    mapped = {k: v for k, v in mapped.items() if k in new and v != k}
    customs = [
        with_role(e, roles[e.slug]) if e.slug in roles else e
        for e in data.custom_exercises
        if e.slug not in mapped
    ]
    sessions = data.sessions
    if mapped:
        sessions = [
            replace(
                s,
                sets=tuple(
                    replace(x, exercise=mapped[x.exercise]) if x.exercise in mapped else x
                    for x in s.sets
                ),
            )
            if any(x.exercise in mapped for x in s.sets)
            else s
            for s in data.sessions
        ]
    unsure = {slug for slug in data.unsure if slug not in roles and slug not in mapped}
    return replace(data, sessions=sessions, custom_exercises=customs, unsure=unsure)
