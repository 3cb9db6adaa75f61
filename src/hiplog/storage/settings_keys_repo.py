"""Removing stored setting rows (an exercise override that was cleared)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.orm import SettingRow


def delete_settings(db: OrmSession, keys: Iterable[str]) -> None:
    wanted = list(keys)
    if wanted:
        db.execute(delete(SettingRow).where(SettingRow.key.in_(wanted)))
