"""The athletes of the database as a table: name, unit and number of sessions."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.wording import plural
from hiplog.services.athletes import AthleteSummary

NAME, UNIT, SESSIONS = range(3)
HEADERS = ("Athlete", "Unit", "Sessions")

_Index = QModelIndex | QPersistentModelIndex


class AthleteListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._athletes: list[AthleteSummary] = []
        self._current = ""

    def set_athletes(self, athletes: list[AthleteSummary], current: str) -> None:
        self.beginResetModel()
        self._athletes = list(athletes)
        self._current = current
        self.endResetModel()

    def name_at(self, row: int) -> str:
        return self._athletes[row].name

    def row_of(self, name: str) -> int:
        names = [a.name for a in self._athletes]
        return names.index(name) if name in names else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._athletes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        athlete = self._athletes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == NAME:
                shown = " (shown now)" if athlete.name == self._current else ""
                return athlete.name + shown
            if column == UNIT:
                return athlete.unit
            return plural(athlete.sessions, "session")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SESSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
