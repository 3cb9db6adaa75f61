"""The open data a session of hiplog works on: the database, its catalog, the athlete whose
training is shown and their settings.

Every service reads and writes for `ctx.athlete` only (storage/athlete_scope.py keeps each
transaction to them); `use_athlete` switches, forgetting what was cached for the last one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from hiplog.domain.catalog import Catalog
from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import _
from hiplog.resources import resource_path
from hiplog.services.locations import Locations, resolve_locations
from hiplog.storage import athlete_repo, exercise_repo, settings_repo
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
        self._athlete: str | None = None
        self.athlete_chosen = False  # an athlete was named (--athlete, a switch)

    @classmethod
    def open(cls, locations: Locations, athlete: str | None = None) -> AppContext:
        """Open (create, migrate) the database and bring the built-in catalog up to date.

        It works for `athlete` (an InputError naming the known ones if there is no such
        athlete), else for the first athlete of the database.
        """
        db = open_location(locations)
        try:
            _sync_builtins(db)
            ctx = cls(db, locations)
            if athlete is not None:
                ctx.use_athlete(athlete)
        except BaseException:
            db.close()
            raise
        return ctx

    @classmethod
    def open_path(cls, path: Path, athlete: str | None = None) -> AppContext:
        """Open a database file at `path` (tests, benchmarks)."""
        return cls.open(resolve_locations(str(path)), athlete)

    @property
    def athlete(self) -> str:
        """The name of the athlete whose training everything shows."""
        if self._athlete is None:
            with self.db.reader() as tx:
                self._athlete = athlete_repo.athlete_name(tx, self.db.athlete_id)
        return self._athlete

    def athlete_names(self) -> list[str]:
        with self.db.reader() as tx:
            return athlete_repo.athlete_names(tx)

    def athlete_id(self, name: str) -> int:
        """The id of the athlete called `name`; an InputError naming the known ones if there
        is no such athlete."""
        with self.db.reader() as tx:
            found = athlete_repo.athlete_id(tx, name)
        if found is None:
            known = ", ".join(self.athlete_names())
            raise InputError(
                _("there is no athlete '{name}' in {where}; known: {known}").format(
                    name=name, where=self.db.where, known=known
                )
            )
        return found

    def use_athlete(self, name: str) -> None:
        """Work for the athlete called `name` from now on."""
        self.db.use_athlete(self.athlete_id(name))
        self.invalidate()
        self._athlete = name
        self.athlete_chosen = True

    @classmethod
    def open_url(
        cls, url: str, local: Path | None = None, athlete: str | None = None
    ) -> AppContext:
        """Open the server database at `url`; `local` replaces the local database file the
        backups folder is beside (tests, benchmarks)."""
        locations = resolve_locations(db_url=url)
        if local is not None:
            locations = replace(locations, database=local, backups=local.parent / "backups")
        return cls.open(locations, athlete)

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
        """Forget cached catalog, settings and athlete name after they changed."""
        self._catalog = None
        self._settings = None
        self._athlete = None

    def reopen(self) -> None:
        """Close the database and open the file at the same place again (after a restore).

        Everything cached is forgotten; objects holding this context keep working. The same
        athlete stays open if the file still holds them, else its first athlete.
        """
        athlete = self._athlete
        self.db.close()
        self.db = open_location(self.locations)
        _sync_builtins(self.db)
        self.invalidate()
        self._athlete = None
        if athlete is not None and athlete in self.athlete_names():
            self.use_athlete(athlete)

    def close(self) -> None:
        self.db.close()
