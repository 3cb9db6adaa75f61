"""The damaged rows as a table: table, row id, column, what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.translation import translator
from hiplog.services.row_repair import BadRow
from hiplog.ui.common.translation import N_, _

Index = QModelIndex | QPersistentModelIndex


class BadRowsModel(QAbstractTableModel):
    """Read-only rows of `row_repair.bad_rows`, one per bad value."""

    HEADERS = (N_("Table"), N_("Row id"), N_("Column"), N_("What is wrong"))

    def __init__(self, rows: list[BadRow]) -> None:
        super().__init__()
        self._rows = list(rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        bad = self._rows[index.row()]
        # The problem is row_check's N_ marker, in the domain `hiplog`.
        problem = translator("hiplog").gettext(bad.problem)
        return (bad.table, str(bad.row_id), bad.column, problem)[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.HEADERS[section])
        return None

    def set_rows(self, rows: list[BadRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
