"""File > New athlete..., File > Athletes... and the switcher: which athlete the window shows.

Switching tells every view by `DataEvents.athlete_changed`; the window clears its undo stack
then (an undo would otherwise reach into the last athlete's sessions).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from hiplog.domain.errors import HiplogError
from hiplog.services import athletes
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _


class AthleteActions(QObject):
    """The athlete commands of the File menu, over one context."""

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.events = events
        self.window = parent
        self.new_action = QAction(_("New a&thlete..."), parent)
        self.new_action.setStatusTip(_("Keep another person's training in this database"))
        self.new_action.triggered.connect(self.ask_new_athlete)
        self.list_action = QAction(_("Athle&tes..."), parent)
        self.list_action.setStatusTip(_("Every athlete in this database; switch between them"))
        self.list_action.triggered.connect(self.open_list)
        events.athletes_listed.connect(self._update)
        events.sessions_changed.connect(self._update)  # an import or a restore may add some
        self._update()

    def _update(self) -> None:
        """File > Athletes... is there once there is more than one athlete."""
        try:
            several = len(self.ctx.athlete_names()) > 1
        except (OSError, HiplogError):
            several = False
        self.list_action.setVisible(several)

    def ask_new_athlete(self) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(_("New athlete"))
        dialog.setLabelText(
            _("Their sessions, settings and program are kept apart from everyone else's.\nName:")
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(self.add_athlete)
        dialog.open()
        return dialog

    def add_athlete(self, name: str) -> bool:
        """Add `name` and show them; a refusal (empty, taken) is said and changes nothing."""
        try:
            added = athletes.add_athlete(self.ctx, name)
        except (OSError, HiplogError) as exc:
            self._tell(_("No athlete added"), _sentence(exc))
            return False
        self.events.athletes_listed.emit()
        self.switch_to(added)
        return True

    def ask_rename(self, name: str) -> QInputDialog:
        """Ask for a new name for the athlete called `name` (the first athlete is "Me" until
        someone names them)."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(_("Rename athlete"))
        dialog.setLabelText(_("New name for {name}:").format(name=name))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(name)
        dialog.textValueSelected.connect(lambda new: self.rename_athlete(name, new))
        dialog.open()
        return dialog

    def rename_athlete(self, name: str, new: str) -> bool:
        """Rename; a refusal (empty, taken) is said and changes nothing."""
        try:
            athletes.rename_athlete(self.ctx, name, new)
        except (OSError, HiplogError) as exc:
            self._tell(_("Not renamed"), _sentence(exc))
            return False
        self.events.athletes_listed.emit()
        return True

    def switch_to(self, name: str) -> None:
        if name == self.ctx.athlete:
            return
        try:
            self.ctx.use_athlete(name)
        except (OSError, HiplogError) as exc:
            self._tell(_("Not switched"), _sentence(exc))
            return
        self.events.athlete_changed.emit()

    def _tell(self, title: str, text: str) -> None:
        """A refusal, in a window-modal box that does not stop the event loop."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_list(self) -> QWidget:
        from hiplog.ui.athletes.athletes_dialog import AthletesDialog

        dialog = AthletesDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def add_athlete_actions(
    menu: QMenu, ctx: AppContext, events: DataEvents, parent: QWidget
) -> AthleteActions:
    actions = AthleteActions(ctx, events, parent)
    menu.addAction(actions.new_action)
    menu.addAction(actions.list_action)
    return actions


def _sentence(exc: BaseException) -> str:
    """A refusal as a sentence: 'There is already an athlete called 'Sam'.'"""
    text = str(exc).rstrip(".")
    return text[:1].upper() + text[1:] + "."
