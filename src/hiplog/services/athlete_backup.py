"""The JSON backup of every athlete of a database: written, and read back athlete by athlete.

A backup of one athlete is services/import_export.py's; this one keeps the shared custom
exercises once and each athlete's sessions, settings, body measurements, programs and notes under
their name (domain/backup_json.py has the shape). Importing it puts each part into the athlete
of that name, made if the database has none, so that export -> import -> export gives the same
file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.backup_json import AthleteBackup, write_athletes_backup_json
from hiplog.domain.catalog import Catalog
from hiplog.domain.imported_sessions import new_sessions
from hiplog.domain.models import ImportedData
from hiplog.services.context import AppContext
from hiplog.services.files import write_text_atomically
from hiplog.services.import_export import ImportSummary, add_custom_exercises, write_imported
from hiplog.storage import (
    athlete_repo,
    body_repo,
    exercise_repo,
    program_repo,
    session_repo,
    settings_repo,
)
from hiplog.storage.athlete_scope import working_for


def export_every_athlete(ctx: AppContext, path: Path, protected: list[Path], replace: bool) -> int:
    """Write the backup of every athlete; returns the number of sets in it."""
    customs = [e for e in ctx.catalog() if e.custom]

    def write(handle: TextIO) -> int:
        parts: list[AthleteBackup] = []
        with ctx.db.reader() as tx:
            for athlete in athlete_repo.athletes(tx):
                with working_for(tx, athlete.id):
                    parts.append(
                        AthleteBackup(
                            athlete.name,
                            list(session_repo.iter_all_sessions(tx)),
                            settings_repo.load_settings(tx),
                            body_repo.measurements(tx),
                            program_repo.list_programs(tx),
                            program_repo.runs(tx),
                            exercise_repo.notes(tx),
                        )
                    )
        write_athletes_backup_json(customs, parts, handle)
        return sum(len(s.sets) for part in parts for s in part.sessions)

    return write_text_atomically(path, write, replace=replace, protected=protected)


def adopt_fresh_athlete(tx: OrmSession, names: list[str]) -> None:
    """A new database's only athlete, with nothing of theirs yet, takes the backup's first
    athlete's name, rather than staying beside them empty."""
    found = athlete_repo.athletes(tx)
    if len(found) != 1 or not names or found[0].name in names:
        return
    only = found[0]
    with working_for(tx, only.id):
        empty = not (
            only.sessions
            or settings_repo.load_settings(tx)
            or body_repo.measurements(tx)
            or program_repo.list_programs(tx)
            or exercise_repo.notes(tx)
        )
    if empty:
        athlete_repo.rename_athlete(tx, only.id, names[0])


def import_every_athlete(
    tx: OrmSession, catalog: Catalog, data: ImportedData, dry_run: bool, summary: ImportSummary
) -> None:
    """Write each athlete's part of the backup for the athlete of that name (in the caller's
    transaction); the summary counts them all."""
    remap = add_custom_exercises(tx, catalog, data.custom_exercises, dry_run)
    renamed = {old: new for old, new in remap.items() if old != new}
    if not dry_run:
        adopt_fresh_athlete(tx, list(data.athletes))
    summary.custom_exercises = [e.name for e in data.custom_exercises]
    used: set[str] = set()
    for name, part in data.athletes.items():
        athlete = athlete_repo.athlete_id(tx, name)
        if athlete is None:
            athlete = athlete_repo.add_athlete(tx, name, datetime.now().replace(microsecond=0))
        with working_for(tx, athlete):
            part.exercise_notes = {renamed.get(k, k): v for k, v in part.exercise_notes.items()}
            starts = session_repo.session_starts(tx)
            colliding = [sid for s in part.sessions for sid in starts.get(s.started_at, [])]
            fresh, skipped = new_sessions(
                part.sessions, session_repo.sessions_with_ids(tx, colliding), renamed
            )
            summary.sessions_skipped += skipped
            summary.sessions += len(fresh)
            used |= {s.exercise for session in fresh for s in session.sets}
            if dry_run:
                summary.sets_imported += sum(len(s.sets) for s in fresh)
            else:
                summary.sets_imported += write_imported(tx, part, fresh)
    summary.exercises_mapped = sorted(
        catalog[slug].name for slug in used if slug in catalog and not catalog[slug].custom
    )
