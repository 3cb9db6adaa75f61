"""Settings are stored in the database and survive a restart."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from tests.targets import Target

from hiplog.domain.errors import InputError
from hiplog.domain.models import BodyweightEntry
from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.services import settings_store, training_log
from hiplog.services.context import AppContext
from hiplog.storage import body_repo


def test_settings_survive_a_restart_and_cleared_overrides_go(target: Target) -> None:
    ctx = target.open()  # on SQLite and on PostgreSQL
    settings = ProgressionSettings(
        unit=Unit.LB,
        bodyweight_kg=72.5,
        recovery_hours=36,
        kettlebells_kg=(8, 12, 16),
        exercise_overrides={"good-morning": ExerciseOverride(sets=4, rep_range=(6, 10))},
    )
    settings_store.save(ctx, settings)
    assert ctx.settings() == settings  # the cache was refreshed
    ctx.close()

    again = target.open()
    assert settings_store.load(again) == settings
    settings_store.save(again, ProgressionSettings(unit=Unit.LB))
    assert settings_store.load(again).exercise_overrides == {}
    again.close()


def test_invalid_settings_never_reach_the_database(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="recovery_hours"):
        ProgressionSettings(recovery_hours=-1)


def test_bodyweight_is_the_setting_else_the_newest_entry_or_session_bodyweight(
    tmp_path: Path, fresh_ctx: AppContext
) -> None:
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        assert settings_store.bodyweight_kg(ctx) is None
        with ctx.db.transaction() as tx:
            body_repo.add_bodyweight(tx, BodyweightEntry(datetime(2026, 11, 1, 7), 80.0))
        assert settings_store.bodyweight_kg(ctx) == 80.0
        training_log.create_session(ctx, datetime(2026, 11, 20, 18), bodyweight_kg=78.5)
        training_log.create_session(ctx, datetime(2026, 11, 25, 18))  # none typed: skipped
        assert settings_store.bodyweight_kg(ctx) == 78.5  # the session is newer
        with ctx.db.transaction() as tx:
            body_repo.add_bodyweight(tx, BodyweightEntry(datetime(2026, 11, 22, 7), 79.0))
        assert settings_store.bodyweight_kg(ctx) == 79.0  # the entry is newer
        settings_store.save(ctx, replace(ctx.settings(), bodyweight_kg=82.0))
        assert settings_store.bodyweight_kg(ctx) == 82.0  # typed in Settings: it wins
    finally:
        ctx.close()
