"""What the window does when its server database cannot be used at start.

The server may be away (no network, the server stopped), or the database may not be hiplog's or
be newer. Nothing on the server is changed. The person chooses: try again, work on the local
file instead for now, or quit. Never a traceback.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from html import escape

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from hiplog.domain.errors import DatabaseError
from hiplog.services.error_log import mask
from hiplog.services.locations import Locations
from hiplog.ui.common.translation import _


class ServerChoice(Enum):
    RETRY = "retry"
    LOCAL = "local"
    QUIT = "quit"


class ServerProblemDialog(QMessageBox):
    """Says which server could not be used and why, and offers the ways forward."""

    def __init__(
        self, error: DatabaseError, locations: Locations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("hiplog cannot use the server database"))
        self.setIcon(QMessageBox.Icon.Warning)
        away = error.kind == "unreachable"
        self.setText(
            _("<b>hiplog could not reach the database server.</b>")
            if away
            else _("<b>hiplog cannot use this server database.</b>")
        )
        hint = (
            _("Check the network and that the server is running, then try again.")
            if away
            else _("Nothing on the server was changed.")
        )
        local = escape(str(locations.database))
        self.setInformativeText(
            f"{escape(mask(str(error)))}<br><br>{hint}<br><br>"
            + _("Or work on the file on this computer for now: {file}").format(file=local)
        )
        self.retry_button: QAbstractButton = self.addButton(
            _("Try again"), QMessageBox.ButtonRole.AcceptRole
        )
        self.local_button: QAbstractButton = self.addButton(
            _("Open the local file"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> ServerChoice:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.retry_button:
            return ServerChoice.RETRY
        if clicked is not None and clicked is self.local_button:
            return ServerChoice.LOCAL
        return ServerChoice.QUIT

    def ask(self) -> ServerChoice:
        self.exec()
        return self.choice()


def without_server(locations: Locations) -> Locations:
    """The same places, on the local database file instead of the server."""
    return replace(locations, database_url=None)
