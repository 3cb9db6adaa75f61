"""athletes: a database holds one or more people's training

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 02:20:00

Adds the `athletes` table and an `athlete_id` on every per-person table: sessions (and so their
sets), body measurements, settings (now keyed by athlete and key), import records (a file is a
duplicate per athlete), programs (their days, entries and runs follow their program; names are
unique per athlete) and the person's notes on exercises, which move from `exercises.note` to
`exercise_notes`. The exercise catalog stays shared by the database.

An existing file gets one athlete, named from a stored "name" setting if there is one, else
"Me" (in the language hiplog speaks when it makes the database: "Ich", "Yo", "Moi"), and
everything in it becomes theirs. On SQLite the tables are copied (batch mode) with
foreign keys off for the migration (storage/migrate.py), so that copying `sessions` or
`programs` cannot cascade into their sets or days.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

from hiplog.domain.translation import _

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Tables whose every row belongs to one athlete, with what changes besides the new column.
_OWNED = ("sessions", "body_measurements", "import_records", "programs")


def _first_athlete_name(bind: sa.Connection) -> str:
    found = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'name'")).scalar()
    name = str(found).strip() if found is not None else ""
    # Translators: the name of a new database's only athlete, the person who made it.
    return name[:200] or _("Me")


def _athlete_fk(table: str) -> str:
    return f"fk_{table}_athlete_id_athletes"


def upgrade() -> None:
    bind = op.get_bind()
    athletes = op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
        sa.UniqueConstraint("name", name=op.f("uq_athletes_name")),
    )
    # No id given: PostgreSQL's sequence then knows it is taken.
    op.bulk_insert(
        athletes,
        [{"name": _first_athlete_name(bind), "created": datetime.now().replace(microsecond=0)}],
    )
    first = int(bind.execute(sa.text("SELECT min(id) FROM athletes")).scalar_one())
    for table in _OWNED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("athlete_id", sa.Integer(), nullable=True))
        bind.execute(sa.text(f"UPDATE {table} SET athlete_id = :first"), {"first": first})
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("athlete_id", existing_type=sa.Integer(), nullable=False)
            batch_op.create_foreign_key(
                _athlete_fk(table), "athletes", ["athlete_id"], ["id"], ondelete="CASCADE"
            )
            if table in ("import_records", "programs"):
                old = "sha256" if table == "import_records" else "name"
                batch_op.drop_constraint(f"uq_{table}_{old}", type_="unique")
                batch_op.create_unique_constraint(f"uq_{table}_athlete_id", ["athlete_id", old])
    op.create_index("ix_sessions_athlete_started_at", "sessions", ["athlete_id", "started_at"])
    _settings_per_athlete(bind, first)
    _notes_per_athlete(bind, first)


def _settings_table(with_athlete: bool) -> list[sa.schema.SchemaItem]:
    """The columns and constraints of `settings` after (or, without an athlete, before) 0006."""
    items: list[sa.schema.SchemaItem] = []
    if with_athlete:
        items += [
            sa.Column("athlete_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["athlete_id"], ["athletes.id"], name=_athlete_fk("settings"), ondelete="CASCADE"
            ),
        ]
    items += [
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            *(["athlete_id"] if with_athlete else []), "key", name=op.f("pk_settings")
        ),
    ]
    return items


def _settings_per_athlete(bind: sa.Connection, first: int) -> None:
    # A handful of rows: read, drop, create anew, write. Not a copy beside the old table: on
    # PostgreSQL its primary key's name (pk_settings) is taken while the old table exists.
    rows = bind.execute(sa.text("SELECT key, value FROM settings")).all()
    op.drop_table("settings")
    table = op.create_table("settings", *_settings_table(with_athlete=True))
    op.bulk_insert(table, [{"athlete_id": first, "key": k, "value": v} for k, v in rows])


def _notes_per_athlete(bind: sa.Connection, first: int) -> None:
    op.create_table(
        "exercise_notes",
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=_athlete_fk("exercise_notes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercises.id"],
            name=op.f("fk_exercise_notes_exercise_id_exercises"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "exercise_id", name=op.f("pk_exercise_notes")),
    )
    bind.execute(
        sa.text(
            "INSERT INTO exercise_notes (athlete_id, exercise_id, note)"
            " SELECT :first, id, note FROM exercises WHERE note <> ''"
        ),
        {"first": first},
    )
    with op.batch_alter_table("exercises") as batch_op:
        batch_op.drop_column("note")


def downgrade() -> None:
    """Back to one person: the first athlete's rows are kept, every other athlete's go."""
    bind = op.get_bind()
    with op.batch_alter_table("exercises") as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))
    op.execute(
        sa.text(
            "UPDATE exercises SET note = coalesce((SELECT note FROM exercise_notes n"
            " WHERE n.exercise_id = exercises.id AND n.athlete_id ="
            " (SELECT min(id) FROM athletes)), '')"
        )
    )
    op.drop_table("exercise_notes")
    keep = "(SELECT min(id) FROM athletes)"
    op.execute(sa.text(f"DELETE FROM settings WHERE athlete_id <> {keep}"))
    rows = bind.execute(sa.text("SELECT key, value FROM settings")).all()
    op.drop_table("settings")
    plain = op.create_table("settings", *_settings_table(with_athlete=False))
    op.bulk_insert(plain, [{"key": k, "value": v} for k, v in rows])
    op.drop_index("ix_sessions_athlete_started_at", table_name="sessions")
    for table in _OWNED:
        op.execute(sa.text(f"DELETE FROM {table} WHERE athlete_id <> {keep}"))
        with op.batch_alter_table(table) as batch_op:
            if table in ("import_records", "programs"):
                old = "sha256" if table == "import_records" else "name"
                batch_op.drop_constraint(f"uq_{table}_athlete_id", type_="unique")
                batch_op.create_unique_constraint(f"uq_{table}_{old}", [old])
            batch_op.drop_constraint(_athlete_fk(table), type_="foreignkey")
            batch_op.drop_column("athlete_id")
    op.drop_table("athletes")
