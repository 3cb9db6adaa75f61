"""exercise notes: what stays with an exercise (bench height, foot stance, pad position)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 00:50:00

Adds exercises.note, empty for every exercise already there. The note is the person's, for
built-in and own exercises alike, so it is a column beside facts_json (which a new catalog
overwrites) and not one of the facts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "exercises",
        sa.Column("note", sa.Text(), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("exercises", schema=None) as batch_op:
        batch_op.drop_column("note")
