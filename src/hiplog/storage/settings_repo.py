"""Settings as key/value text rows (saved, loaded, removed)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.orm import SettingRow


def load_settings(db: OrmSession) -> dict[str, str]:
    return {row.key: row.value for row in db.scalars(select(SettingRow))}


def save_settings(db: OrmSession, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        row = db.get(SettingRow, key)
        if row is None:
            db.add(SettingRow(key=key, value=value))
        else:
            row.value = value


def delete_settings(db: OrmSession, keys: Iterable[str]) -> None:
    """Remove stored setting rows (an exercise override that was cleared)."""
    wanted = list(keys)
    if wanted:
        db.execute(delete(SettingRow).where(SettingRow.key.in_(wanted)))
