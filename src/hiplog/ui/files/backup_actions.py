"""File > Back up now and File > Restore...: a verified copy on demand, and putting one back.

Restoring never asks "are you sure": the current state is backed up first, so a restore can
itself be undone by restoring that copy. Yesterday's backup is two clicks away in the dialog:
its row, then Restore (or one double-click on the row).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import HiplogError
from hiplog.services import backups
from hiplog.services.backups import BackupInfo
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents

Index = QModelIndex | QPersistentModelIndex

WHEN, KIND, SIZE = range(3)
HEADERS = ("Taken", "Why", "Size")
PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the backup file's Path
TAKEN_AT_ROLE = Qt.ItemDataRole.UserRole + 2  # its datetime, for tests and sorting

KIND_LABELS = {
    "daily": "Daily, at the first start of the day",
    "manual": "Backed up by hand",
    "pre-import": "Before an import",
    "pre-restore": "Before a restore",
}


def describe_kind(kind: str) -> str:
    if kind.startswith("pre-migration"):
        return "Before an update of the file's format"
    return KIND_LABELS.get(kind, kind)


def describe_time(taken: datetime, today: date | None = None) -> str:
    """'Today, 07:15', 'Yesterday, 21:04' or 'Mon 16 Nov 2026, 07:15'."""
    today = today or date.today()
    days = (today - taken.date()).days
    clock = f"{taken:%H:%M}"
    if days == 0:
        return f"Today, {clock}"
    if days == 1:
        return f"Yesterday, {clock}"
    return f"{taken:%a %d %b %Y}, {clock}"


def describe_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class BackupListModel(QAbstractTableModel):
    """The backups in the backups folder, newest first (read-only)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return describe_time(info.taken_at)
            if column == KIND:
                return describe_kind(info.kind)
            if column == SIZE:
                return describe_size(info.size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATH_ROLE:
            return info.path
        if role == TAKEN_AT_ROLE:
            return info.taken_at
        return None


class RestoreDialog(QDialog):
    """Pick a backup (newest first) or any file; `chosen` holds it after accept()."""

    def __init__(self, items: list[BackupInfo], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.chosen: Path | None = None
        self._folder = folder

        intro = QLabel(
            "Choose the backup to go back to. What hiplog holds now is backed up first, "
            "so you can return to it the same way."
        )
        intro.setWordWrap(True)

        self.model = BackupListModel(self)
        self.model.set_rows(items)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(KIND, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(WHEN)
        self.table.setToolTip("Double-click a backup to restore it")
        self.table.doubleClicked.connect(self._restore_row)

        self.empty_label = QLabel(
            f"There are no backups in {folder} yet. Use File > Backup now, or choose a file."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not items)
        self.table.setVisible(bool(items))

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Put the selected backup in place of the current data")
        self.restore_button.setDefault(True)
        self.choose_button = QPushButton("Choose file...")
        self.choose_button.setToolTip("Restore a backup file from another folder")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self._restore_selected)
        self.choose_button.clicked.connect(self._choose_file)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        where = QLabel(f"Backups are kept in {folder}")
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
    path, _ = QFileDialog.getOpenFileName(
        parent, "Choose a backup to restore", str(folder), "hiplog databases (*.db);;All files (*)"
    )
    return Path(path) if path else None


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
        self.backup_action = QAction("&Backup now", parent)
        self.backup_action.setStatusTip(
            "Write a checked copy of all your data to the backups folder"
        )
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("&Restore...", parent)
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.restore_action.setStatusTip("Go back to an earlier backup (the current data is kept)")
        self.restore_action.triggered.connect(self.restore)

    def back_up_now(self) -> None:
        try:
            path = backups.backup_now(self.ctx)
        except HiplogError as exc:
            self._tell("Backup failed", f"The backup could not be written: {exc}", error=True)
            return
        self._tell(
            "Backed up",
            f"A checked copy of your data was written to:\n{path}",
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
            self._tell("Not restored", f"Nothing was changed: {exc}", error=True)
            return
        self.events.sessions_changed.emit()
        self.events.catalog_changed.emit()
        self.events.settings_changed.emit()
        kept = f"\n\nWhat hiplog held before was saved as:\n{saved}" if saved else ""
        self._tell("Restored", f"hiplog now shows the data of {source.name}.{kept}")

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
