"""set write tokens: a set saved again after a lost acknowledgement is not added twice

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 05:10:00

Adds a nullable `write_token` (a uuid as text) to `sets`, unique. The Log view gives each set a
token when it is first saved and keeps it with the set while the set is unsaved; the insert
does nothing when a set with that token is there already (the server committed it, but the
client lost the connection before it heard so). Sets written before, imported or restored
have no token: NULLs never clash. An added nullable column and an index need no table copy on
SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sets", sa.Column("write_token", sa.String(length=36), nullable=True))
    op.create_index("uq_sets_write_token", "sets", ["write_token"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_sets_write_token", table_name="sets")
    with op.batch_alter_table("sets") as batch_op:
        batch_op.drop_column("write_token")
