"""The exercise catalog: parse the data file and find exercises by slug, name or alias."""

from __future__ import annotations

import difflib
import re
from collections.abc import Container, Iterable, Iterator, Mapping
from typing import Any

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Length, LoadKind, Role, StepKind
from hiplog.domain.translation import _, current_language, exercise_name


def normalise_name(name: str) -> str:
    """Case- and spacing-insensitive key for matching exercise names."""
    return re.sub(r"\s+", " ", name.strip().casefold())


def slugify(name: str) -> str:
    """A slug for a custom exercise name: lower case, words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().casefold()).strip("-")
    return slug or "exercise"


def free_slug(base: str, *taken: Container[str]) -> str:
    """`base`, else the first of `base-2`, `base-3`, ... that none of `taken` holds."""
    slug, n = base, 2
    while any(slug in t for t in taken):
        slug, n = f"{base}-{n}", n + 1
    return slug


def new_custom_exercise(slug: str, name: str, *, loaded: bool, position: int = 0) -> Exercise:
    """The exercise an import makes for a name the catalog does not know.

    Loaded (EXTERNAL) when any of its imported sets carried a load, else bodyweight; the other
    facts are plain defaults the person can edit later.
    """
    return Exercise(
        slug=slug,
        name=name,
        load_kind=LoadKind.EXTERNAL if loaded else LoadKind.BODYWEIGHT,
        length=Length.MID,
        muscles=("glute max",),
        sets=3,
        rep_range=(8, 12),
        loadable=True,
        custom=True,
        position=position,
    )


def _pair(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    lo, hi = value
    return (int(lo), int(hi))


def exercise_from_dict(
    data: Mapping[str, Any], position: int = 0, custom: bool = False
) -> Exercise:
    """Build an Exercise from one catalog.json entry (or a JSON backup's custom exercise)."""
    rep_range = _pair(data["rep_range"])
    assert rep_range is not None
    step = data.get("step_kind")
    return Exercise(
        slug=str(data["slug"]),
        name=str(data["name"]),
        load_kind=LoadKind(data["load_kind"]),
        length=Length(data["length"]),
        muscles=tuple(data.get("muscles", ())),
        sets=int(data["sets"]),
        rep_range=rep_range,
        equipment=tuple(data.get("equipment", ())),
        loadable=bool(data.get("loadable", False)),
        step_kind=StepKind(step) if step else None,
        implements=int(data.get("implements", 1)),
        start_load_kg=data.get("start_load_kg"),
        unilateral=bool(data.get("unilateral", False)),
        loaded_rep_range=_pair(data.get("loaded_rep_range")),
        successor=data.get("successor"),
        bodyweight_share=float(data.get("bodyweight_share", 0.0)),
        aliases=tuple(data.get("aliases", ())),
        setup=str(data.get("setup", "")),
        action=str(data.get("action", "")),
        cue=str(data.get("cue", "")),
        mistakes=tuple(data.get("mistakes", ())),
        custom=bool(data.get("custom", custom)),
        position=int(data.get("position", position)),
        role=Role(data.get("role") or Role.CATALOG),
    )


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The JSON shape of an exercise (catalog.json entries, `exercises --json`, backups)."""
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "load_kind": exercise.load_kind.value,
        "length": exercise.length.value,
        "muscles": list(exercise.muscles),
        "sets": exercise.sets,
        "rep_range": list(exercise.rep_range),
        "loaded_rep_range": list(exercise.loaded_rep_range) if exercise.loaded_rep_range else None,
        "equipment": list(exercise.equipment),
        "loadable": exercise.loadable,
        "step_kind": exercise.step_kind.value if exercise.step_kind else None,
        "implements": exercise.implements,
        "start_load_kg": exercise.start_load_kg,
        "unilateral": exercise.unilateral,
        "successor": exercise.successor,
        "bodyweight_share": exercise.bodyweight_share,
        "aliases": list(exercise.aliases),
        "setup": exercise.setup,
        "action": exercise.action,
        "cue": exercise.cue,
        "mistakes": list(exercise.mistakes),
        "custom": exercise.custom,
        "position": exercise.position,
        "role": exercise.role.value,
    }


class Catalog:
    """An ordered, read-only set of exercises with lookup by slug, name and alias."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._by_slug: dict[str, Exercise] = {}
        self._by_key: dict[str, str] = {}
        for ex in sorted(exercises, key=lambda e: (e.custom, e.position, e.name)):
            self._by_slug[ex.slug] = ex
        # Slugs win over names, names over aliases, built-ins over custom exercises.
        for attr in ("slug", "name", "aliases"):
            for ex in self._by_slug.values():
                values = ex.aliases if attr == "aliases" else (getattr(ex, attr),)
                for value in values:
                    self._by_key.setdefault(normalise_name(value), ex.slug)
        self._translated: dict[str, dict[str, str]] = {}  # language -> name key -> slug

    @classmethod
    def from_json_list(cls, entries: Iterable[Mapping[str, Any]]) -> Catalog:
        return cls(exercise_from_dict(e, position=i) for i, e in enumerate(entries))

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_slug.values())

    def __len__(self) -> int:
        return len(self._by_slug)

    def __contains__(self, slug: object) -> bool:
        return slug in self._by_slug

    def get(self, slug: str) -> Exercise | None:
        return self._by_slug.get(slug)

    def __getitem__(self, slug: str) -> Exercise:
        return self._by_slug[slug]

    def ladder(self, slug: str) -> list[Exercise]:
        """The whole ladder `slug` is on, easiest variation first; [] when it is on none.

        A ladder is the chain of `successor` links; a link to an unknown exercise ends it and a
        loop is walked once.
        """
        by_slug = self._by_slug
        if slug not in by_slug:
            return []
        before = {ex.successor: ex.slug for ex in by_slug.values() if ex.successor}
        first = slug
        seen = {first}
        while first in before and before[first] not in seen:
            first = before[first]
            seen.add(first)
        chain: list[Exercise] = []
        current: str | None = first
        while current is not None and current in by_slug and all(e.slug != current for e in chain):
            chain.append(by_slug[current])
            current = by_slug[current].successor
        return chain if len(chain) > 1 else []

    def resolve(self, name: str) -> Exercise | None:
        """Find an exercise by slug, name or alias (case-insensitive), or by its name in the
        current language ('Hip Thrust mit Langhantel' in German), else None."""
        key = normalise_name(name)
        slug = self._by_key.get(key) or self._translated_names().get(key)
        return self._by_slug[slug] if slug else None

    def _translated_names(self) -> dict[str, str]:
        language = current_language()
        if language not in self._translated:
            self._translated[language] = {
                normalise_name(exercise_name(ex.name)): ex.slug for ex in reversed(list(self))
            }
        return self._translated[language]

    def closest(self, name: str, n: int = 3) -> list[str]:
        """Slugs of the exercises whose slug, name or alias is closest to `name`."""
        matches = difflib.get_close_matches(
            normalise_name(name), list(self._by_key), n=n * 3, cutoff=0.4
        )
        slugs: list[str] = []
        for key in matches:
            slug = self._by_key[key]
            if slug not in slugs:
                slugs.append(slug)
        return slugs[:n]

    def require(self, name: str, where: str | None = None) -> Exercise:
        """Resolve `name` or raise an InputError that names the closest matches."""
        found = self.resolve(name)
        if found is not None:
            return found
        near = self.closest(name)
        hint = (
            _("; did you mean {value}?").format(value=", ".join(near))
            if near
            else _("; `hiplog exercises` lists them")
        )
        raise InputError(_("unknown exercise '{name}'{hint}").format(name=name, hint=hint), where)
