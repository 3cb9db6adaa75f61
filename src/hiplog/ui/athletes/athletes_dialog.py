"""File > Athletes...: every athlete with their unit and sessions; switch to one or add one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import HiplogError
from hiplog.services import athletes
from hiplog.ui.athletes.athlete_actions import AthleteActions
from hiplog.ui.athletes.athlete_list_model import NAME, AthleteListModel
from hiplog.ui.common.translation import _


class AthletesDialog(QDialog):
    def __init__(self, actions: AthleteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.setWindowTitle(_("Athletes"))
        self.model = AthleteListModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Athletes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # "Gewichtseinheit"
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.show_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton(_("&Show this athlete"), self)
        self.add_button = QPushButton(_("&New athlete..."), self)
        self.rename_button = QPushButton(_("&Rename..."), self)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.rename_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.show_button.clicked.connect(self.show_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.add_button.clicked.connect(actions.ask_new_athlete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        actions.events.athletes_listed.connect(self.fill)
        actions.events.athlete_changed.connect(self.fill)
        self.resize(420, 300)
        self.fill()

    def fill(self) -> None:
        try:
            found = athletes.list_athletes(self._actions.ctx)
            current = self._actions.ctx.athlete
        except (OSError, HiplogError):
            found, current = [], ""
        self.model.set_athletes(found, current)
        row = self.model.row_of(current)
        if row >= 0:
            self.table.selectRow(row)

    def rename_selected(self) -> None:
        """Ask for a new name for the selected athlete."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._actions.ask_rename(self.model.name_at(rows[0].row()))

    def show_selected(self) -> None:
        """Show the selected athlete in the window."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._actions.switch_to(self.model.name_at(rows[0].row()))
