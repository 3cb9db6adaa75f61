"""The window follows other computers' commits on a server database within about a second.

A QSocketNotifier watches the socket of the listening connection (services.live_changes), so the
event loop wakes only when PostgreSQL delivers a NOTIFY: no polling. Another client's commit
forgets the cached catalog and settings and tells every view that the sessions changed (a
visible view reloads at once, a hidden one when shown).

When the listening connection is lost (the server restarted, the network went), a single-shot
QTimer tries to listen again after 1 s, then 2, 4, ... up to 30 s between tries; once it is back,
every view reads the data again once, since commits made meanwhile were not announced to it.
A try runs on the GUI thread: a refused connection fails at once, an unanswered one after the
connect timeout (storage/server.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hiplog.domain.errors import DatabaseError
from hiplog.services.context import AppContext
from hiplog.services.live_changes import ChangeListener, listen_for_changes
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _

_log = logging.getLogger("hiplog")

FIRST_RETRY_MS = 1_000
LAST_RETRY_MS = 30_000


class ServerChangeWatcher(QObject):
    """Re-reads the data when another client commits; `lost` says when it can no longer tell
    (and is trying to listen again), `back` when it can again."""

    lost = Signal(str)
    back = Signal(str)

    def __init__(
        self, ctx: AppContext, events: DataEvents, listener: ChangeListener, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._ctx, self._events = ctx, events
        self._listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._listen_again)
        self._attach(listener)

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def retry_delay_ms(self) -> int | None:
        """How long until the next try to listen again (None: not trying)."""
        return self._retry.interval() if self._retry.isActive() else None

    def _attach(self, listener: ChangeListener) -> None:
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _detach(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _read(self) -> None:
        if self._listener is None:
            return
        try:
            others = self._listener.drain()
        except DatabaseError as exc:
            self._detach()
            self._retry.start(FIRST_RETRY_MS)
            self.lost.emit(
                _(
                    "{problem}: trying to reconnect; changes made on other computers show once "
                    "it has"
                ).format(problem=exc)
            )
            return
        if others:
            self._refresh()

    def _listen_again(self) -> None:
        try:
            listener = listen_for_changes(self._ctx)
        except DatabaseError as exc:
            delay = min(self._retry.interval() * 2, LAST_RETRY_MS)
            _log.info("%s; trying again in %d s", exc, delay // 1000)
            self._retry.start(delay)
            return
        if listener is None:  # not a server database (cannot happen once one was watched)
            return
        self._attach(listener)
        self.back.emit(
            _(
                "The connection to the server is back: showing what changed on other computers "
                "meanwhile."
            )
        )
        self._refresh()  # commits made while nobody listened were not announced

    def _refresh(self) -> None:
        self._ctx.invalidate()
        self._events.sessions_changed.emit()

    def close(self) -> None:
        self._retry.stop()
        self._detach()


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
