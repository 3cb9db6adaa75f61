"""The window follows other computers' commits on a server database within about a second.

A QSocketNotifier watches the socket of the listening connection (services.live_changes), so the
event loop wakes only when PostgreSQL delivers a NOTIFY: no timer, no polling. Another client's
commit forgets the cached catalog and settings and tells every view that the sessions changed
(a visible view reloads at once, a hidden one when shown).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from hiplog.domain.errors import DatabaseError
from hiplog.services.context import AppContext
from hiplog.services.live_changes import ChangeListener, listen_for_changes
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _

_log = logging.getLogger("hiplog")


class ServerChangeWatcher(QObject):
    """Re-reads the data when another client commits; `lost` says when it can no longer tell."""

    lost = Signal(str)

    def __init__(
        self, ctx: AppContext, events: DataEvents, listener: ChangeListener, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._ctx, self._events, self._listener = ctx, events, listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            others = self._listener.drain()
        except DatabaseError as exc:
            self._notifier.setEnabled(False)
            self.lost.emit(
                _(
                    "{problem}: changes made on other computers show after hiplog is started again"
                ).format(problem=exc)
            )
            return
        if others:
            self._ctx.invalidate()
            self._events.sessions_changed.emit()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._listener.close()


def watch_server_changes(
    ctx: AppContext, events: DataEvents, parent: QObject
) -> ServerChangeWatcher | None:
    """A watcher on ctx's server database, or None (a file, or the listener cannot connect:
    the window then works without live updates, and the log says why)."""
    try:
        listener = listen_for_changes(ctx)
    except DatabaseError as exc:
        _log.warning("%s", exc)
        return None
    return None if listener is None else ServerChangeWatcher(ctx, events, listener, parent)
