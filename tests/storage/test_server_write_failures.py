"""Why a write to a PostgreSQL server failed, as a person reads it: the server's own reasons
(by SQLSTATE, whatever language the server speaks) are not called a lost connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from hiplog.domain.errors import DatabaseError
from hiplog.services.context import AppContext
from hiplog.storage.database import ServerUnreachableError


def _failing_write(ctx: AppContext, errcode: str, words: str) -> DatabaseError:
    """A write the server refuses with `errcode` (raised by the server itself, in a DO block)."""
    raise_it = f"DO $$ BEGIN RAISE EXCEPTION '{words}' USING ERRCODE = '{errcode}'; END $$"
    with pytest.raises(DatabaseError) as caught, ctx.db.transaction() as tx:
        tx.execute(text(raise_it))
    return caught.value


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    yield context
    context.close()


def test_a_full_disk_on_the_server_says_so_and_that_nothing_was_saved(server: AppContext) -> None:
    error = _failing_write(server, "53100", "kein Speicherplatz mehr auf dem Gerät")
    assert not isinstance(error, ServerUnreachableError)
    assert "the server has no room for it" in str(error)
    assert "nothing was saved" in str(error) and "kein Speicherplatz" in str(error)
    assert "connection" not in str(error)


@pytest.mark.parametrize("errcode", ["57014", "55P03"])
def test_a_statement_or_lock_that_took_too_long_says_so(server: AppContext, errcode: str) -> None:
    error = _failing_write(server, errcode, "Anweisung wurde abgebrochen")
    assert "the server took too long" in str(error) and "nothing was changed" in str(error)
