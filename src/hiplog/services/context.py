"""The open data a session of hiplog works on: the database, its catalog and its settings."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import Exercise
from hiplog.domain.settings import ProgressionSettings
from hiplog.resources import resource_path
from hiplog.services.locations import Locations, resolve_locations
from hiplog.storage import exercise_repo, settings_repo
from hiplog.storage.database import Database, open_database, open_server_database


@cache
def builtin_catalog() -> Catalog:
    """The catalog shipped in resources/catalog.json."""
    return Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))


def _sync_builtins(db: Database) -> None:
    """Bring the built-in exercises up to date, taking the write lock only when something
    changed: a command that only reads then never waits behind a writer, and works on a
    read-only file."""
    with db.reader() as tx:
        if exercise_repo.builtins_in_sync(tx, builtin_catalog()):
            return
    if db.read_only:
        return  # the file's own catalog is read as it is
    with db.transaction() as tx:
        exercise_repo.sync_builtins(tx, builtin_catalog())


def open_location(locations: Locations) -> Database:
    """The server database when `locations` names one, else the file (created, migrated)."""
    if locations.database_url:
        return open_server_database(locations.database_url)
    return open_database(locations.database, backups_dir=locations.backups)


class AppContext:
    """An open database plus cached lookups. Services take it as their first argument."""

    def __init__(self, db: Database, locations: Locations) -> None:
        self.db = db
        self.locations = locations
        self._catalog: Catalog | None = None
        self._settings: ProgressionSettings | None = None

    @classmethod
    def open(cls, locations: Locations) -> AppContext:
        """Open (create, migrate) the database and bring the built-in catalog up to date."""
        db = open_location(locations)
        try:
            _sync_builtins(db)
        except BaseException:
            db.close()
            raise
        return cls(db, locations)

    @classmethod
    def open_path(cls, path: Path) -> AppContext:
        """Open a database file at `path` (tests, benchmarks)."""
        return cls.open(resolve_locations(str(path)))

    @classmethod
    def open_url(cls, url: str, local: Path | None = None) -> AppContext:
        """Open the server database at `url`; `local` replaces the local database file the
        backups folder is beside (tests, benchmarks)."""
        locations = resolve_locations(db_url=url)
        if local is not None:
            locations = replace(locations, database=local, backups=local.parent / "backups")
        return cls.open(locations)

    def catalog(self) -> Catalog:
        if self._catalog is None:
            with self.db.reader() as tx:
                self._catalog = exercise_repo.load_catalog(tx)
        return self._catalog

    def exercise(self, slug: str) -> Exercise:
        return self.catalog()[slug]

    def settings(self) -> ProgressionSettings:
        if self._settings is None:
            with self.db.reader() as tx:
                self._settings = ProgressionSettings.from_strings(settings_repo.load_settings(tx))
        return self._settings

    def invalidate(self) -> None:
        """Forget cached catalog and settings after they changed."""
        self._catalog = None
        self._settings = None

    def reopen(self) -> None:
        """Close the database and open the file at the same place again (after a restore).

        Everything cached is forgotten; objects holding this context keep working.
        """
        self.db.close()
        self.db = open_location(self.locations)
        _sync_builtins(self.db)
        self.invalidate()

    def close(self) -> None:
        self.db.close()
