"""Make the next COMMIT of a hiplog client land on the PostgreSQL server while the client
hears that its connection was lost: the one fault a plain retry would turn into a duplicate.

The DBAPI commit runs for real (the server has the transaction), then another connection
terminates the client's backend (pg_terminate_backend, waiting until it is gone), and the
client reads from its dead connection, which raises psycopg's own OperationalError: what a
client sees when the server or the network goes between its COMMIT and the answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from hiplog.services.context import AppContext


@contextmanager
def next_commit_unacknowledged(
    ctx: AppContext, admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[int]]:
    """Within the block, ctx's next commit lands but fails on the client; yields the list of
    backend pids it cut off (one once it happened)."""
    dialect = ctx.db.engine.dialect
    real_commit = dialect.do_commit
    cut: list[int] = []
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    def do_commit(fairy: Any) -> None:
        real_commit(fairy)
        if cut:
            return
        dbapi_connection = fairy.dbapi_connection  # psycopg's, under the pool's wrapper
        pid = int(dbapi_connection.info.backend_pid)
        with admin.connect() as connection:
            gone = connection.execute(
                text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}
            ).scalar()
        assert gone, "the client's backend did not end"
        cut.append(pid)
        dbapi_connection.execute("SELECT 1")  # the answer never comes: raises

    with monkeypatch.context() as patched:
        patched.setattr(dialect, "do_commit", do_commit)
        try:
            yield cut
        finally:
            admin.dispose()
