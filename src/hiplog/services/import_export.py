"""Import other apps' exports and hiplog's own files; export the hiplog CSV and JSON backup."""

from __future__ import annotations

import gc
import hashlib
import json
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.backup_json import read_backup_json, write_backup_json
from hiplog.domain.catalog import Catalog, free_slug, normalise_name
from hiplog.domain.errors import InputError
from hiplog.domain.formats import detect_format
from hiplog.domain.hiplog_csv import read_hiplog_csv, write_hiplog_csv
from hiplog.domain.import_checks import load_checks
from hiplog.domain.import_review import GROUP_TITLES, Group, apply_choices, review_rows
from hiplog.domain.imported_sessions import new_sessions
from hiplog.domain.importers import FORMATS as IMPORT_FORMATS
from hiplog.domain.importers.fitnotes import read_fitnotes_csv
from hiplog.domain.importers.fitnotes_backup import read_fitnotes_backup
from hiplog.domain.importers.hevy import read_hevy
from hiplog.domain.importers.strong import read_strong
from hiplog.domain.locale_format import localize_number
from hiplog.domain.models import Exercise, ImportedData, Role, Session
from hiplog.domain.text_decoding import decode_text
from hiplog.domain.translation import _, exercise_name, ngettext
from hiplog.domain.units import Unit
from hiplog.domain.wording import sets_text
from hiplog.services.backups import backup_before_import
from hiplog.services.context import AppContext
from hiplog.services.files import write_text_atomically
from hiplog.storage import (
    body_repo,
    exercise_repo,
    import_repo,
    program_repo,
    session_repo,
    settings_repo,
)

# The summary names this many new custom exercises; the rest are counted.
SUMMARY_NAMES = 20

FORMATS = IMPORT_FORMATS  # re-exported: the Import dialog lists them


