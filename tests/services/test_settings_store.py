"""Settings are stored in the database and survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.services import settings_store
from hiplog.services.context import AppContext


def test_settings_survive_a_restart_and_cleared_overrides_go(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    ctx = AppContext.open_path(path)
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

    again = AppContext.open_path(path)
    assert settings_store.load(again) == settings
    settings_store.save(again, ProgressionSettings(unit=Unit.LB))
    assert settings_store.load(again).exercise_overrides == {}
    again.close()


def test_invalid_settings_never_reach_the_database(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="recovery_hours"):
        ProgressionSettings(recovery_hours=-1)
