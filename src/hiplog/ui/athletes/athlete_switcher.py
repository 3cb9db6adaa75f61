"""The athlete switcher: a combo box over the view list, there once there are two athletes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from hiplog.domain.errors import HiplogError
from hiplog.ui.athletes.athlete_actions import AthleteActions
from hiplog.ui.common.translation import _


class AthleteSwitcher(QComboBox):
    def __init__(self, actions: AthleteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        # Says what the box is at a glance ("Me" alone over the views could be anything).
        self.label = QLabel(_("Athlete:"), parent)
        self.label.setBuddy(self)
        self.setToolTip(_("Whose training the window shows"))
        self.setAccessibleName(_("Athlete"))
        self.activated.connect(lambda row: actions.switch_to(self.itemText(row)))
        actions.events.athletes_listed.connect(self.fill)
        actions.events.athlete_changed.connect(self.fill)
        # An import of every athlete's backup, or a restore, may bring athletes.
        actions.events.sessions_changed.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        """List the athletes, the one shown selected; hidden while there is only one."""
        try:
            names = self._actions.ctx.athlete_names()
            current = self._actions.ctx.athlete
        except (OSError, HiplogError):
            names, current = [], ""
        blocked = self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setCurrentIndex(max(self.findText(current), 0))
        self.blockSignals(blocked)
        self.setVisible(len(names) > 1)
        self.label.setVisible(len(names) > 1)
