"""Bring a database file's schema up to date through Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

from hiplog.storage.engine import APPLICATION_ID

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def script_revisions() -> list[str]:
    """Every revision in the migration scripts, oldest first (imports Alembic: not at start-up)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration in one transaction and mark the file as hiplog's.

    On PostgreSQL (transactional DDL) an advisory lock makes clients that start together on an
    empty database wait for the first one's schema instead of creating it twice."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # SQLite copies a table to change it (batch mode): with foreign keys on, dropping the
        # old `sessions` would delete its sets. They are off for the migration (a PRAGMA that
        # only works outside a transaction), and every reference is checked before the commit.
        raw = connection.connection.dbapi_connection
        assert raw is not None
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if not sqlite:
                    # Two clients migrating one server database: the second waits, then finds
                    # nothing left to do.
                    connection.execute(text(f"SELECT pg_advisory_xact_lock({APPLICATION_ID})"))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    _check_references(connection)
                    connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def _check_references(connection: Connection) -> None:
    """Refuse (and so roll back) a migration that left a row pointing at nothing."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        raise RuntimeError(f"the migration left a broken reference in the table {broken[0]}")
