"""hiplog's own CSV: one row per set, written by `hiplog export` and read by `hiplog import`.

The layout is a public contract (architecture.md, "The hiplog CSV"). Writing then reading gives
back the same sets; writing what was read gives back the same text.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TextIO

from hiplog.domain.catalog import Catalog, free_slug, new_custom_exercise, normalise_name, slugify
from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, ImportedData, Session, SetEntry
from hiplog.domain.name_recognition import with_role_by_rules
from hiplog.domain.spreadsheet_safety import escape, unescape
from hiplog.domain.translation import _
from hiplog.domain.validation import (
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_LOAD_KG,
    MAX_REPS,
    MAX_RIR,
    check_training_date,
    unstorable,
)

HEADER = (
    "date",
    "exercise",
    "set",
    "load_kg",
    "reps",
    "rir",
    "warmup",
    "side",
    "band",
    "duration_s",
    "distance_m",
    "notes",
)

_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?")


# ---------------------------------------------------------------------------------------------
# Writing


def format_number(value: float) -> str:
    """The fewest decimals (at least the three shown before) that read back as exactly
    `value`, no trailing zeros: 60, 62.5, 61.23496995 (135 lb). A round trip thus gives back
    the same number in any unit."""
    text = repr(float(value))
    for decimals in range(3, 40):
        fixed = f"{value:.{decimals}f}"
        if float(fixed) == value:
            text = fixed
            break
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_date(when: datetime) -> str:
    """`YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not zero."""
    return when.strftime("%Y-%m-%dT%H:%M:%S" if when.second else "%Y-%m-%dT%H:%M")


def _cell(text: str) -> str:
    """Minimal CSV quoting, the same on every Python version."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _text(value: str | None) -> str:
    # NUL cannot be read back by CSV readers and means nothing in a note: leave it out.
    return escape(value.replace("\x00", "")) if value else ""


def _optional(value: float | None) -> str:
    return "" if value is None else format_number(value)


def set_row(when: str, name: str, entry: SetEntry) -> list[str]:
    """The cells of one set's row."""
    return [
        when,
        _text(name),
        str(entry.order),
        _optional(entry.load_kg),
        str(entry.reps),
        "" if entry.rir is None else str(entry.rir),
        "1" if entry.warmup else "0",
        entry.side or "",
        _text(entry.band),
        _optional(entry.duration_s),
        _optional(entry.distance_m),
        _text(entry.notes),
    ]


def write_hiplog_csv(
    sessions: Iterable[Session], name_of: Callable[[str], str], out: TextIO
) -> int:
    """Write the header and one row per set; return the number of set rows written.

    `name_of` maps a set's exercise slug to what goes in the `exercise` column: the slug for
    catalog exercises, the name for custom ones. A set's `flagged` mark has no column: the reader
    flags the same out-of-range values again. Session notes and body weight are not part of the
    CSV (the JSON backup keeps them).
    """
    out.write(",".join(HEADER) + "\n")
    rows = 0
    for session in sessions:
        when = format_date(session.started_at)
        for entry in session.sets:
            out.write(",".join(_cell(c) for c in set_row(when, name_of(entry.exercise), entry)))
            out.write("\n")
            rows += 1
    return rows


# ---------------------------------------------------------------------------------------------
# Reading


def parse_plain_number(text: str, what: str, where: str) -> float:
    """A plain decimal number, 0 or more (no exponent, no thousands separator, not NaN); a blank
    cell is an error here (the caller checks for blank first)."""
    if not _NUMBER.fullmatch(text):
        raise InputError(_("{what} '{text}' is not a number").format(what=what, text=text), where)
    value = float(text)
    if not math.isfinite(value):  # pragma: no cover - the pattern admits only finite numbers
        raise InputError(_("{what} '{text}' is not a number").format(what=what, text=text), where)
    if value < 0:
        raise InputError(_("{what} {text} is negative").format(what=what, text=text), where)
    return value


def parse_plain_whole(text: str, what: str, where: str) -> int:
    value = parse_plain_number(text, what, where)
    if not value.is_integer():
        raise InputError(
            _("{what} {text} is not a whole number").format(what=what, text=text), where
        )
    return int(value)


def parse_strict_iso_datetime(text: str, where: str) -> datetime:
    """Exactly `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD` (midnight), and a real date: the hiplog
    CSV contract's formats and no other (no space for the T, no surrounding blanks)."""
    if not (_DATE.fullmatch(text) or _DATETIME.fullmatch(text)):
        raise InputError(
            _("date '{text}' is not YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD").format(
                text=text
            ),
            where,
        )
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            _("date '{text}' is not a real date or time").format(text=text), where
        ) from None
    return check_training_date(parsed, where)


@dataclass
class _Row:
    line: int
    when: datetime
    name: str
    entry: SetEntry  # exercise field holds the name until exercises are resolved


def out_of_range(entry: SetEntry) -> list[str]:
    """Why the set's values are beyond what a person can do, if they are."""
    why: list[str] = []
    if entry.reps > MAX_REPS:
        why.append(_("{reps} reps in one set").format(reps=entry.reps))
    if entry.load_kg is not None and entry.load_kg > MAX_LOAD_KG:
        why.append(_("a load of {value} kg").format(value=format_number(entry.load_kg)))
    if entry.duration_s is not None and entry.duration_s > MAX_DURATION_S:
        why.append(
            _("a set lasting {value} s (over a day)").format(value=format_number(entry.duration_s))
        )
    if entry.distance_m is not None and entry.distance_m > MAX_DISTANCE_M:
        why.append(
            _("a distance of {value} m (over 100 km)").format(value=format_number(entry.distance_m))
        )
    return why


def _parse_row(cells: list[str], line: int, where: str) -> _Row:
    (
        date_text,
        exercise,
        order_text,
        load_text,
        reps_text,
        rir_text,
        warmup_text,
        side_text,
        band,
        duration_text,
        distance_text,
        notes,
    ) = cells
    when = parse_strict_iso_datetime(date_text.strip(), where)
    name = unescape(exercise)
    if not name.strip():
        raise InputError(_("the exercise is missing"), where)
    order = parse_plain_whole(order_text.strip(), "set", where)
    if order < 1:
        raise InputError(_("set must be 1 or more"), where)
    load = load_text.strip()
    rir = rir_text.strip()
    rir_value = parse_plain_whole(rir, "rir", where) if rir else None
    if rir_value is not None and rir_value > MAX_RIR:
        raise InputError(
            _("rir {rir} is more than {MAX_RIR}").format(rir=rir, MAX_RIR=MAX_RIR), where
        )
    warmup = warmup_text.strip()
    if warmup not in ("0", "1"):
        raise InputError(
            _("warmup must be 0 or 1, not '{warmup_text}'").format(warmup_text=warmup_text), where
        )
    side = side_text.strip().upper()
    if side not in ("", "L", "R"):
        raise InputError(
            _("side must be blank, L or R, not '{side_text}'").format(side_text=side_text), where
        )
    duration = duration_text.strip()
    distance = distance_text.strip()
    band_text = unescape(band)
    entry = SetEntry(
        exercise=name,
        order=order,
        reps=parse_plain_whole(reps_text.strip(), "reps", where),
        load_kg=parse_plain_number(load, "load_kg", where) if load else None,
        rir=rir_value,
        warmup=warmup == "1",
        side=side or None,
        band=band_text or None,
        duration_s=parse_plain_number(duration, "duration_s", where) if duration else None,
        distance_m=parse_plain_number(distance, "distance_m", where) if distance else None,
        notes=unescape(notes),
    )
    problem = unstorable(entry.reps, entry.load_kg, entry.duration_s, entry.distance_m)
    if problem:
        raise InputError(problem, where)
    return _Row(line=line, when=when, name=name, entry=entry)


def _records(text: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) of each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(
                _("the row cannot be read as CSV ({exc})").format(exc=exc),
                _("{file} line {line}").format(file=source, line=start),
            ) from None
        if cells:
            yield start, cells
        start = reader.line_num + 1


def _check_header(cells: list[str], source: str) -> None:
    where = f"{source} line 1"
    if cells and cells[0].startswith("\ufeff"):
        cells = [cells[0][1:], *cells[1:]]
    if tuple(c.strip() for c in cells) == HEADER:
        return
    if len(cells) == 1:
        for delimiter, name in ((";", "semicolons"), ("\t", "tabs")):
            if delimiter in cells[0]:
                raise InputError(
                    _(
                        "the columns are separated by {name}; a hiplog CSV separates them by commas"
                    ).format(name=name),
                    where,
                )
    raise InputError(
        _("the first line is not the hiplog CSV header ({value})").format(value=",".join(HEADER)),
        where,
    )


def resolve_exercises(rows: list[_Row], catalog: Catalog) -> tuple[dict[str, str], list[Exercise]]:
    """Map each written exercise name to a slug, making custom exercises for unknown names.

    Unknown names that differ only in case and spacing are one exercise, the way catalog names
    match. A custom exercise is loaded (EXTERNAL) when any of its rows carries a load.
    """
    slug_of: dict[str, str] = {}
    new: dict[str, tuple[str, str]] = {}  # normalised name -> (slug, name as first written)
    loaded: set[str] = set()
    taken = {e.slug for e in catalog}
    for row in rows:
        if row.name in slug_of:
            slug = slug_of[row.name]
        else:
            found = catalog.resolve(row.name)
            key = normalise_name(row.name)
            if found is not None:
                slug = found.slug
            elif key in new:
                slug = new[key][0]
            else:
                slug = free_slug(slugify(row.name), taken)
                taken.add(slug)
                new[key] = (slug, row.name)
            slug_of[row.name] = slug
        if row.entry.load_kg:
            loaded.add(slug)
    # Names are kept exactly (the CSV round trip); the rules give each new one its role.
    customs = [
        with_role_by_rules(new_custom_exercise(s, name, loaded=s in loaded), catalog)
        for s, name in new.values()
    ]
    return slug_of, customs


def read_hiplog_csv(text: str, source: str, catalog: Catalog) -> ImportedData:
    """Parse a hiplog CSV strictly; raise InputError naming `source` and the line of a bad row.

    Pass the text with its line endings untranslated (see text_decoding.decode_text) so that
    line breaks inside quoted notes survive exactly.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(_("the file is empty"), f"{source} line 1")
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise InputError(
            _("this is a binary file, not a text export"),
            _("{file} line {line}").format(file=source, line=line),
        )
    records = _records(text, source)
    first = next(records, None)
    if first is None:  # pragma: no cover - a non-blank text has a record
        raise InputError(_("the file is empty"), f"{source} line 1")
    _check_header(first[1], source)

    rows: list[_Row] = []
    for line, cells in records:
        where = _("{file} line {line}").format(file=source, line=line)
        if len(cells) != len(HEADER):
            raise InputError(
                _("the row has {count} fields, not {count2} (is it cut off?)").format(
                    count=len(cells), count2=len(HEADER)
                ),
                where,
            )
        rows.append(_parse_row(cells, line, where))

    data = ImportedData(rows_read=len(rows), source_format="hiplog")
    slug_of, data.custom_exercises = resolve_exercises(rows, catalog)
    sessions: dict[datetime, list[SetEntry]] = {}
    for row in rows:
        why = out_of_range(row.entry)
        entry = replace(row.entry, exercise=slug_of[row.name], flagged=bool(why))
        if why:
            data.flagged_lines.append((row.line, "more than a person can do: " + ", ".join(why)))
        sessions.setdefault(row.when, []).append(entry)
    data.sessions = [Session(started_at=when, sets=tuple(s)) for when, s in sessions.items()]
    return data
