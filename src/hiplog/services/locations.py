"""Where hiplog keeps its files: the database, backups, settings and the log."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from hiplog import APP_NAME

DB_ENV = "HIPLOG_DB"
URL_ENV = "HIPLOG_DATABASE_URL"


@dataclass(frozen=True)
class Locations:
    database: Path
    backups: Path
    config_dir: Path
    log_dir: Path
    # A PostgreSQL URL when hiplog works on a server database; `database` is then the local
    # file a person may open instead, and `backups` the local backups folder.
    database_url: str | None = None

    @property
    def log_file(self) -> Path:
        return self.log_dir / "hiplog.log"


def resolve_locations(
    db_arg: str | None = None, env: Mapping[str, str] | None = None, db_url: str | None = None
) -> Locations:
    """`--db-url URL` or `--db PATH`, else $HIPLOG_DATABASE_URL, else $HIPLOG_DB, else the
    platform's user data folder. Creates nothing."""
    env = os.environ if env is None else env
    url = db_url or (None if db_arg else env.get(URL_ENV) or None)
    if url:
        local = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "hiplog.db"
        return replace(_file_locations(local), database_url=url)
    if db_arg:
        database = Path(db_arg).expanduser()
    elif env.get(DB_ENV):
        database = Path(env[DB_ENV]).expanduser()
    else:
        database = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "hiplog.db"
    return _file_locations(database)


def _file_locations(database: Path) -> Locations:
    database = database.absolute()
    return Locations(
        database=database,
        backups=database.parent / "backups",
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
