"""The full JSON backup: everything a person entered, in one readable file.

`hiplog export FILE --format json` writes it and `hiplog import` reads it back. Unlike the CSV it
keeps custom exercises in full, settings, body weights, session notes and each set's flag.

Shape (version 1)::

    {"format": "hiplog-backup", "version": 1, "exported_at": "2026-11-21T09:00:00",
     "exercises": [<custom exercises, catalog.exercise_to_dict>],
     "settings": {"key": "value"},
     "body_measurements": [{"measured_at": "2026-11-20T07:30:00", "bodyweight_kg": 81.5,
                            "hip_cm": 104.0, "thigh_cm": null}],
     "sessions": [{"started_at": "2026-11-20T18:00:00", "notes": "", "bodyweight_kg": null,
                   "sets": [{"exercise": "barbell-hip-thrust", "order": 1, "reps": 12,
                             "load_kg": 60.0, "rir": 2, "warmup": false, "side": null,
                             "band": null, "duration_s": null, "distance_m": null,
                             "notes": "", "flagged": false}]}],
     "programs": [<programs.program_to_dict, "starter": false>],
     "program_runs": [{"program": "Day A and B", "started_at": "2026-11-01T09:00:00",
                       "ended_at": null, "picks": [{"picked_at": "...", "day": 1}]}],
     "exercise_notes": {"barbell-hip-thrust": "Bench at 40 cm"}}

"programs" and "program_runs" came in December 2026; a file without them has none. So did
"exercise_notes" (slug -> the person's note, built-in and own exercises alike; only those with
a note). So did "body_measurements" (bodyweight, hip and thigh circumference, each may be
null); files from before hold "bodyweights" instead ([{"measured_at", "kg"}]), still read.

Athletes (December 2026): a backup of one athlete has the shape above plus
``"athlete": NAME``. A backup of every athlete of a database keeps "exercises" (they are shared)
and holds the rest per athlete, by name::

    {"format": "hiplog-backup", "version": 1, "exported_at": ..., "exercises": [...],
     "athletes": [{"name": "Ann", "settings": {...}, "body_measurements": [...],
                   "sessions": [...], "programs": [...], "program_runs": [...],
                   "exercise_notes": {...}}]}
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, NoReturn, TextIO

from hiplog.domain.body import BodyMeasurement, validate_measurement
from hiplog.domain.catalog import Catalog, exercise_from_dict, exercise_to_dict, free_slug
from hiplog.domain.errors import InputError
from hiplog.domain.hiplog_csv import format_number, out_of_range
from hiplog.domain.models import BodyweightEntry, Exercise, ImportedData, Session, SetEntry
from hiplog.domain.name_recognition import with_role_by_rules
from hiplog.domain.programs import (
    DayPick,
    Program,
    ProgramRun,
    check_program,
    program_from_dict,
    program_to_dict,
)
from hiplog.domain.translation import _
from hiplog.domain.validation import (
    BODYWEIGHT_KG_RANGE,
    MAX_RIR,
    check_training_date,
    unstorable,
)

FORMAT = "hiplog-backup"
VERSION = 1


# ---------------------------------------------------------------------------------------------
# Writing


def set_to_dict(entry: SetEntry) -> dict[str, Any]:
    """Every SetEntry field except the database id."""
    return {
        "exercise": entry.exercise,
        "order": entry.order,
        "reps": entry.reps,
        "load_kg": entry.load_kg,
        "rir": entry.rir,
        "warmup": entry.warmup,
        "side": entry.side,
        "band": entry.band,
        "duration_s": entry.duration_s,
        "distance_m": entry.distance_m,
        "notes": entry.notes,
        "flagged": entry.flagged,
    }


def session_to_dict(session: Session) -> dict[str, Any]:
    return {
        "started_at": session.started_at.isoformat(),
        "notes": session.notes,
        "bodyweight_kg": session.bodyweight_kg,
        "sets": [set_to_dict(s) for s in session.sets],
    }


def run_to_dict(run: ProgramRun) -> dict[str, Any]:
    return {
        "program": run.program,
        "started_at": run.started_at.isoformat(),
        "ended_at": None if run.ended_at is None else run.ended_at.isoformat(),
        "picks": [{"picked_at": p.picked_at.isoformat(), "day": p.day} for p in run.picks],
    }


@dataclass(frozen=True)
class AthleteBackup:
    """One athlete's part of an every-athlete backup."""

    name: str
    sessions: Sequence[Session]
    settings: Mapping[str, str]
    measurements: Sequence[BodyMeasurement]
    programs: Sequence[Program] = ()
    runs: Sequence[ProgramRun] = ()
    exercise_notes: Mapping[str, str] = field(default_factory=dict)


