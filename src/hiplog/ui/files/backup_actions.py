"""File > Back up now and File > Restore...: a verified copy on demand, and putting one back.

Restoring never asks "are you sure": the current state is backed up first, so a restore can
itself be undone by restoring that copy. Yesterday's backup is two clicks away in the dialog:
its row, then Restore (or one double-click on the row).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from hiplog.domain.errors import HiplogError
from hiplog.services import backups
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _
from hiplog.ui.files.restore_dialog import RestoreDialog


class BackupActions(QObject):
    """The two actions and what they do; a child of the menu, so it lives as long as it."""

    def __init__(
        self, ctx: AppContext, events: DataEvents, parent: QWidget, owner: QObject | None = None
    ) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.events = events
        self.window = parent
        self.last_message: QMessageBox | None = None
        self.backup_action = QAction(_("&Backup now"), parent)
        self.backup_action.setStatusTip(
            _("Write a checked copy of all your data to the backups folder")
        )
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(_("&Restore..."), parent)
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.restore_action.setStatusTip(
            _("Go back to an earlier backup (the current data is kept)")
        )
        self.restore_action.triggered.connect(self.restore)

    def back_up_now(self) -> None:
        try:
            path = backups.backup_now(self.ctx)
        except HiplogError as exc:
            self._tell(
                _("Backup failed"),
                _("The backup could not be written: {error}").format(error=exc),
                error=True,
            )
            return
        self._tell(
            _("Backed up"),
            _("A checked copy of your data was written to:\n{path}").format(path=path),
        )

    def restore_dialog(self) -> RestoreDialog:
        items = backups.list_backups(self.ctx.locations)
        return RestoreDialog(items, self.ctx.locations.backups, self.window)

    def restore(self) -> None:
        dialog = self.restore_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.restore_from(dialog.chosen)

    def restore_from(self, source: Path) -> None:
        """Restore `source` (the current state is backed up first) and tell every view."""
        try:
            saved = backups.restore_into(self.ctx, source)
        except HiplogError as exc:
            self._tell(
                _("Not restored"), _("Nothing was changed: {error}").format(error=exc), error=True
            )
            return
        self.events.sessions_changed.emit()
        self.events.catalog_changed.emit()
        self.events.settings_changed.emit()
        done = _("hiplog now shows the data of {name}.").format(name=source.name)
        if saved:
            done += "\n\n" + _("What hiplog held before was saved as:\n{path}").format(path=saved)
        self._tell(_("Restored"), done)

    def _tell(self, title: str, text: str, error: bool = False) -> None:
        """A window-modal message that does not block (the window stays responsive)."""
        icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_message = box
        box.open()


def add_backup_actions(menu: QMenu, ctx: AppContext, events: DataEvents, parent: QWidget) -> None:
    """Add "Back up now" and "Restore..." to `menu` (normally the File menu)."""
    actions = BackupActions(ctx, events, parent, owner=menu)
    menu.addAction(actions.backup_action)
    menu.addAction(actions.restore_action)
