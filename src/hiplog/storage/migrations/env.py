"""Alembic environment: runs on the connection hiplog hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from hiplog.storage.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through hiplog.storage.migrate, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
