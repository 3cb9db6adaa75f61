"""The database schema as SQLAlchemy 2.0 typed ORM classes.

Constraints live in the schema, so that nothing outside what a person can log reaches the file
even if a caller forgets to validate. Changing this file needs a new Alembic revision.

Every per-person table carries `athlete_id` (revision 0006); storage/athlete_scope.py limits
every ORM statement to the open athlete. The exercise catalog (built-in and own exercises) is
shared by the database; a person's note on an exercise is theirs (`exercise_notes`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class AthleteRow(Base):
    """A person whose training the database keeps (revision 0006): a family on one computer, a
    coach's clients. Everything logged, set or followed belongs to one athlete."""

    __tablename__ = "athletes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime)


def _athlete_column() -> Mapped[int]:
    return mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))


class ExerciseRow(Base):
    """A built-in or custom exercise, shared by every athlete of the database. `facts_json`
    holds every catalog fact as JSON but its role, which is a column of its own ("catalog",
    "hip" or "other"; revision 0002)."""

    __tablename__ = "exercises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    custom: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    facts_json: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10), default="catalog", server_default="catalog")


class ExerciseNoteRow(Base):
    """An athlete's note on an exercise (bench height, foot stance; revision 0004 kept it on the
    exercise, 0006 per athlete): not a fact, so a new catalog leaves it alone."""

    __tablename__ = "exercise_notes"
    __table_args__ = (PrimaryKeyConstraint("athlete_id", "exercise_id"),)

    athlete_id: Mapped[int] = _athlete_column()
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text)


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("bodyweight_kg IS NULL OR bodyweight_kg > 0", name="bodyweight_positive"),
        Index("ix_sessions_started_at", "started_at"),
        Index("ix_sessions_athlete_started_at", "athlete_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_column()
    started_at: Mapped[datetime] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    bodyweight_kg: Mapped[float | None] = mapped_column(Float, nullable=True)

    sets: Mapped[list[SetRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="SetRow.id",
    )


class SetRow(Base):
    __tablename__ = "sets"
    __table_args__ = (
        CheckConstraint("reps >= 0", name="reps_non_negative"),
        CheckConstraint("load_kg IS NULL OR load_kg >= 0", name="load_non_negative"),
        CheckConstraint("rir IS NULL OR (rir >= 0 AND rir <= 10)", name="rir_range"),
        CheckConstraint("side IS NULL OR side IN ('L', 'R')", name="side_values"),
        CheckConstraint("duration_s IS NULL OR duration_s >= 0", name="duration_non_negative"),
        CheckConstraint("distance_m IS NULL OR distance_m >= 0", name="distance_non_negative"),
        CheckConstraint("position >= 1", name="position_positive"),
        Index("ix_sets_exercise_session", "exercise_id", "session_id"),
        Index("ix_sets_session", "session_id"),
        # A set saved again after a lost acknowledgement is not added twice (revision 0007).
        Index("uq_sets_write_token", "write_token", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    reps: Mapped[int] = mapped_column(Integer)
    rir: Mapped[int | None] = mapped_column(Integer, nullable=True)
    warmup: Mapped[bool] = mapped_column(Boolean, default=False)
    side: Mapped[str | None] = mapped_column(String(1), nullable=True)
    band: Mapped[str | None] = mapped_column(String(60), nullable=True)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    # The client-made uuid of a set saved from the Log (None for imported or older sets).
    write_token: Mapped[str | None] = mapped_column(String(36), nullable=True)

    session: Mapped[SessionRow] = relationship(back_populates="sets")
    exercise: Mapped[ExerciseRow] = relationship()


class BodyMeasurementRow(Base):
    """Bodyweight, hip and thigh circumference measured on a day (revision 0005; until then the
    table was `bodyweights`, bodyweight only). At least one value; each within what a person
    has (domain/body.py)."""

    __tablename__ = "body_measurements"
    __table_args__ = (
        CheckConstraint(
            "bodyweight_kg IS NOT NULL OR hip_cm IS NOT NULL OR thigh_cm IS NOT NULL",
            name="some_value",
        ),
        CheckConstraint(
            "bodyweight_kg IS NULL OR bodyweight_kg BETWEEN 20 AND 400", name="bodyweight_range"
        ),
        CheckConstraint("hip_cm IS NULL OR hip_cm BETWEEN 20 AND 250", name="hip_range"),
        CheckConstraint("thigh_cm IS NULL OR thigh_cm BETWEEN 20 AND 250", name="thigh_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_column()
    measured_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    bodyweight_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    hip_cm: Mapped[float | None] = mapped_column(Float, nullable=True)
    thigh_cm: Mapped[float | None] = mapped_column(Float, nullable=True)


class SettingRow(Base):
    __tablename__ = "settings"
    __table_args__ = (PrimaryKeyConstraint("athlete_id", "key"),)

    athlete_id: Mapped[int] = _athlete_column()
    key: Mapped[str] = mapped_column(String(120))
    value: Mapped[str] = mapped_column(Text)


class ImportRecord(Base):
    """One imported file, by content hash: importing the same file again for the same athlete
    adds nothing."""

    __tablename__ = "import_records"
    __table_args__ = (UniqueConstraint("athlete_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_column()
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(40))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    sets_imported: Mapped[int] = mapped_column(Integer, default=0)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")


class ProgramRow(Base):
    """A person's own program (starters live in resources/programs.json until used)."""

    __tablename__ = "programs"
    __table_args__ = (UniqueConstraint("athlete_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    athlete_id: Mapped[int] = _athlete_column()
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    days: Mapped[list[ProgramDayRow]] = relationship(
        cascade="all, delete-orphan", order_by="ProgramDayRow.position"
    )


class ProgramDayRow(Base):
    __tablename__ = "program_days"
    __table_args__ = (Index("ix_program_days_program", "program_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))

    entries: Mapped[list[ProgramEntryRow]] = relationship(
        cascade="all, delete-orphan", order_by="ProgramEntryRow.position"
    )


class ProgramEntryRow(Base):
    __tablename__ = "program_entries"
    __table_args__ = (
        CheckConstraint(
            "(exercise_slug IS NULL) <> (ladder_slug IS NULL)", name="exercise_or_ladder"
        ),
        CheckConstraint("sets >= 1", name="sets_positive"),
        CheckConstraint("rep_lo >= 1 AND rep_hi >= rep_lo", name="rep_range_order"),
        Index("ix_program_entries_day", "day_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("program_days.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    exercise_slug: Mapped[str | None] = mapped_column(String(120), nullable=True)
    ladder_slug: Mapped[str | None] = mapped_column(String(120), nullable=True)
    sets: Mapped[int] = mapped_column(Integer)
    rep_lo: Mapped[int] = mapped_column(Integer)
    rep_hi: Mapped[int] = mapped_column(Integer)
    warmup: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgramRunRow(Base):
    """A stretch of following a program; the one without `ended_at` is the active one."""

    __tablename__ = "program_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    picks: Mapped[list[DayPickRow]] = relationship(
        cascade="all, delete-orphan", order_by="DayPickRow.picked_at"
    )


class DayPickRow(Base):
    """The person chose another day for today."""

    __tablename__ = "program_day_picks"
    __table_args__ = (CheckConstraint("day >= 0", name="day_non_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("program_runs.id", ondelete="CASCADE"))
    picked_at: Mapped[datetime] = mapped_column(DateTime)
    day: Mapped[int] = mapped_column(Integer)
