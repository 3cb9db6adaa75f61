"""File > Restore...: pick a backup (or any backup file) to put back.

Yesterday's backup is two clicks away: its row, then Restore (or one double-click on the row).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.services.backups import BackupInfo
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.common.translation import _
from hiplog.ui.files.backup_list_model import KIND, WHEN, BackupListModel


class RestoreDialog(QDialog):
    """Pick a backup (newest first) or any file; `chosen` holds it after accept()."""

    def __init__(self, items: list[BackupInfo], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Restore a backup"))
        self.chosen: Path | None = None
        self._folder = folder

        intro = QLabel(
            _(
                "Choose the backup to go back to. What hiplog holds now is backed up first, "
                "so you can return to it the same way."
            )
        )
        intro.setWordWrap(True)

        self.model = BackupListModel(self)
        self.model.set_rows(items)
        self.table = QTableView(self)
        self.table.setAccessibleName(_("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(KIND, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(WHEN)
        self.table.setToolTip(_("Double-click a backup to restore it"))
        self.table.doubleClicked.connect(self._restore_row)

        self.empty_label = QLabel(
            _(
                "There are no backups in {folder} yet. Use File > Backup now, or choose a file."
            ).format(folder=folder)
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not items)
        self.table.setVisible(bool(items))

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(_("Restore"))
        self.restore_button.setToolTip(_("Put the selected backup in place of the current data"))
        self.restore_button.setDefault(True)
        self.choose_button = QPushButton(_("Choose file..."))
        self.choose_button.setToolTip(_("Restore a backup file from another folder"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._restore_selected)
        self.choose_button.clicked.connect(self._choose_file)
        buttons.rejected.connect(self.reject)
        tab_buttons_in_reading_order(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        where = QLabel(_("Backups are kept in {folder}").format(folder=folder))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(560, 360)

        self.restore_button.setEnabled(bool(items))
        if items:
            self.table.selectRow(0)

    def _restore_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen = self.model.backup_at(index.row()).path
            self.accept()

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._restore_row(rows[0])

    def _choose_file(self) -> None:
        path = choose_backup_file(self, self._folder)
        if path is not None:
            self.chosen = path
            self.accept()


def choose_backup_file(parent: QWidget, folder: Path) -> Path | None:
    """Ask for any backup file (the system's file dialog); None when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose a backup to restore"),
        str(folder),
        _("hiplog databases (*.db);;All files (*)"),
    )
    return Path(path) if path else None
