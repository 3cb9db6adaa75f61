"""body measurements: bodyweight, hip and thigh circumference on a day

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 02:20:00

The `bodyweights` table (measured_at, kg) becomes `body_measurements` (measured_at and an
optional bodyweight_kg, hip_cm and thigh_cm, at least one of them, each within what a person
has: 20-400 kg, 20-250 cm). Every bodyweight entry moves over with its id and time. An entry no
person has (under 20 kg or over 400 kg, or not a number: only a hand-edited file holds one) does
not fit the new limits and is left out; the copy of the file hiplog makes before it migrates
(storage/backup.py) still holds it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "body_measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("bodyweight_kg", sa.Float(), nullable=True),
        sa.Column("hip_cm", sa.Float(), nullable=True),
        sa.Column("thigh_cm", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "bodyweight_kg IS NOT NULL OR hip_cm IS NOT NULL OR thigh_cm IS NOT NULL",
            name=op.f("ck_body_measurements_some_value"),
        ),
        sa.CheckConstraint(
            "bodyweight_kg IS NULL OR bodyweight_kg BETWEEN 20 AND 400",
            name=op.f("ck_body_measurements_bodyweight_range"),
        ),
        sa.CheckConstraint(
            "hip_cm IS NULL OR hip_cm BETWEEN 20 AND 250",
            name=op.f("ck_body_measurements_hip_range"),
        ),
        sa.CheckConstraint(
            "thigh_cm IS NULL OR thigh_cm BETWEEN 20 AND 250",
            name=op.f("ck_body_measurements_thigh_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body_measurements")),
    )
    op.create_index(op.f("ix_body_measurements_measured_at"), "body_measurements", ["measured_at"])
    # SQLite columns hold any type: only numbers move over. PostgreSQL enforces the type, and
    # its id sequence must then move on past the ids copied.
    pg = op.get_bind().dialect.name == "postgresql"
    numeric = "" if pg else "typeof(kg) IN ('integer', 'real') AND "
    op.execute(
        "INSERT INTO body_measurements (id, measured_at, bodyweight_kg) "
        f"SELECT id, measured_at, kg FROM bodyweights WHERE {numeric}kg BETWEEN 20 AND 400"
    )
    if pg:
        op.execute(
            "SELECT setval(pg_get_serial_sequence('body_measurements', 'id'), "
            "coalesce((SELECT max(id) FROM body_measurements), 0) + 1, false)"
        )
    op.drop_index("ix_bodyweights_measured_at", table_name="bodyweights")
    op.drop_table("bodyweights")


def downgrade() -> None:
    op.create_table(
        "bodyweights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("kg", sa.Float(), nullable=False),
        sa.CheckConstraint("kg > 0", name=op.f("ck_bodyweights_kg_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bodyweights")),
    )
    op.create_index("ix_bodyweights_measured_at", "bodyweights", ["measured_at"])
    op.execute(
        "INSERT INTO bodyweights (id, measured_at, kg) SELECT id, measured_at, bodyweight_kg "
        "FROM body_measurements WHERE bodyweight_kg IS NOT NULL"
    )
    op.drop_index(op.f("ix_body_measurements_measured_at"), table_name="body_measurements")
    op.drop_table("body_measurements")
