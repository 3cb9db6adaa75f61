"""One window per database: a second start brings the first window to the front instead.

The first window listens on a local socket whose name is derived from the database's path (and
the user), so two windows on two different files can run side by side. A later start connects
to it, which asks the first window to come forward, and then quits.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 1000


def server_name(database: Path) -> str:
    """A short socket name that is the same for every start on the same database file."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    key = f"{user}\n{database.expanduser().resolve()}".encode()
    return f"hiplog-{hashlib.sha256(key).hexdigest()[:20]}"


class SingleInstance(QObject):
    """Holds the claim on one database for this process's window."""

    activation_requested = Signal()  # another start on the same database wants this window shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None

    def claim(self, database: Path) -> bool:
        """True when this process may open a window on `database`.

        False when another window already has it open; that window has then been asked to come
        to the front.
        """
        name = server_name(database)
        if _ask_running_instance(name):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # Nobody answered, so the socket was left behind by a window that crashed.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                # Still no socket (an unusual system): run without the guard rather than not run.
                server.deleteLater()
                return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        """Give up the claim (the window is closing)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.disconnectFromServer()
        self.activation_requested.emit()


def _ask_running_instance(name: str) -> bool:
    """True when a window listens on `name` (it is then asked to come to the front)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(b"activate\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True
