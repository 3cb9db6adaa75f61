"""exercise roles: catalog, the person's own hip exercise, or other training (issue 12)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 23:55:00

Adds exercises.role. Built-in exercises are "catalog"; every custom exercise gets its role by
the same name rules as an import (name_recognition.with_role_by_rules): muscles or length the
person edited are kept, the old import defaults ("glute max", mid) are replaced by what the name
says. Nothing else changes: no set moves, no exercise is removed.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from hiplog.domain.catalog import Catalog, exercise_from_dict, exercise_to_dict
from hiplog.domain.name_recognition import with_role_by_rules

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "exercises",
        sa.Column("role", sa.String(length=10), server_default="catalog", nullable=False),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, custom, position, facts_json FROM exercises")
    ).all()
    builtins = [
        exercise_from_dict(json.loads(facts), position=position)
        for _, custom, position, facts in rows
        if not custom
    ]
    catalog = Catalog(builtins)
    for row_id, custom, position, facts in rows:
        if not custom:
            continue
        exercise = exercise_from_dict(json.loads(facts), position=position, custom=True)
        given = with_role_by_rules(exercise, catalog)
        new_facts = exercise_to_dict(given)
        role = new_facts.pop("role")
        connection.execute(
            sa.text("UPDATE exercises SET role = :role, facts_json = :facts WHERE id = :id"),
            {"role": role, "facts": json.dumps(new_facts, sort_keys=True), "id": row_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("exercises", schema=None) as batch_op:
        batch_op.drop_column("role")
