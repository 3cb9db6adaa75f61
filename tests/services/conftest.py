"""Fixtures the service tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hiplog.domain.units import Unit
from hiplog.services import import_export
from hiplog.services.context import AppContext


@pytest.fixture
def ctx(fresh_ctx: AppContext) -> AppContext:
    """hiplog on a new, empty database, on SQLite and on PostgreSQL (a module that needs sets in
    it defines its own `ctx`)."""
    return fresh_ctx


@pytest.fixture(scope="session")
def _imported_histories() -> dict[tuple[str, Path], tuple[Path, str | None]]:
    """(backend, export file) -> (local file, server URL or None) of a database holding it."""
    return {}


@pytest.fixture
def imported_history(
    backend: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    _imported_histories: dict[tuple[str, Path], tuple[Path, str | None]],
) -> Iterator[Callable[[Path], AppContext]]:
    """Opens a database, on SQLite and on PostgreSQL, that holds a real export imported in kg.
    Each export is imported once per engine and session, and shared: a test must not write."""
    opened: list[AppContext] = []

    def open_imported(path: Path) -> AppContext:
        key = (backend, path)
        if key not in _imported_histories:
            local = tmp_path_factory.mktemp("imported") / "hiplog.db"
            url = None
            if backend == "postgresql":
                _, url = request.getfixturevalue("pg_databases").new()
            context = _open(local, url)
            try:
                import_export.import_file(context, path, "auto", Unit.KG)
            finally:
                context.close()
            _imported_histories[key] = (local, url)
        context = _open(*_imported_histories[key])
        opened.append(context)
        return context

    yield open_imported
    for context in opened:
        context.close()


def _open(local: Path, url: str | None) -> AppContext:
    return AppContext.open_url(url, local=local) if url else AppContext.open_path(local)
