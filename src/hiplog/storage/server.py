"""A hiplog database on a PostgreSQL server: the engine, what is there before opening, and how
the server is named in messages (never with its password).

The URL is `postgresql+psycopg://user@host/dbname`; libpq's own ways of giving a password
(`~/.pgpass`, PGPASSWORD, a service file) and `sslmode` work as usual, since psycopg hands the
connection to libpq. psycopg is imported by SQLAlchemy only when a server URL is used.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from hiplog.domain.errors import DatabaseError
from hiplog.domain.translation import _
from hiplog.storage.inspection import OUR_TABLES, FileState, Inspection, by_revision

SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
# A desktop client: a few connections at most (the window's, one for a background read), a
# quick answer when the server is away, and no statement left running for minutes.
POOL_SIZE = 2
MAX_OVERFLOW = 3
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30_000
LOCK_TIMEOUT_MS = 10_000
# The NOTIFY channel a commit that changed training data announces itself on.
CHANGES_CHANNEL = "hiplog_changes"

_PASSWORD_IN_TEXT = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)
_USERINFO = re.compile(r"(//[^/:@\s]*):[^@/\s]*@")


def is_server_url(value: str) -> bool:
    return value.strip().lower().startswith(SCHEMES)


def mask(text_: str) -> str:
    """`text_` with every password in it (in a URL or as password=...) replaced by ***."""
    return _PASSWORD_IN_TEXT.sub(r"\1***", _USERINFO.sub(r"\1:***@", text_))


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for a hiplog server URL (always the psycopg 3 driver)."""
    value = url.strip()
    if value.lower().startswith("postgres://"):
        value = "postgresql://" + value[len("postgres://") :]
    try:
        parsed = make_url(value)
    except ArgumentError as exc:
        raise DatabaseError(
            _("the database URL {url} cannot be read").format(url=mask(url)), kind="url"
        ) from exc
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseError(
            _(
                "the database URL {url} is not a PostgreSQL URL (postgresql+psycopg://user@host/db)"
            ).format(url=mask(url)),
            kind="url",
        )
    parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.database:
        raise DatabaseError(
            _(
                "the database URL {url} names no database (postgresql+psycopg://user@host/db)"
            ).format(url=mask(url)),
            kind="url",
        )
    return parsed


def describe(url: URL) -> str:
    """'database D on host H port P' (no user, no password), for messages."""
    host = url.host or url.query.get("host") or _("the local socket")
    if isinstance(host, tuple):
        host = ",".join(host)
    port = url.port or url.query.get("port")
    if port:
        return _("database {name} on {host} port {port}").format(
            name=url.database, host=host, port=port
        )
    return _("database {name} on {host}").format(name=url.database, host=host)


def make_server_engine(url: URL) -> Engine:
    try:
        return create_engine(
            url,
            pool_size=POOL_SIZE,
            max_overflow=MAX_OVERFLOW,
            pool_timeout=CONNECT_TIMEOUT_S * 2,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args=connect_args(),
        )
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            _(
                "a server database needs psycopg: install hiplog[server] (pip install "
                "'hiplog[server]')"
            ),
            kind="driver",
        ) from exc


def connect_args() -> dict[str, Any]:
    """libpq settings of every hiplog connection to a server."""
    options = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS}"
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "hiplog",
        "options": options,
    }


def inspect_server(engine: Engine) -> Inspection:
    """What the server database holds: nothing (EMPTY), hiplog's tables at some revision, or
    another program's tables (FOREIGN). Reads only."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if not tables:
        return Inspection(FileState.EMPTY)
    if "alembic_version" not in tables or not tables >= OUR_TABLES:
        others = ", ".join(sorted(tables - OUR_TABLES)[:3])
        return Inspection(
            FileState.FOREIGN, detail=_("it holds other tables ({tables})").format(tables=others)
        )
    return by_revision(revision)