@dataclass
class ImportSummary:
    """What an import read and did, for the command line and the Import dialog."""

    file: str
    format: str
    rows_read: int = 0
    sets_imported: int = 0
    rest_rows: int = 0
    note_rows: int = 0
    sessions: int = 0
    sessions_skipped: int = 0
    exercises_mapped: list[str] = field(default_factory=list)
    custom_exercises: list[str] = field(default_factory=list)
    flagged: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0
    already_imported: bool = False
    dry_run: bool = False
    # Exercise names per group ("hip", "other", "unsure"), with their set counts.
    groups: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    unit_changed: str = ""  # the display unit the import set ("lb"), if it changed it
    checks: list[str] = field(default_factory=list)  # loads that look wrong, to check

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The summary in plain words, in the current language."""
        if self.already_imported:
            return [_("{file} was imported before; nothing was added.").format(file=self.file)]
        left_out = [
            text.format(count=count)
            for count, text in (
                (
                    self.rest_rows,
                    ngettext("{count} rest-timer row", "{count} rest-timer rows", self.rest_rows),
                ),
                (self.note_rows, ngettext("{count} note row", "{count} note rows", self.note_rows)),
            )
            if count
        ]
        counts = {
            "file": self.file,
            "format": self.format,
            "rows": ngettext("{count} row", "{count} rows", self.rows_read).format(
                count=self.rows_read
            ),
            "sets": sets_text(self.sets_imported),
            "sessions": _sessions(self.sessions),
            "seconds": localize_number(f"{self.seconds:.2f}"),
        }
        if self.dry_run:
            first = _(
                "{file} ({format}): read {rows}, would import {sets} in {sessions} in {seconds} s."
            )
        else:
            first = _(
                "{file} ({format}): read {rows}, imported {sets} in {sessions} in {seconds} s."
            )
        first = first.format(**counts)
        if left_out:
            first += " " + _("Not sets, left out: {rows}.").format(rows=_(" and ").join(left_out))
        out = [first]
        if self.sessions_skipped:
            out.append(
                ngettext(
                    "{count} session was already in hiplog and left as it was.",
                    "{count} sessions were already in hiplog and left as they were.",
                    self.sessions_skipped,
                ).format(count=self.sessions_skipped)
            )
        if self.exercises_mapped:
            names = ", ".join(exercise_name(n) for n in self.exercises_mapped)
            out.append(_("Matched to hiplog's exercises: {names}.").format(names=names))
        out.extend(self._group_lines())
        if self.unit_changed:
            if self.dry_run:
                text = _(
                    "The file's loads are in {unit}, so hiplog would show {unit} "
                    "(Edit > Settings changes it)."
                )
            else:
                text = _(
                    "The file's loads are in {unit}, so hiplog now shows {unit} "
                    "(Edit > Settings changes it)."
                )
            out.append(text.format(unit=self.unit_changed))
        out.extend(_("To check: {text}.").format(text=text) for text in self.checks)
        for line, why in self.flagged:
            if line:
                text = _("Flagged line {line}: {why} (kept, left out of charts and suggestions).")
            else:
                text = _("Flagged {why} (kept, left out of charts and suggestions).")
            out.append(text.format(line=line, why=why))
        return out

    def _group_lines(self) -> list[str]:
        out: list[str] = []
        notes = {
            Group.HIP: _("new, counted as hip work"),
            Group.OTHER: _("kept and exported, left out of the Plan and every hip figure"),
            Group.UNSURE: _(
                "the name says too little; made other training, move any that is hip work in "
                "the Exercises view"
            ),
        }
        for group, note in notes.items():
            names = self.groups.get(group.value, [])
            if not names:
                continue
            shown = [f"{name} ({sets})" for name, sets in names[:SUMMARY_NAMES]]
            rest = len(names) - len(shown)
            text = (
                _(
                    "{title}, {note} ({count}, sets in brackets): {names} and "
                    "{rest} more (the Exercises view lists them all)."
                )
                if rest
                else _("{title}, {note} ({count}, sets in brackets): {names}.")
            )
            out.append(
                text.format(
                    title=_(GROUP_TITLES[group]).split(" (")[0],
                    note=note,
                    count=len(names),
                    names=", ".join(shown),
                    rest=rest,
                )
            )
        return out


def _sessions(count: int) -> str:
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


# No training export is this big; reading more would only run the computer out of memory.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: only a regular file (a pipe could block forever, /dev/zero never
    ends), and at most MAX_IMPORT_BYTES."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise InputError(_("this is not a regular file; import a file"), str(path))
        with path.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise InputError(
            _("cannot read the file: {value}").format(value=exc.strerror or exc), str(path)
        ) from exc
    if len(raw) > MAX_IMPORT_BYTES:
        raise InputError(
            _("the file is over {value} MB: no training export is").format(
                value=MAX_IMPORT_BYTES // 2**20
            ),
            str(path),
        )
    return raw


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an import reads and writes its sets.

    A large import makes hundreds of thousands of objects (cells, sets, rows) that all live
    until it ends and form no cycles: the collector would walk them over and over, a third of
    the time of a 100,000-set import, and free nothing. Objects are still freed as usual when
    no longer referenced; only the search for cycles waits, until the import is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_import_file(
    path: Path,
    catalog: Catalog,
    fmt: str = "auto",
    unit: Unit | None = None,
    raw: bytes | None = None,
) -> tuple[str, ImportedData]:
    """Parse a file into ImportedData without touching the database.

    `raw` is the file's content when the caller has read it already.
    """
    with _collector_paused():
        return _read_import_file(path, catalog, fmt, unit, raw)


def _read_import_file(
    path: Path, catalog: Catalog, fmt: str, unit: Unit | None, raw: bytes | None
) -> tuple[str, ImportedData]:
    source = path.name
    if raw is None:
        raw = _read_bytes(path)
    if fmt == "auto":
        fmt = detect_format(raw[:65536], source)
    if fmt not in FORMATS:
        raise InputError(
            _("unknown format '{fmt}'; choose one of {value}").format(
                fmt=fmt, value=", ".join(FORMATS[1:])
            )
        )
    if fmt == "fitnotes-backup":
        return fmt, read_fitnotes_backup(path, source, catalog)
    text = decode_text(raw, source)
    readers: dict[str, Callable[[], ImportedData]] = {
        "hiplog": lambda: read_hiplog_csv(text, source, catalog),
        "hiplog-json": lambda: read_backup_json(text, source, catalog),
        "strong": lambda: read_strong(text, source, catalog, unit),
        "hevy": lambda: read_hevy(text, source, catalog),
        "fitnotes": lambda: read_fitnotes_csv(text, source, catalog),
    }
    return fmt, readers[fmt]()


def _summary_of_read(
    name: str, fmt: str, data: ImportedData, catalog: Catalog, dry_run: bool
) -> ImportSummary:
    """What the file held, before anything is written: rows, groups and the loads to check."""
    return ImportSummary(
        file=name,
        format=fmt,
        rows_read=data.rows_read,
        rest_rows=data.rest_rows,
        note_rows=data.note_rows,
        flagged=list(data.flagged_lines),
        dry_run=dry_run,
        groups=_groups(data, catalog),
        checks=[c.text() for c in load_checks(data.sessions, catalog, data.custom_exercises)],
    )


def import_file(
    ctx: AppContext,
    path: Path,
    fmt: str = "auto",
    unit: Unit | None = None,
    dry_run: bool = False,
    roles: Mapping[str, Role] | None = None,
    mapped: Mapping[str, str] | None = None,
) -> ImportSummary:
    """Import a file in one transaction: everything or nothing. The same file twice adds nothing.

    `roles` and `mapped` are the person's choices in the Import dialog's preview (by the slugs
    `read_import_file` gave the file's new exercises; see import_review.apply_choices). The first
    import of lb loads into a database without sets makes lb the display unit.
    """
    started = time.perf_counter()
    catalog = ctx.catalog()
    raw = _read_bytes(path)
    # Only a regular file is remembered: a pipe's next content is another file.
    digest = hashlib.sha256(raw).hexdigest() if path.is_file() else ""
    with ctx.db.reader() as tx:
        if digest and import_repo.already_imported(tx, digest) is not None:
            return ImportSummary(file=path.name, format=fmt, already_imported=True)
        first_sets = session_repo.count_sessions(tx) == 0
    fmt, data = read_import_file(path, catalog, fmt, unit, raw)
    del raw  # the file's bytes are not needed while the sets are written
    if roles or mapped:
        data = apply_choices(data, roles or {}, mapped or {})
    summary = _summary_of_read(path.name, fmt, data, catalog, dry_run)
    if first_sets and data.load_unit == Unit.LB.value and ctx.settings().unit is not Unit.LB:
        summary.unit_changed = Unit.LB.value
    if not dry_run:
        # A verified copy first, so an import that was not wanted can be undone by a restore.
        backup_before_import(ctx)
    with _collector_paused(), ctx.db.transaction() as tx:
        # Checked again under the write lock: the same file imported at the same moment by
        # another process has then been recorded (this one adds nothing) or waits for this one.
        if digest and not dry_run and import_repo.already_imported(tx, digest) is not None:
            return ImportSummary(file=path.name, format=fmt, already_imported=True)
        if data.athletes:  # a backup of every athlete (cyclic import: it builds on this module)
            from hiplog.services.athlete_backup import import_every_athlete

            import_every_athlete(tx, catalog, data, dry_run, summary)
            fresh = []
        else:
            if data.athlete and not dry_run:
                from hiplog.services.athlete_backup import adopt_fresh_athlete

                adopt_fresh_athlete(tx, [data.athlete])
            fresh = _sessions_to_add(tx, catalog, data, dry_run, summary)
        if dry_run:
            summary.sets_imported = summary.sets_imported or sum(len(s.sets) for s in fresh)
            tx.rollback()
        else:
            if not data.athletes:
                summary.sets_imported = write_imported(tx, data, fresh)
            if summary.unit_changed:
                settings_repo.save_settings(tx, {"unit": summary.unit_changed})
            summary.seconds = time.perf_counter() - started
            if digest:
                import_repo.record_import(
                    tx, digest, path.name, fmt, summary.sets_imported, json.dumps(summary.to_json())
                )
    ctx.invalidate()
    summary.seconds = time.perf_counter() - started
    return summary


def _groups(data: ImportedData, catalog: Catalog) -> dict[str, list[tuple[str, int]]]:
    """The new exercises' names by group, with their set counts (for the summary)."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for row in review_rows(data, catalog):
        if row.new:
            groups.setdefault(row.group.value, []).append((row.name, row.sets))
    return groups


def _sessions_to_add(
    tx: OrmSession, catalog: Catalog, data: ImportedData, dry_run: bool, summary: ImportSummary
) -> list[Session]:
    """Add the file's custom exercises, then pick the file's sessions hiplog does not hold yet
    (a session equal to a stored one at the same start time was imported before)."""
    remap = add_custom_exercises(tx, catalog, data.custom_exercises, dry_run)
    starts = session_repo.session_starts(tx)
    colliding = [sid for s in data.sessions for sid in starts.get(s.started_at, [])]
    renamed = {old: new for old, new in remap.items() if old != new}
    data.exercise_notes = {renamed.get(k, k): v for k, v in data.exercise_notes.items()}
    fresh, summary.sessions_skipped = new_sessions(
        data.sessions, session_repo.sessions_with_ids(tx, colliding), renamed
    )
    used = {s.exercise for session in fresh for s in session.sets}
    summary.exercises_mapped = sorted(  # by name, as the person knows them
        catalog[slug].name for slug in used if slug in catalog and not catalog[slug].custom
    )
    summary.custom_exercises = [e.name for e in data.custom_exercises]
    summary.sessions = len(fresh)
    return fresh


def write_imported(tx: OrmSession, data: ImportedData, fresh: list[Session]) -> int:
    """Store the new sessions, the file's bodyweights, its settings and its programs; returns
    the number of sets stored."""
    sets = session_repo.add_sessions_bulk(tx, fresh)
    for entry in data.bodyweights:
        body_repo.add_bodyweight(tx, entry)
    for measurement in data.body_measurements:
        if body_repo.on_day(tx, measurement.measured_at.date()) is None:  # one entry a day
            body_repo.add(tx, measurement)
    if data.settings:
        settings_repo.save_settings(tx, data.settings)
    if data.programs:
        program_repo.merge(tx, data.programs, data.program_runs)
    for slug, note in data.exercise_notes.items():
        exercise_repo.set_note(tx, slug, note)
    return sets


def add_custom_exercises(
    tx: OrmSession, catalog: Catalog, customs: list[Exercise], dry_run: bool
) -> dict[str, str]:
    """Add the file's custom exercises, reusing ones hiplog already has by name.

    Returns a map from the file's slug to the slug in the database.
    """
    remap: dict[str, str] = {}
    taken = {e.slug for e in catalog}
    for exercise in customs:
        known = catalog.resolve(exercise.name)
        if known is not None and normalise_name(known.name) == normalise_name(exercise.name):
            remap[exercise.slug] = known.slug
            continue
        slug = free_slug(exercise.slug, taken)
        taken.add(slug)
        remap[exercise.slug] = slug
        if not dry_run:
            exercise_repo.save_custom(tx, replace(exercise, slug=slug, custom=True))
    return remap


def _name_of(catalog: Catalog) -> Callable[[str], str]:
    def name_of(slug: str) -> str:
        exercise = catalog.get(slug)
        return exercise.name if exercise is not None and exercise.custom else slug

    return name_of


def _protected(ctx: AppContext) -> list[Path]:
    """What an export must never replace: the database, its logs, and the backups folder."""
    database = ctx.locations.database
    logs = [Path(f"{database}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    return [database, *logs, ctx.locations.backups]


def export_csv(ctx: AppContext, path: Path, replace: bool = False) -> int:
    """Write every set as the hiplog CSV; returns the number of rows.

    An existing file is replaced only when `replace` says so; a database never is.
    """
    name_of = _name_of(ctx.catalog())

    def write(handle: TextIO) -> int:
        with ctx.db.reader() as tx:
            return write_hiplog_csv(session_repo.iter_all_sessions(tx), name_of, handle)

    return write_text_atomically(path, write, replace=replace, protected=_protected(ctx))


def export_json(
    ctx: AppContext,
    path: Path,
    replace: bool = False,
    into_backups: bool = False,
    everyone: bool = False,
) -> int:
    """Write the full JSON backup (custom exercises, settings and body measurements included)
    of the athlete, or of `everyone` in the database.

    An existing file is replaced only when `replace` says so; a database never is. Only
    `into_backups` (a server database's backup, services.backups) may write into the backups
    folder.
    """
    protected = _protected(ctx)
    if into_backups:
        protected.remove(ctx.locations.backups)
    if everyone:  # cyclic import: athlete_backup builds on this module
        from hiplog.services.athlete_backup import export_every_athlete

        return export_every_athlete(ctx, path, protected, replace)
    customs = [e for e in ctx.catalog() if e.custom]
    athlete = ctx.athlete

    def write(handle: TextIO) -> int:
        with ctx.db.reader() as tx:
            sessions = list(session_repo.iter_all_sessions(tx))
            write_backup_json(
                sessions,
                customs,
                settings_repo.load_settings(tx),
                body_repo.measurements(tx),
                handle,
                programs=program_repo.list_programs(tx),
                runs=program_repo.runs(tx),
                exercise_notes=exercise_repo.notes(tx),
                athlete=athlete,
            )
        return sum(len(s.sets) for s in sessions)

    return write_text_atomically(path, write, replace=replace, protected=protected)
