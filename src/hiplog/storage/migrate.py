"""Bring a database file's schema up to date through Alembic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

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
    with engine.begin() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if not sqlite:
            connection.execute(text(f"SELECT pg_advisory_xact_lock({APPLICATION_ID})"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if sqlite:
            connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
