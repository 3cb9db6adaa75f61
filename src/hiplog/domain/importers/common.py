"""What every reader of another app's export shares.

Exercise mapping (catalog first, else one custom exercise per name), unit conversion, flagging
of values beyond the limits in validation.py, and a session builder that numbers sets and
places notes. The readers only parse their format and feed rows in here.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from hiplog.domain.catalog import Catalog, free_slug, new_custom_exercise, normalise_name, slugify
from hiplog.domain.errors import InputError
from hiplog.domain.models import (
    Exercise,
    ImportedData,
    Session,
    SetEntry,
)
from hiplog.domain.units import Unit, to_kg
from hiplog.domain.validation import MAX_DISTANCE_M, MAX_DURATION_S, MAX_LOAD_KG, MAX_REPS, MAX_RIR

FAILURE_TAG = "[failure]"
DROP_SET_TAG = "[drop set]"

METRES_PER = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometers": 1000.0,
    "kilometres": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yards": 0.9144,
}

WEIGHT_UNITS = {
    "kg": Unit.KG,
    "kgs": Unit.KG,
    "lb": Unit.LB,
    "lbs": Unit.LB,
}


def weight_unit(text: str, where: str) -> Unit:
    """`kg`, `kgs`, `lb` or `lbs` (any case) as a Unit."""
    unit = WEIGHT_UNITS.get(text.strip().casefold())
    if unit is None:
        raise InputError(f"unknown weight unit '{text}' (expected kg or lbs)", where)
    return unit


def metres_per(text: str, where: str) -> float:
    """How many metres one of `text` (m, km, mi, ft, yd, ...) is."""
    factor = METRES_PER.get(text.strip().casefold())
    if factor is None:
        raise InputError(f"unknown distance unit '{text}' (expected m, km, mi, ft or yd)", where)
    return factor


def check_text(text: str, source: str) -> str:
    """The text without a byte-order mark; refuses an empty or binary file before parsing."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError("this is a binary file, not a CSV export", f"{source} line 1")
    if not text.strip():
        raise InputError("the file is empty", f"{source} line 1")
    return text


def parse_number(text: str, what: str, where: str) -> float | None:
    """A decimal number, or None for an empty field. `nan`/`inf` are not numbers here."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} '{text}' is not a number", where) from None
    if not math.isfinite(value):
        raise InputError(f"{what} '{text}' is not a number", where)
    return value


def parse_reps(text: str, where: str) -> int:
    """Reps as a whole number; `13.0` is 13, empty is 0 (a timed or distance set)."""
    value = parse_number(text, "reps", where)
    if value is None:
        return 0
    if value != int(value):
        raise InputError(f"reps '{text.strip()}' is not a whole number", where)
    return int(value)


def parse_date(text: str, formats: tuple[str, ...], where: str) -> datetime:
    """A naive datetime in one of `formats`, else an InputError naming the value."""
    text = text.strip()
    parsed = date_in_formats(text, formats)
    if parsed is None:
        raise InputError(f"'{text}' is not a valid date", where)
    return parsed


@lru_cache(maxsize=4096)
def date_in_formats(text: str, formats: tuple[str, ...]) -> datetime | None:
    """`text` read with the first of `formats` that fits, or None when none does."""
    # Exports repeat a workout's date on each of its rows, and strptime is slow: remembering
    # recent answers cuts the time of a large import by about a quarter.
    for fmt in formats:
        try:
            return _zero_padded(text, fmt) or datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


# Formats whose zero-padded form is read without strptime (about 20 times faster; a workout
# history has one distinct date per workout, thousands in a long one).
_PADDED_SHAPES = {
    "%Y-%m-%d %H:%M:%S": "dddd-dd-dd dd:dd:dd",
    "%Y-%m-%d %H:%M": "dddd-dd-dd dd:dd",
    "%Y-%m-%d": "dddd-dd-dd",
}
_DIGITS = frozenset("0123456789")


def _zero_padded(text: str, fmt: str) -> datetime | None:
    """`text` read with `fmt` when it has the format's zero-padded shape exactly (the value
    strptime would give), else None. Raises ValueError for a date that does not exist."""
    shape = _PADDED_SHAPES.get(fmt)
    if shape is None or len(text) != len(shape):
        return None
    for char, want in zip(text, shape, strict=True):
        if (char not in _DIGITS) if want == "d" else (char != want):
            return None
    n = len(text)
    return datetime(
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]) if n > 10 else 0,
        int(text[14:16]) if n > 13 else 0,
        int(text[17:19]) if n > 16 else 0,
    )


def rir_from_rpe_cell(text: str, where: str) -> int | None:
    """The RPE column of a row as reps in reserve; None when the cell is empty."""
    rpe = parse_number(text, "RPE", where)
    return None if rpe is None else rir_from_rpe(rpe)


def rir_from_rpe(rpe: float) -> int:
    """Reps in reserve from RPE: 10 - RPE, halves rounded down (RPE 8.5 -> 1), clamped 0..10."""
    rir = math.floor(10.0 - rpe + 0.5 - 1e-9)
    return max(0, min(MAX_RIR, rir))


def load_from(value: float | None, unit: Unit) -> float | None:
    """External load in kg; empty or zero is bodyweight (None)."""
    if value is None or value == 0:
        return None
    return to_kg(value, unit)


def positive_or_none(value: float | None) -> float | None:
    """A duration or distance; zero means the app left it unused."""
    if value is None or value == 0:
        return None
    return value


def implausible(
    reps: int,
    load_kg: float | None,
    duration_s: float | None,
    distance_m: float | None,
) -> list[str]:
    """Why a set is outside what a person can do (empty when it is plausible)."""
    why: list[str] = []
    if reps < 0:
        why.append(f"negative reps ({reps})")
    elif reps > MAX_REPS:
        why.append(f"{reps} reps is more than {MAX_REPS}")
    if load_kg is not None:
        if load_kg < 0:
            why.append(f"negative load ({load_kg:g} kg)")
        elif load_kg > MAX_LOAD_KG:
            why.append(f"load {load_kg:g} kg is more than {MAX_LOAD_KG:g} kg")
    if duration_s is not None:
        if duration_s < 0:
            why.append(f"negative duration ({duration_s:g} s)")
        elif duration_s > MAX_DURATION_S:
            why.append(f"duration {duration_s:g} s is more than 24 hours")
    if distance_m is not None:
        if distance_m < 0:
            why.append(f"negative distance ({distance_m:g} m)")
        elif distance_m > MAX_DISTANCE_M:
            why.append(f"distance {distance_m:g} m is more than 100 km")
    return why


class SetValues(NamedTuple):
    """A set's parsed values, and why they are implausible ("" when they are not)."""

    reps: int
    load_kg: float | None
    rir: int | None
    warmup: bool
    duration_s: float | None
    distance_m: float | None
    tag: str
    why: str

    @classmethod
    def checked(
        cls,
        *,
        reps: int,
        load_kg: float | None,
        rir: int | None,
        warmup: bool,
        duration_s: float | None,
        distance_m: float | None,
        tag: str,
    ) -> SetValues:
        why = "; ".join(implausible(reps, load_kg, duration_s, distance_m))
        return cls(reps, load_kg, rir, warmup, duration_s, distance_m, tag, why)


