"""Databases for the tests: one of either engine, as the command line and AppContext open it
(Target), and databases on the test PostgreSQL server (admin, PgDatabases)."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from hiplog.services.context import AppContext


@dataclass(frozen=True)
class Target:
    """One database of either engine, for a test that opens it more than once, or through the
    command line: a SQLite file, or a PostgreSQL database (its local files in tmp_path)."""

    backend: str
    path: Path
    url: str | None = None

    def cli(self) -> list[str]:
        """The command-line options that open this database."""
        return ["--db-url", self.url] if self.url else ["--db", str(self.path)]

    def open(self) -> AppContext:
        from hiplog.services.context import AppContext

        if self.url:
            return AppContext.open_url(self.url, local=self.path)
        return AppContext.open_path(self.path)


_counter = itertools.count(1)


def admin(server_url: str, *statements: str) -> None:
    """Run statements outside a transaction (CREATE/DROP DATABASE) on the test server."""
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def database_url(server_url: str, name: str) -> str:
    """The URL of database `name` on the server of `server_url`."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


class PgDatabases:
    """Makes databases on the test server that outlive one test (a history imported once and
    read by many tests, a per-module template), and drops them all at the end of the session."""

    def __init__(self, server_url: str, template: str) -> None:
        self.server_url = server_url
        self.template = template
        self.made: list[str] = []

    def new(self, template: str | None = None) -> tuple[str, str]:
        """A new database copied from `template` (default: the migrated, empty one): its name
        and URL."""
        name = f"hiplog_shared_{os.getpid()}_{next(_counter)}"
        admin(self.server_url, f"CREATE DATABASE {name} TEMPLATE {template or self.template}")
        self.made.append(name)
        return name, database_url(self.server_url, name)

    def drop(self, name: str) -> None:
        admin(self.server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if name in self.made:
            self.made.remove(name)
