"""Hearing about other clients' commits on a PostgreSQL database (LISTEN/NOTIFY).

Every write transaction on a server ends with a NOTIFY on CHANGES_CHANNEL carrying the writing
client's token (Database.transaction); PostgreSQL delivers it when, and only if, the transaction
commits. A ChangeListener holds its own connection that only LISTENs: its socket becomes
readable when a notification arrives, so a caller can wait on it with a socket notifier (no
polling), then `drain()` without blocking.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import URL

from hiplog.domain.errors import DatabaseError
from hiplog.domain.translation import _
from hiplog.storage.server import CHANGES_CHANNEL, connect_args, describe


class ChangeListener:
    """A dedicated connection LISTENing for other clients' commits."""

    def __init__(self, url: URL, own_token: str) -> None:
        import psycopg

        params: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
        params.update({key: str(value) for key, value in url.query.items()})
        params.update(connect_args())
        self._own = own_token
        try:
            self._connection: Any = psycopg.connect(**params, autocommit=True)
            self._connection.execute(f"LISTEN {CHANGES_CHANNEL}")
        except psycopg.Error as exc:
            raise DatabaseError(
                _("could not listen for other computers' changes on {server}").format(
                    server=describe(url)
                ),
                path=describe(url),
                kind="unreachable",
            ) from exc

    def fileno(self) -> int:
        return int(self._connection.fileno())

    def drain(self) -> int:
        """Read what has arrived without waiting; returns how many commits of other clients
        were announced. Raises DatabaseError when the connection is gone."""
        import psycopg

        pgconn = self._connection.pgconn
        try:
            pgconn.consume_input()
        except psycopg.Error as exc:
            raise DatabaseError(_("lost the connection to the server"), kind="unreachable") from exc
        if pgconn.status != psycopg.pq.ConnStatus.OK:  # ended by the server: nothing will come
            raise DatabaseError(_("lost the connection to the server"), kind="unreachable")
        others = 0
        while (notice := pgconn.notifies()) is not None:
            if notice.extra.decode("utf-8", "replace") != self._own:
                others += 1
        return others

    def close(self) -> None:
        self._connection.close()
