"""Records of imported files, so that importing the same file again adds nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from hiplog.storage.orm import ImportRecord


def already_imported(db: OrmSession, sha256: str) -> ImportRecord | None:
    return db.scalars(select(ImportRecord).where(ImportRecord.sha256 == sha256)).one_or_none()


def record_import(
    db: OrmSession, sha256: str, filename: str, fmt: str, sets_imported: int, summary_json: str
) -> None:
    db.add(
        ImportRecord(
            sha256=sha256,
            filename=filename,
            format=fmt,
            imported_at=datetime.now(),
            sets_imported=sets_imported,
            summary_json=summary_json,
        )
    )
