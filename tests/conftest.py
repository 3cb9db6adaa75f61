"""Fixtures for the whole suite: a throwaway PostgreSQL server, and a fresh database on it for
each test that asks for one (`pg_url`), or for each test run on both engines (`backend`).

The server is HIPLOG_TEST_DATABASE_URL when set (a role that may CREATE DATABASE), else a cluster
this session starts itself in a temporary folder (tests/pg_cluster.py) and removes at the end.
Without PostgreSQL binaries the PostgreSQL half skips with the reason printed, except under
CI=true, where it fails: CI must run it.

Every test also runs in English under LANG=C, whatever the developer's own locale is: the contract
tests compare text and JSON with what architecture.md and progression.md say, so the language must
not come from the machine. A test of another language sets it itself (monkeypatch the
environment, or `set_language`), and the language is put back after each test.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests import pg_cluster
from tests.targets import PgDatabases, Target, admin, database_url

from hiplog.domain.translation import set_language

if TYPE_CHECKING:
    from hiplog.services.context import AppContext

URL_ENV = "HIPLOG_TEST_DATABASE_URL"
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL database on a server where tests may create databases."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    bin_dir = pg_cluster.find_bin_dir()
    if bin_dir is None:
        reason = (
            "no PostgreSQL binaries (initdb) found: install the postgresql package or set "
            f"{URL_ENV}"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    cluster = pg_cluster.Cluster(bin_dir)
    cluster.start()
    try:
        yield cluster.url("postgres")
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The name of a database migrated to the head revision with the built-in catalog: new
    test databases are copies of it (CREATE DATABASE ... TEMPLATE, a few milliseconds)."""
    from hiplog.services.context import AppContext

    name = f"hiplog_template_{os.getpid()}"
    admin(pg_server, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    local = tmp_path_factory.mktemp("pg-template") / "local.db"
    AppContext.open_url(database_url(pg_server, name), local=local).close()
    return name


@pytest.fixture
def pg_url(pg_server: str, pg_template: str) -> Iterator[str]:
    """A URL of a new hiplog database on the test server, dropped after the test."""
    name = f"hiplog_test_{os.getpid()}_{next(_counter)}"
    admin(pg_server, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield database_url(pg_server, name)
    admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg_databases(pg_server: str, pg_template: str) -> Iterator[PgDatabases]:
    databases = PgDatabases(pg_server, pg_template)
    yield databases
    for name in list(databases.made):
        databases.drop(name)


@pytest.fixture
def empty_pg_url(pg_server: str) -> Iterator[str]:
    """A URL of a new, empty database (no schema) on the test server."""
    name = f"hiplog_empty_{os.getpid()}_{next(_counter)}"
    admin(pg_server, f"CREATE DATABASE {name}")
    yield database_url(pg_server, name)
    admin(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Runs a test once on a SQLite file and once on a PostgreSQL database."""
    return str(request.param)


@pytest.fixture
def fresh_ctx(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    """hiplog on a new database of `backend`: a file in tmp_path, or a PostgreSQL database
    (its local backups folder in tmp_path)."""
    from hiplog.services.context import AppContext

    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        context = AppContext.open_url(url, local=tmp_path / "local.db")
    else:
        context = AppContext.open_path(tmp_path / "t.db")
    yield context
    context.close()


@pytest.fixture
def target(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Target:
    """A new database of `backend` (SQLite and PostgreSQL) not yet opened. The user's data,
    config and log folders are in tmp_path, so that the command line on a server database keeps
    its local files (backups, error log) there."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("HIPLOG_DATABASE_URL", raising=False)
    monkeypatch.delenv("HIPLOG_DB", raising=False)
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        return Target(backend, home / "xdg_data_home" / "hiplog" / "hiplog.db", url)
    return Target(backend, tmp_path / "hiplog.db")


@pytest.fixture
def new_ctx(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[], AppContext]]:
    """Opens hiplog on another new database of `backend` at each call (a round trip from one
    database to the next); each is closed, and on PostgreSQL dropped, after the test."""
    from hiplog.services.context import AppContext

    opened: list[tuple[AppContext, str | None]] = []

    def open_new() -> AppContext:
        folder = tmp_path / f"new-{len(opened)}"
        folder.mkdir()
        if backend == "postgresql":
            name, url = request.getfixturevalue("pg_databases").new()
            opened.append((AppContext.open_url(url, local=folder / "local.db"), name))
        else:
            opened.append((AppContext.open_path(folder / "hiplog.db"), None))
        return opened[-1][0]

    yield open_new
    for context, name in opened:
        context.close()
        if name is not None:
            request.getfixturevalue("pg_databases").drop(name)


@pytest.fixture(autouse=True)
def _english_under_lang_c(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C")
    set_language(None)
    yield
    set_language(None)