def _athlete_part(
    sessions: Iterable[Session],
    settings: Mapping[str, str],
    measurements: Iterable[BodyMeasurement],
    programs: Sequence[Program],
    runs: Sequence[ProgramRun],
    exercise_notes: Mapping[str, str] | None,
) -> dict[str, Any]:
    return {
        "settings": dict(settings),
        "body_measurements": [
            {
                "measured_at": m.measured_at.isoformat(),
                "bodyweight_kg": m.bodyweight_kg,
                "hip_cm": m.hip_cm,
                "thigh_cm": m.thigh_cm,
            }
            for m in measurements
        ],
        "sessions": [session_to_dict(s) for s in sessions],
        "programs": [program_to_dict(p) for p in programs],
        "program_runs": [run_to_dict(r) for r in runs],
        "exercise_notes": dict(sorted((exercise_notes or {}).items())),
    }


def _header(exported_at: datetime | None, customs: Iterable[Exercise]) -> dict[str, Any]:
    when = exported_at or datetime.now().replace(microsecond=0)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": when.isoformat(),
        "exercises": [exercise_to_dict(e) for e in customs],
    }


def write_backup_json(
    sessions: Iterable[Session],
    custom_exercises: Iterable[Exercise],
    settings: Mapping[str, str],
    measurements: Iterable[BodyMeasurement],
    out: TextIO,
    exported_at: datetime | None = None,
    programs: Sequence[Program] = (),
    runs: Sequence[ProgramRun] = (),
    exercise_notes: Mapping[str, str] | None = None,
    athlete: str | None = None,
) -> None:
    """Write one athlete's backup; `exported_at` defaults to now (local time, whole seconds)."""
    document = _header(exported_at, custom_exercises)
    if athlete is not None:
        document["athlete"] = athlete
    document.update(_athlete_part(sessions, settings, measurements, programs, runs, exercise_notes))
    json.dump(document, out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")


def write_athletes_backup_json(
    custom_exercises: Iterable[Exercise],
    athletes: Iterable[AthleteBackup],
    out: TextIO,
    exported_at: datetime | None = None,
) -> None:
    """Write a backup of every athlete: the shared custom exercises, then each athlete."""
    document = _header(exported_at, custom_exercises)
    document["athletes"] = [
        {
            "name": a.name,
            **_athlete_part(
                a.sessions, a.settings, a.measurements, a.programs, a.runs, a.exercise_notes
            ),
        }
        for a in athletes
    ]
    json.dump(document, out, indent=2, ensure_ascii=False, allow_nan=False)
    out.write("\n")


# ---------------------------------------------------------------------------------------------
# Reading


#: The key in the file of each value validate_measurement names.
_MEASUREMENT_KEYS = {"bodyweight": "bodyweight_kg", "hip": "hip_cm", "thigh": "thigh_cm"}


class _Reader:
    """Walks the parsed document, checking each value and naming its JSON path when wrong."""

    def __init__(self, source: str, catalog: Catalog) -> None:
        self.source = source
        self.catalog = catalog
        self.data = ImportedData(source_format="hiplog-json")
        self.slug_map: dict[str, str] = {}  # a custom slug in the file -> the slug used
        self.set_count = 0
        self.prefix = ""  # "athletes[1]." while reading an athlete's part

    def fail(self, path: str, message: str) -> NoReturn:
        where = f"{self.prefix}{path}"
        raise InputError(message, f"{self.source} {where}" if where else self.source)

    # -- typed getters -------------------------------------------------------------------------

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, _("must be a JSON object"))
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, _("must be a JSON list"))
        return value

    def text(self, value: Any, path: str, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(path, "must be text" + (" or null" if optional else ""))
        if "\x00" in value:  # PostgreSQL's text cannot hold it: refused on every engine alike
            self.fail(path, _("holds a NUL character (U+0000), which the log cannot hold"))
        return value

    def number(self, value: Any, path: str, optional: bool = False) -> float | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, _("must be a number or null") if optional else _("must be a number"))
        # 1e400 reads as infinity and 1e30 as no count a set can have: neither is a reading.
        if not math.isfinite(value) or abs(value) > 1e12:
            self.fail(path, _("is not a number a training log holds"))
        if value < 0:
            self.fail(path, _("{value} is negative").format(value=format_number(value)))
        return float(value)

    def whole(self, value: Any, path: str, optional: bool = False) -> int | None:
        number = self.number(value, path, optional)
        if number is None:
            return None
        if not number.is_integer():
            self.fail(path, _("{value} is not a whole number").format(value=format_number(number)))
        return int(value)

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            self.fail(path, _("must be true or false"))
        return value

    def when(self, value: Any, path: str) -> datetime:
        text = self.text(value, path)
        assert text is not None
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            self.fail(path, _("'{text}' is not an ISO date and time").format(text=text))
        if parsed.tzinfo is not None:
            self.fail(
                path, _("'{text}' carries a time zone; hiplog keeps local time").format(text=text)
            )
        return check_training_date(parsed, path)

    # -- sections ------------------------------------------------------------------------------

    def header(self, doc: dict[str, Any]) -> None:
        if doc.get("format") != FORMAT:
            self.fail(
                "format",
                _("this is not a hiplog backup (format is not '{FORMAT}')").format(FORMAT=FORMAT),
            )
        version = doc.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            self.fail("version", _("must be a whole number"))
        if version > VERSION:
            self.fail(
                "version",
                _("version {version} was written by a newer hiplog; update first").format(
                    version=version
                ),
            )
        if version < 1:
            self.fail(
                "version",
                _("version {version} is not a hiplog backup version").format(version=version),
            )

    def exercises(self, value: Any) -> None:
        taken = {e.slug for e in self.catalog if not e.custom}
        seen: set[str] = set()
        for i, item in enumerate(self.array(value, "exercises")):
            path = f"exercises[{i}]"
            entry = self.obj(item, path)
            try:
                # Everything in this list is a custom exercise, whatever its flag says.
                exercise = replace(exercise_from_dict(entry), custom=True)
                if "role" not in entry:  # a backup from before roles: the import's rules
                    exercise = with_role_by_rules(exercise, self.catalog)
            except (KeyError, TypeError, ValueError, AssertionError) as exc:
                self.fail(
                    path,
                    _("is not a valid exercise ({name__}: {exc})").format(
                        name__=type(exc).__name__, exc=exc
                    ),
                )
            if not exercise.slug or not exercise.name.strip():
                self.fail(path, _("needs a slug and a name"))
            if exercise.slug in seen:
                self.fail(f"{path}.slug", _("'{slug}' appears twice").format(slug=exercise.slug))
            seen.add(exercise.slug)
            slug = exercise.slug
            if slug in taken:  # clashes with a built-in: keep it apart under a free slug
                slug = free_slug(slug, taken, seen)
                exercise = replace(exercise, slug=slug)
            self.slug_map[entry["slug"]] = slug
            self.data.custom_exercises.append(exercise)

    def settings(self, value: Any) -> None:
        for key, item in self.obj(value, "settings").items():
            text = self.text(item, f"settings.{key}")
            assert text is not None
            self.data.settings[key] = text

    def bodyweights(self, value: Any) -> None:
        for i, item in enumerate(self.array(value, "bodyweights")):
            path = f"bodyweights[{i}]"
            entry = self.obj(item, path)
            kg = self.number(entry.get("kg"), f"{path}.kg")
            assert kg is not None
            low, high = BODYWEIGHT_KG_RANGE
            if not low <= kg <= high:
                self.fail(
                    f"{path}.kg",
                    _("must be from {low} to {high} {unit}, not {value}").format(
                        low=f"{low:g}", high=f"{high:g}", unit="kg", value=f"{kg:g}"
                    ),
                )
            measured = self.when(entry.get("measured_at"), f"{path}.measured_at")
            self.data.bodyweights.append(BodyweightEntry(measured_at=measured, kg=kg))

    def body_measurements(self, value: Any) -> None:
        for i, item in enumerate(self.array(value, "body_measurements")):
            path = f"body_measurements[{i}]"
            entry = self.obj(item, path)
            measured = self.when(entry.get("measured_at"), f"{path}.measured_at")
            values = [
                self.number(entry.get(key), f"{path}.{key}", optional=True)
                for key in ("bodyweight_kg", "hip_cm", "thigh_cm")
            ]
            found = BodyMeasurement(measured, *values)
            try:
                validate_measurement(found)
            except InputError as exc:
                key = _MEASUREMENT_KEYS.get(exc.where or "")
                self.fail(f"{path}.{key}" if key else path, exc.message)
            self.data.body_measurements.append(found)

    def exercise_slug(self, value: Any, path: str) -> str:
        name = self.text(value, path)
        assert name is not None
        if name in self.slug_map:
            return self.slug_map[name]
        if name in self.catalog:
            return name
        found = self.catalog.resolve(name)
        if found is None:
            self.fail(
                path,
                _("unknown exercise '{name}' (not in the catalog or the backup)").format(name=name),
            )
        return found.slug

    def one_set(self, value: Any, path: str) -> SetEntry:
        entry = self.obj(value, path)
        order = self.whole(entry.get("order"), f"{path}.order")
        reps = self.whole(entry.get("reps"), f"{path}.reps")
        assert order is not None and reps is not None
        if order < 1:
            self.fail(f"{path}.order", _("must be 1 or more"))
        rir = self.whole(entry.get("rir"), f"{path}.rir", optional=True)
        if rir is not None and rir > MAX_RIR:
            self.fail(
                f"{path}.rir", _("{rir} is more than {MAX_RIR}").format(rir=rir, MAX_RIR=MAX_RIR)
            )
        side = self.text(entry.get("side"), f"{path}.side", optional=True)
        if side not in (None, "L", "R"):
            self.fail(f"{path}.side", _("must be null, 'L' or 'R', not '{side}'").format(side=side))
        notes = self.text(entry.get("notes", ""), f"{path}.notes")
        assert notes is not None
        result = SetEntry(
            exercise=self.exercise_slug(entry.get("exercise"), f"{path}.exercise"),
            order=order,
            reps=reps,
            load_kg=self.number(entry.get("load_kg"), f"{path}.load_kg", optional=True),
            rir=rir,
            warmup=self.flag(entry.get("warmup", False), f"{path}.warmup"),
            side=side,
            band=self.text(entry.get("band"), f"{path}.band", optional=True),
            duration_s=self.number(entry.get("duration_s"), f"{path}.duration_s", optional=True),
            distance_m=self.number(entry.get("distance_m"), f"{path}.distance_m", optional=True),
            notes=notes,
            flagged=self.flag(entry.get("flagged", False), f"{path}.flagged"),
        )
        problem = unstorable(result.reps, result.load_kg, result.duration_s, result.distance_m)
        if problem:
            self.fail(path, problem)
        self.set_count += 1
        why = out_of_range(result)
        if why:
            # JSON has no meaningful line per set: line 0, and the path says where.
            reason = _("{path}: more than a person can do: {value}").format(
                path=f"{self.prefix}{path}", value=", ".join(why)
            )
            self.data.flagged_lines.append((0, reason))
            result = replace(result, flagged=True)
        return result

    def sessions(self, value: Any) -> None:
        for i, item in enumerate(self.array(value, "sessions")):
            path = f"sessions[{i}]"
            entry = self.obj(item, path)
            started = self.when(entry.get("started_at"), f"{path}.started_at")
            notes = self.text(entry.get("notes", ""), f"{path}.notes")
            assert notes is not None
            bodyweight = self.number(
                entry.get("bodyweight_kg"), f"{path}.bodyweight_kg", optional=True
            )
            sets = self.array(entry.get("sets", []), f"{path}.sets")
            self.data.sessions.append(
                Session(
                    started_at=started,
                    sets=tuple(self.one_set(s, f"{path}.sets[{j}]") for j, s in enumerate(sets)),
                    notes=notes,
                    bodyweight_kg=bodyweight,
                )
            )

    def programs(self, value: Any) -> None:
        for i, item in enumerate(self.array(value, "programs")):
            path = f"programs[{i}]"
            program = program_from_dict(self.obj(item, path), f"{self.source} {path}")
            days = []
            for d, day in enumerate(program.days):
                entries = []
                for e, entry in enumerate(day.entries):
                    where = f"{path}.days[{d}].entries[{e}]"
                    exercise = entry.exercise and self.exercise_slug(entry.exercise, where)
                    ladder = entry.ladder and self.exercise_slug(entry.ladder, where)
                    entries.append(replace(entry, exercise=exercise, ladder=ladder))
                days.append(replace(day, entries=tuple(entries)))
            checked = check_program(replace(program, days=tuple(days)), lambda _slug: True)
            self.data.programs.append(checked)

    def program_runs(self, value: Any) -> None:
        for i, item in enumerate(self.array(value, "program_runs")):
            path = f"program_runs[{i}]"
            entry = self.obj(item, path)
            name = self.text(entry.get("program"), f"{path}.program")
            ended = entry.get("ended_at")
            picks = []
            for j, pick in enumerate(self.array(entry.get("picks", []), f"{path}.picks")):
                where = f"{path}.picks[{j}]"
                got = self.obj(pick, where)
                day = self.whole(got.get("day"), f"{where}.day")
                assert day is not None
                picks.append(DayPick(self.when(got.get("picked_at"), f"{where}.picked_at"), day))
            self.data.program_runs.append(
                ProgramRun(
                    name or "",
                    self.when(entry.get("started_at"), f"{path}.started_at"),
                    None if ended is None else self.when(ended, f"{path}.ended_at"),
                    tuple(picks),
                )
            )

    def exercise_notes(self, value: Any) -> None:
        for slug, item in self.obj(value, "exercise_notes").items():
            path = f"exercise_notes.{slug}"
            note = self.text(item, path)
            assert note is not None
            self.data.exercise_notes[self.exercise_slug(slug, path)] = note


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(_("{name} is not a number").format(name=name))


