"""What the window does when the database cannot be opened as it is.

A damaged, cut-short, foreign or newer file is never changed. The person is told what is wrong
and chooses: put the newest good backup in its place, start a new file, or quit. Both ways
forward first rename the file (``hiplog-damaged-<time>.db`` beside it), so nothing is lost.
"""

from __future__ import annotations

from enum import Enum
from html import escape

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from hiplog.domain.errors import DatabaseError, HiplogError
from hiplog.services import backups
from hiplog.services.backups import BackupInfo
from hiplog.services.context import AppContext
from hiplog.services.locations import Locations
from hiplog.ui.common.translation import N_, _
from hiplog.ui.files.backup_list_model import describe_time
from hiplog.ui.server_problem_dialog import ServerChoice, ServerProblemDialog, without_server

UNUSABLE = ("damaged", "foreign", "newer")


class Choice(Enum):
    RESTORE = "restore"
    NEW_FILE = "new"
    RETRY = "retry"
    QUIT = "quit"


HEADLINES = {  # translated where shown
    "damaged": N_("Your hiplog data file is damaged."),
    "foreign": N_("The data file belongs to another program, not hiplog."),
    "newer": N_("Your data file was saved by a newer version of hiplog."),
}
EXPLANATIONS = {
    "damaged": N_(
        "It may have been cut short or changed by something else. hiplog has not touched it."
    ),
    "foreign": N_("hiplog will not write into another program's file and has not touched it."),
    "newer": N_(
        "This version cannot read it safely. Install the newer hiplog to keep working "
        "with it; this version has not touched it."
    ),
}


class DatabaseProblemDialog(QMessageBox):
    """Explains why the file cannot be opened and offers the ways forward."""

    def __init__(
        self,
        error: DatabaseError | OSError,
        locations: Locations,
        newest: BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        kind = getattr(error, "kind", "")
        self.setWindowTitle(_("hiplog cannot open your data"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.restore_button: QAbstractButton | None = None
        self.new_button: QAbstractButton | None = None
        self.retry_button: QAbstractButton | None = None
        path = locations.database
        if kind in UNUSABLE:
            self.setText(f"<b>{_(HEADLINES[kind])}</b><br>{_(EXPLANATIONS[kind])}")
            time = _("time")  # in the name of the file kept: hiplog-damaged-<time>.db
            kept = f"<nobr>hiplog-{kind}-&lt;{time}&gt;.db</nobr>"
            lines = [_("File: {path}").format(path=escape(str(path)))]
            if newest is not None:
                when = describe_time(newest.taken_at)
                lines.append(
                    _(
                        "Restore puts the backup of {when} in its place "
                        "(anything logged after it is not in that backup)."
                    ).format(when=when[0].lower() + when[1:])
                )
                self.restore_button = self.addButton(
                    _("Restore backup of {when}").format(when=when),
                    QMessageBox.ButtonRole.AcceptRole,
                )
                self.restore_button.setToolTip(str(newest.path))
            else:
                lines.append(
                    _("There is no usable backup in {folder}.").format(
                        folder=escape(str(locations.backups))
                    )
                )
            self.new_button = self.addButton(
                _("Start a new file"), QMessageBox.ButtonRole.DestructiveRole
            )
            self.new_button.setToolTip(_("Begin with no data; the old file is kept, renamed"))
            lines.append(
                _("Either way the current file is kept, renamed to {name} in {folder}.").format(
                    name=kept, folder=escape(str(path.parent))
                )
            )
            self.setInformativeText("<br><br>".join(lines))
        else:
            self.setText("<b>{}</b>".format(_("hiplog could not open your data file.")))
            self.setInformativeText(
                f"{escape(str(error))}<br><br>"
                + _("If another program is using the file, close it and try again.")
            )
            self.retry_button = self.addButton(_("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDetailedText(str(error))
        default = self.restore_button or self.retry_button
        # A newer file is best opened by the newer hiplog: quitting is the safe default.
        self.setDefaultButton(self.quit_button if kind == "newer" or default is None else default)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return Choice.RESTORE
        if clicked is not None and clicked is self.new_button:
            return Choice.NEW_FILE
        if clicked is not None and clicked is self.retry_button:
            return Choice.RETRY
        return Choice.QUIT

    def ask(self) -> Choice:
        self.exec()
        return self.choice()


def open_context_or_ask(locations: Locations, parent: QWidget | None = None) -> AppContext | None:
    """Open the database; when it cannot be used, ask what to do. None means quit.

    The unusable file is never modified: restoring a backup or starting a new file first
    renames it aside. Once open, the day's first start writes the daily backup (a later call
    of ensure_daily_backup the same day does nothing).
    """
    while True:
        try:
            ctx = AppContext.open(locations)
        except (DatabaseError, OSError) as exc:
            error = exc
        else:
            backups.ensure_daily_backup(ctx)
            return ctx
        if locations.database_url and isinstance(error, DatabaseError):
            choice_on_server = ServerProblemDialog(error, locations, parent).ask()
            if choice_on_server is ServerChoice.QUIT:
                return None
            if choice_on_server is ServerChoice.LOCAL:
                locations = without_server(locations)
            continue
        newest = backups.newest_good_backup(locations) if _kind(error) in UNUSABLE else None
        choice = DatabaseProblemDialog(error, locations, newest, parent).ask()
        if choice is Choice.QUIT:
            return None
        try:
            if choice is Choice.RESTORE:
                backups.restore_newest_good(locations)
            elif choice is Choice.NEW_FILE:
                backups.start_new_file(locations)
        except (HiplogError, OSError) as exc:
            _show_failure(str(exc), parent)


def _kind(error: DatabaseError | OSError) -> str:
    return getattr(error, "kind", "")


def _show_failure(message: str, parent: QWidget | None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("That did not work"),
        f"{message}\n\n" + _("The data file was not changed."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.exec()
