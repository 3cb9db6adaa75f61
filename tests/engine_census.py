"""A pytest plugin for tests/test_engine_coverage.py: at collection, writes which storage and
service test modules have a test that runs on PostgreSQL, as JSON, to $HIPLOG_ENGINE_CENSUS."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

PG_FIXTURES = {"pg_server", "pg_url", "empty_pg_url", "pg_databases"}


def runs_on_postgresql(item: pytest.Item) -> bool:
    """A test that asks for a server database, or is one engine's run of a parametrised one."""
    if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and "postgresql" in callspec.id.split("-")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    census: dict[str, bool] = {}
    for item in items:
        module = Path(str(item.path)).resolve().as_posix()
        census[module] = census.get(module, False) or runs_on_postgresql(item)
    Path(os.environ["HIPLOG_ENGINE_CENSUS"]).write_text(json.dumps(census), "utf-8")
