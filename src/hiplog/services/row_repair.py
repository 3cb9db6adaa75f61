"""Rows damaged outside hiplog: list them, and drop them when the person asks.

Every reading leaves such rows out already (storage.row_check), so the rest of the data stays
usable and exportable; this is where a person learns about them and removes them.
"""

from __future__ import annotations

from pathlib import Path

from hiplog.services.backups import server_backup
from hiplog.services.context import AppContext
from hiplog.storage import row_check
from hiplog.storage.backup import backup_database, new_backup_path, rotate_backups
from hiplog.storage.row_check import BadRow

__all__ = ["BadRow", "bad_rows", "drop_bad_rows"]


def bad_rows(ctx: AppContext) -> list[BadRow]:
    """Every value hiplog cannot read, by table, row id and column."""
    with ctx.db.reader() as tx:
        return row_check.find_bad_rows(tx)


def drop_bad_rows(ctx: AppContext) -> tuple[int, Path | None]:
    """Delete the rows with bad values, after a verified backup (``pre-repair``).

    Returns how many rows went and where the backup is (None when there was nothing to drop).
    """
    if not bad_rows(ctx):
        return 0, None
    if ctx.db.path is None:
        saved = server_backup(ctx, "pre-repair")
    else:
        saved = backup_database(ctx.db.path, new_backup_path(ctx.locations.backups, "pre-repair"))
        rotate_backups(ctx.locations.backups)
    with ctx.db.transaction() as tx:
        dropped = row_check.drop_bad_rows(tx)
    ctx.invalidate()
    return dropped, saved
