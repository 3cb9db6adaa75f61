"""The backups folder as a table: when each copy was taken, why, and its size."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.wording import date_text, number_text
from hiplog.services.backups import BackupInfo
from hiplog.ui.common.translation import N_, _, ngettext

Index = QModelIndex | QPersistentModelIndex

WHEN, KIND, SIZE = range(3)
HEADERS = (N_("Taken"), N_("Why"), N_("Size"))  # translated where shown
PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the backup file's Path
TAKEN_AT_ROLE = Qt.ItemDataRole.UserRole + 2  # its datetime, for tests and sorting

KIND_LABELS = {
    "daily": N_("Daily, at the first start of the day"),
    "manual": N_("Backed up by hand"),
    "pre-import": N_("Before an import"),
    "pre-restore": N_("Before a restore"),
}


def describe_kind(kind: str) -> str:
    if kind.startswith("pre-migration"):
        return _("Before an update of the file's format")
    label = KIND_LABELS.get(kind)
    return _(label) if label else kind


def describe_time(taken: datetime, today: date | None = None) -> str:
    """'Today, 07:15', 'Yesterday, 21:04' or 'Mon 16 Nov 2026, 07:15'."""
    today = today or date.today()
    days = (today - taken.date()).days
    clock = f"{taken:%H:%M}"
    if days == 0:
        return _("Today, {time}").format(time=clock)
    if days == 1:
        return _("Yesterday, {time}").format(time=clock)
    return _("{date}, {time}").format(date=date_text(taken.date()), time=clock)


def describe_size(size: int) -> str:
    if size < 1024:
        return ngettext("{count} byte", "{count} bytes", size).format(count=size)
    if size < 1024 * 1024:
        return _("{size} KB").format(size=f"{size / 1024:.0f}")
    return _("{size} MB").format(size=number_text(size / 1024 / 1024, 1))


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
            return _(HEADERS[section])
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
