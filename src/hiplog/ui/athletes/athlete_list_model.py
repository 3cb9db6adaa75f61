"""The athletes of the database as a table: name, unit and number of sessions."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.services.athletes import AthleteSummary
from hiplog.ui.common.translation import N_, _, ngettext

NAME, UNIT, SESSIONS = range(3)
HEADERS = (N_("Athlete"), N_("Weight unit"), N_("Sessions"))

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
                if athlete.name == self._current:
                    return _("{name} (shown now)").format(name=athlete.name)
                return athlete.name
            if column == UNIT:
                return athlete.unit
            count = athlete.sessions
            return ngettext("{count} session", "{count} sessions", count).format(count=count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SESSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None
