"""`hiplog copy-to DEST`: the whole database into an empty PostgreSQL database or a new SQLite
file, all or nothing, then checked: the JSON export of the copy must equal the original's."""

from __future__ import annotations

import contextlib
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from hiplog.domain.errors import DatabaseError, InputError
from hiplog.domain.translation import _
from hiplog.services.context import AppContext
from hiplog.storage.copy import copy_rows, empty_the_schema, tables_with_rows
from hiplog.storage.database import Database, open_database, open_server_database
from hiplog.storage.inspection import FileState
from hiplog.storage.server import describe, inspect_server, is_server_url, mask, parse_url
from hiplog.storage.server import make_server_engine as _server_engine


def copy_to(ctx: AppContext, destination: str) -> dict[str, int]:
    """Copy every table into `destination` and check the copy; returns the rows per table.

    The destination must be an empty PostgreSQL database or a path where no file is. When
    anything fails the destination is left as it was found (the new file removed, the
    server database emptied again) and the error says why."""
    target = _open_destination(destination)
    try:
        with target.engine.begin() as connection:
            copied = copy_rows(ctx.db.engine, connection)
        _check_same_export(ctx, target)
    except BaseException:
        _undo(target)
        raise
    target.close()
    return copied


def _open_destination(destination: str) -> Database:
    if is_server_url(destination):
        parsed = parse_url(destination)
        probe = _server_engine(parsed)
        try:
            state = inspect_server(probe).state
        finally:
            probe.dispose()
        if state is not FileState.EMPTY:
            raise InputError(
                _(
                    "copy-to needs an empty database (create a new one: createdb NAME); this one "
                    "holds tables already and was left unchanged"
                ),
                describe(parsed),
            )
        return open_server_database(destination)
    path = Path(destination).expanduser().absolute()
    if path.exists():
        raise InputError(_("a file is already there; copy-to makes a new file"), str(path))
    if not path.parent.is_dir():
        raise InputError(_("there is no such folder"), str(path.parent))
    target = open_database(path)
    busy = tables_with_rows(target.engine)
    if busy:
        target.close()
        raise InputError(_("the new file is not empty"), str(path))
    return target


def _undo(target: Database) -> None:
    with contextlib.suppress(Exception):
        if target.server:
            empty_the_schema(target.engine)
        target.close()
    if target.path is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{target.path}{suffix}").unlink(missing_ok=True)


def _export(ctx: AppContext, folder: Path, name: str) -> object:
    from hiplog.services.import_export import export_json

    path = folder / name
    export_json(ctx, path, everyone=True)
    document = json.loads(path.read_text("utf-8"))
    if isinstance(document, dict):
        document.pop("exported_at", None)
    return document


def _check_same_export(ctx: AppContext, target: Database) -> None:
    locations = replace(ctx.locations, database=target.path or ctx.locations.database)
    copy = AppContext(target, locations)
    with tempfile.TemporaryDirectory(prefix="hiplog-copy-") as folder:
        same = _export(ctx, Path(folder), "original.json") == _export(
            copy, Path(folder), "copy.json"
        )
    if not same:
        raise DatabaseError(
            _(
                "the copy in {where} does not export the same as the original; it was removed "
                "(nothing else was changed)"
            ).format(where=mask(target.where)),
            path=target.where,
        )