def read_backup_json(text: str, source: str, catalog: Catalog) -> ImportedData:
    """Parse and check a backup; raise InputError naming `source` and the JSON path of a bad value.

    Custom exercises whose slug is taken by a built-in exercise get a free slug, and their sets
    follow. `rows_read` counts sets. Out-of-range sets are flagged with line 0 in
    `flagged_lines` (the reason starts with the JSON path).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(_("the file is empty"), f"{source} line 1")
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        where = _("{file} line {line}").format(file=source, line=exc.lineno)
        raise InputError(_("this is not valid JSON ({msg})").format(msg=exc.msg), where) from None
    except RecursionError:
        raise InputError(
            _("this JSON is nested too deeply to be a hiplog backup"), source
        ) from None
    except ValueError as exc:
        raise InputError(_("this is not valid JSON ({exc})").format(exc=exc), source) from None
    reader = _Reader(source, catalog)
    document = reader.obj(doc, "")
    reader.header(document)
    reader.exercises(document.get("exercises", []))
    if "athletes" in document:
        _read_athletes(reader, document["athletes"])
    else:
        name = reader.text(document.get("athlete", ""), "athlete") or ""
        reader.data.athlete = " ".join(name.split())
        _read_athlete_part(reader, document)
    reader.data.rows_read = reader.set_count
    return reader.data


def _read_athlete_part(reader: _Reader, part: dict[str, Any]) -> None:
    reader.settings(part.get("settings", {}))
    reader.bodyweights(part.get("bodyweights", []))
    reader.body_measurements(part.get("body_measurements", []))
    reader.sessions(part.get("sessions", []))
    reader.programs(part.get("programs", []))
    reader.program_runs(part.get("program_runs", []))
    reader.exercise_notes(part.get("exercise_notes", {}))


def _read_athletes(reader: _Reader, value: Any) -> None:
    """Each athlete's part of an every-athlete backup, into `reader.data.athletes` by name."""
    whole = reader.data
    for i, item in enumerate(reader.array(value, "athletes")):
        path = f"athletes[{i}]"
        part = reader.obj(item, path)
        name = " ".join((reader.text(part.get("name"), f"{path}.name") or "").split())
        if not name:
            reader.fail(f"{path}.name", _("an athlete needs a name"))
        if name in whole.athletes:
            reader.fail(f"{path}.name", _("'{name}' appears twice").format(name=name))
        reader.data = ImportedData(source_format=whole.source_format)
        reader.prefix = f"{path}."
        _read_athlete_part(reader, part)
        whole.athletes[name] = reader.data
        whole.sessions.extend(reader.data.sessions)  # for the preview and the load checks
        whole.flagged_lines.extend(reader.data.flagged_lines)
    reader.data, reader.prefix = whole, ""
