"""Fixtures the service tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hiplog.services.context import AppContext


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    """hiplog on a new, empty database (a module that needs sets in it defines its own `ctx`)."""
    context = AppContext.open_path(tmp_path / "t.db")
    yield context
    context.close()
