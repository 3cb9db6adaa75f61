"""Other clients' commits on a server database, for a window that shows them as they happen."""

from __future__ import annotations

from hiplog.services.context import AppContext
from hiplog.storage.server_changes import ChangeListener

__all__ = ["ChangeListener", "listen_for_changes"]


def listen_for_changes(ctx: AppContext) -> ChangeListener | None:
    """A listener for other clients' commits on ctx's server database; None on a file (one
    window per file: nobody else writes while it is open but the command line)."""
    if ctx.db.url is None:
        return None
    return ChangeListener(ctx.db.url, ctx.db.token)
