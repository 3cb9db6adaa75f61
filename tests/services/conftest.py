"""Fixtures the service tests share."""

from __future__ import annotations

import pytest

from hiplog.services.context import AppContext


@pytest.fixture
def ctx(fresh_ctx: AppContext) -> AppContext:
    """hiplog on a new, empty database, on SQLite and on PostgreSQL (a module that needs sets in
    it defines its own `ctx`)."""
    return fresh_ctx
