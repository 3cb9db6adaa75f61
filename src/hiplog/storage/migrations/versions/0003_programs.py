"""programs: days, entries, runs (which program is followed since when) and day picks

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
        sa.UniqueConstraint("name", name=op.f("uq_programs_name")),
    )
    op.create_table(
        "program_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_days_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_days")),
    )
    op.create_index("ix_program_days_program", "program_days", ["program_id"])
    op.create_table(
        "program_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_slug", sa.String(length=120), nullable=True),
        sa.Column("ladder_slug", sa.String(length=120), nullable=True),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("rep_lo", sa.Integer(), nullable=False),
        sa.Column("rep_hi", sa.Integer(), nullable=False),
        sa.Column("warmup", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "(exercise_slug IS NULL) <> (ladder_slug IS NULL)",
            name=op.f("ck_program_entries_exercise_or_ladder"),
        ),
        sa.CheckConstraint("sets >= 1", name=op.f("ck_program_entries_sets_positive")),
        sa.CheckConstraint(
            "rep_lo >= 1 AND rep_hi >= rep_lo", name=op.f("ck_program_entries_rep_range_order")
        ),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["program_days.id"],
            name=op.f("fk_program_entries_day_id_program_days"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_entries")),
    )
    op.create_index("ix_program_entries_day", "program_entries", ["day_id"])
    op.create_table(
        "program_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_runs_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_runs")),
    )
    op.create_table(
        "program_day_picks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("picked_at", sa.DateTime(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.CheckConstraint("day >= 0", name=op.f("ck_program_day_picks_day_non_negative")),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["program_runs.id"],
            name=op.f("fk_program_day_picks_run_id_program_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_day_picks")),
    )


def downgrade() -> None:
    op.drop_table("program_day_picks")
    op.drop_table("program_runs")
    op.drop_index("ix_program_entries_day", table_name="program_entries")
    op.drop_table("program_entries")
    op.drop_index("ix_program_days_program", table_name="program_days")
    op.drop_table("program_days")
    op.drop_table("programs")