def csv_rows(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV text with the physical line each starts on; blank lines are skipped.

    Quoted fields may span lines, so the start line is one past where the previous row ended.
    csv errors (a quote never closed, a field too large) become InputErrors with the line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous_end = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            reason = (
                "the file ends inside a quoted field (cut off?)"
                if "unexpected end of data" in str(err)
                else f"cannot read this row as CSV ({err}); is the delimiter right?"
            )
            raise InputError(reason, f"{source} line {previous_end + 1}") from None
        start = previous_end + 1
        previous_end = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        yield start, row


def header_and_rows(
    text: str, source: str, delimiter: str | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells and an iterator over the (line, cells) rows after it.

    Refuses an empty or binary text (check_text) and a text with no row. Without a `delimiter`
    it is judged from the first line (sniff_delimiter).
    """
    text = check_text(text, source)
    if delimiter is None:
        delimiter = sniff_delimiter(text.splitlines()[0], source)
    rows = csv_rows(text, delimiter, source)
    first = next(rows, None)
    if first is None:
        raise InputError("the file is empty", f"{source} line 1")
    return first[1], rows


def column_getter(index: Mapping[str, int]) -> Callable[[list[str], str | None], str]:
    """get(row, column): the row's cell in that column, or "" when the file has no such column."""

    def get(row: list[str], name: str | None) -> str:
        i = index.get(name) if name else None
        return row[i] if i is not None else ""

    return get


def field_count_error(expected: int, found: int, where: str) -> InputError:
    """The error for a row with the wrong number of fields."""
    return InputError(
        f"expected {expected} fields, found {found} (a row cut off or a wrong delimiter?)", where
    )


def sniff_delimiter(header_line: str, source: str) -> str:
    """The delimiter of a CSV, judged from its header line: `,`, `;` or a tab."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise InputError("the first line is not a CSV header", f"{source} line 1")
    return best


class ExerciseMapper:
    """Maps names from another app to catalog slugs, or to custom exercises made on the way."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._slug_by_key: dict[str, str] = {}
        self._slug_by_name: dict[str, str] = {}  # the name exactly as written, on every row
        self._custom: dict[str, str] = {}  # slug -> name as first written
        self._loaded: set[str] = set()  # custom slugs that had a load on some set

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
        if found is not None:
            slug = found.slug
        else:
            slug = free_slug(slugify(name), self._catalog, self._custom)
            self._custom[slug] = name or "Unnamed exercise"
        self._slug_by_key[key] = slug
        return slug

    def note_load(self, slug: str, load_kg: float | None) -> None:
        if load_kg:
            self._loaded.add(slug)

    def custom_exercises(self) -> list[Exercise]:
        """One Exercise per custom name, in the order they were first seen."""
        catalog_size = len(self._catalog)
        return [
            new_custom_exercise(slug, name, loaded=slug in self._loaded, position=catalog_size + i)
            for i, (slug, name) in enumerate(self._custom.items())
        ]


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
    ) -> None:
        """Add one set; flags it (and records the line) when its values are implausible.

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
        return self.data
