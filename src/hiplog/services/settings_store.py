"""Read and write the person's settings in the database (the Settings dialog's use case)."""

from __future__ import annotations

from hiplog.domain.settings import OVERRIDE_PREFIX, ProgressionSettings
from hiplog.services.context import AppContext
from hiplog.storage import body_repo, settings_repo


def load(ctx: AppContext) -> ProgressionSettings:
    """The stored settings, with defaults for anything never saved."""
    with ctx.db.reader() as tx:
        return ProgressionSettings.from_strings(settings_repo.load_settings(tx))


def save(ctx: AppContext, settings: ProgressionSettings) -> None:
    """Store every setting in one transaction; overrides no longer present are removed.

    `settings` was validated when it was built, so nothing invalid reaches the database.
    """
    values = settings.to_strings()
    with ctx.db.transaction() as tx:
        stale = [
            key
            for key in settings_repo.load_settings(tx)
            if key.startswith(OVERRIDE_PREFIX) and key not in values
        ]
        settings_repo.delete_settings(tx, stale)
        settings_repo.save_settings(tx, values)
    ctx.invalidate()


def bodyweight_kg(ctx: AppContext) -> float | None:
    """The bodyweight setting, else the latest logged bodyweight."""
    configured = ctx.settings().bodyweight_kg
    if configured:
        return configured
    with ctx.db.reader() as tx:
        return body_repo.latest_bodyweight(tx)
