"""Building hiplog sessions from another app's rows.

Exercise mapping (catalog first, else one custom exercise per name) and a session builder that
numbers sets and places notes. The readers only parse their format and feed rows in here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from hiplog.domain.catalog import Catalog, free_slug, normalise_name, slugify
from hiplog.domain.importers.cell_values import SetValues
from hiplog.domain.models import (
    Exercise,
    ImportedData,
    Session,
    SetEntry,
)
from hiplog.domain.name_recognition import Recognition, own_hip_exercise, recognise

FAILURE_TAG = "[failure]"
DROP_SET_TAG = "[drop set]"


class ExerciseMapper:
    """Maps names from another app to catalog slugs, or to custom exercises made on the way.

    A name the catalog knows (slug, name or alias, or an exercise of the person's) is that
    exercise; else the name rules (name_recognition) say whether it plainly is a catalog
    exercise, the person's own hip exercise or other training.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._slug_by_key: dict[str, str] = {}
        self._slug_by_name: dict[str, str] = {}  # the name exactly as written, on every row
        self._custom: dict[str, str] = {}  # slug -> name as first written
        self._found: dict[str, Recognition] = {}  # custom slug -> what the rules made of it
        self._loaded: set[str] = set()  # custom slugs that had a load on some set
        self.by_rules: dict[str, str] = {}  # name -> catalog slug the rules mapped it to
        self.catalog_names: dict[str, str] = {}  # every name that landed on a built-in exercise

    def slug_for(self, name: str) -> str:
        known = self._slug_by_name.get(name)
        if known is not None:
            return known
        slug = self._slug_for(name)
        self._slug_by_name[name] = slug
        return slug

    def _slug_for(self, name: str) -> str:
        name = name.strip()
        key = normalise_name(name)
        slug = self._slug_by_key.get(key)
        if slug is not None:
            return slug
        found = self._catalog.resolve(name) if name else None
        recognition = recognise(name, self._catalog) if found is None else None
        if found is not None:
            slug = found.slug
            if not found.custom:
                self.catalog_names[name] = slug
        elif recognition is not None and recognition.slug is not None:
            slug = recognition.slug
            self.by_rules[name] = self.catalog_names[name] = slug
        else:
            slug = free_slug(slugify(name), self._catalog, self._custom)
            self._custom[slug] = name or "Unnamed exercise"
            assert recognition is not None
            self._found[slug] = recognition
        self._slug_by_key[key] = slug
        return slug

    def note_load(self, slug: str, load_kg: float | None) -> None:
        if load_kg:
            self._loaded.add(slug)

    def custom_exercises(self) -> list[Exercise]:
        """One Exercise per custom name, in the order they were first seen."""
        catalog_size = len(self._catalog)
        return [
            own_hip_exercise(
                self._found[slug],
                slug,
                name,
                loaded=slug in self._loaded,
                position=catalog_size + i,
            )
            for i, (slug, name) in enumerate(self._custom.items())
        ]

    def unsure(self) -> set[str]:
        """Slugs of the custom exercises the rules could not tell (made other training)."""
        return {slug for slug, found in self._found.items() if not found.sure}


def _joined_notes(tag: str, notes: list[str]) -> str:
    body = "; ".join(notes)
    return f"{tag} {body}".strip() if tag else body


@dataclass
class DraftSession:
    """A session being read. Its sets are final but for their notes: `note_parts` keeps the tag
    and notes of each set that has either (by index), for notes that arrive later."""

    started_at: datetime
    sets: list[SetEntry] = field(default_factory=list)
    note_parts: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    exercise_notes: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    bodyweight_kg: float | None = None

    def add_notes(self, index: int, texts: list[str], first: bool = False) -> None:
        """Add to the notes of the index-th set: after its own, or before them with `first`."""
        tag, own = self.note_parts.get(index, ("", []))
        notes = texts + own if first else own + texts
        self.note_parts[index] = (tag, notes)
        self.sets[index] = replace(self.sets[index], notes=_joined_notes(tag, notes))


def _add_unique(items: list[str], text: str) -> None:
    text = text.strip()
    if text and text not in items:
        items.append(text)


class ImportBuilder:
    """Collects sets into sessions keyed by whatever identifies a workout in the source format.

    Sets keep the order they are added in; each gets a 1-based number within its exercise in its
    session. Exercise notes go to that exercise's first set in the session (or to the session
    notes when the exercise has no set there); session notes are kept once each, in order.
    """

    def __init__(self, catalog: Catalog, source_format: str) -> None:
        self.mapper = ExerciseMapper(catalog)
        self.data = ImportedData(source_format=source_format)
        self._sessions: dict[object, DraftSession] = {}
        self._entries: dict[tuple[str, int, SetValues], SetEntry] = {}

    def session(self, key: object, started_at: datetime) -> DraftSession:
        draft = self._sessions.get(key)
        if draft is None:
            draft = DraftSession(started_at=started_at)
            self._sessions[key] = draft
        return draft

    def has_session(self, key: object) -> bool:
        return key in self._sessions

    def add_set(
        self,
        key: object,
        started_at: datetime,
        exercise_name: str,
        line: int,
        *,
        reps: int,
        load_kg: float | None = None,
        rir: int | None = None,
        warmup: bool = False,
        duration_s: float | None = None,
        distance_m: float | None = None,
        notes: str = "",
        tag: str = "",
        label: str = "",
        where: str,
    ) -> None:
        """Add one set; flags it (and records the line) when its values are implausible, and
        refuses it (InputError at `where`, the file and row) when the log cannot hold them.

        Sources without lines (a database) pass line 0 and a `label` naming the row instead,
        which then leads the reason.
        """
        values = SetValues.checked(
            reps=reps,
            load_kg=load_kg,
            rir=rir,
            warmup=warmup,
            duration_s=duration_s,
            distance_m=distance_m,
            tag=tag,
            where=where,
        )
        draft = self.session(key, started_at)
        self.add_set_values(draft, self.mapper.slug_for(exercise_name), line, values, notes, label)

    def add_set_values(
        self,
        draft: DraftSession,
        slug: str,
        line: int,
        values: SetValues,
        notes: str = "",
        label: str = "",
    ) -> None:
        """add_set for a reader that has the session (from `session`), the exercise's slug (from
        `mapper.slug_for`) and the values already."""
        if values.load_kg:
            self.mapper.note_load(slug, values.load_kg)
        order = draft.counts.get(slug, 0) + 1
        draft.counts[slug] = order
        if values.why:
            self.data.flagged_lines.append(
                (line, f"{label}: {values.why}" if label else values.why)
            )
        notes = notes.strip()
        if notes or values.tag:
            draft.note_parts[len(draft.sets)] = (values.tag, [notes] if notes else [])
        # Sets are frozen, and a long history repeats the same set (exercise, number, values)
        # many times: without notes of its own, an equal set made before is used again.
        entry = None if notes else self._entries.get((slug, order, values))
        if entry is None:
            entry = SetEntry(
                exercise=slug,
                order=order,
                reps=values.reps,
                load_kg=values.load_kg,
                rir=values.rir,
                warmup=values.warmup,
                duration_s=values.duration_s,
                distance_m=values.distance_m,
                notes=_joined_notes(values.tag, [notes]) if notes else values.tag.strip(),
                flagged=bool(values.why),
            )
            if not notes:
                self._entries[(slug, order, values)] = entry
        draft.sets.append(entry)

    def add_exercise_note(
        self, key: object, started_at: datetime, exercise_name: str, text: str
    ) -> None:
        draft = self.session(key, started_at)
        slug = self.mapper.slug_for(exercise_name)
        _add_unique(draft.exercise_notes.setdefault(slug, []), text)

    def add_session_note(self, key: object, started_at: datetime, text: str) -> None:
        _add_unique(self.session(key, started_at).notes, text)

    def add_set_note(self, key: object, index: int, text: str) -> None:
        """Append to the notes of the `index`-th set added to session `key`."""
        text = text.strip()
        if text:
            self._sessions[key].add_notes(index, [text])

    def set_count(self, key: object) -> int:
        return len(self._sessions[key].sets)

    def set_bodyweight(self, key: object, kg: float) -> None:
        self._sessions[key].bodyweight_kg = kg

    def finish(self) -> ImportedData:
        """The ImportedData, with sessions sorted by start (ties keep their file order)."""
        sessions: list[Session] = []
        for draft in self._sessions.values():
            session_notes = list(draft.notes)
            if draft.exercise_notes:
                first_of: dict[str, int] = {}
                for i, s in enumerate(draft.sets):
                    first_of.setdefault(s.exercise, i)
                for slug, texts in draft.exercise_notes.items():
                    target = first_of.get(slug)
                    if target is not None:
                        draft.add_notes(target, texts, first=True)
                    else:
                        session_notes.extend(texts)
            sessions.append(
                Session(
                    started_at=draft.started_at,
                    sets=tuple(draft.sets),
                    notes="\n".join(session_notes),
                    bodyweight_kg=draft.bodyweight_kg,
                )
            )
        sessions.sort(key=lambda s: s.started_at)
        self.data.sessions = sessions
        self.data.custom_exercises = self.mapper.custom_exercises()
        self.data.unsure = self.mapper.unsure()
        self.data.recognised = dict(self.mapper.by_rules)
        self.data.catalog_names = dict(self.mapper.catalog_names)
        return self.data
