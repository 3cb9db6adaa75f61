"""The body measurements as a table: date, bodyweight, hip and thigh, in the person's units."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.body import BodyMeasurement, length_unit
from hiplog.domain.units import Unit
from hiplog.domain.wording import date_text, trim_number
from hiplog.services.body import in_unit
from hiplog.ui.common.translation import _

DATE, BODYWEIGHT, HIP, THIGH = range(4)
Index = QModelIndex | QPersistentModelIndex


class BodyTableModel(QAbstractTableModel):
    """One row per entry, newest first; a value not measured is blank."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BodyMeasurement] = []
        self._unit = Unit.KG

    def set_rows(self, rows: list[BodyMeasurement], unit: Unit) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda m: m.measured_at, reverse=True)
        self._unit = unit
        self.endResetModel()

    def entry(self, row: int) -> BodyMeasurement:
        return self._rows[row]

    def row_of_day(self, entry: BodyMeasurement) -> int:
        """The row of the entry on `entry`'s day; -1 when there is none."""
        day = entry.measured_at.date()
        return next((i for i, m in enumerate(self._rows) if m.measured_at.date() == day), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        length = length_unit(self._unit)
        return (
            _("Date"),
            _("Bodyweight ({unit})").format(unit=self._unit.value),
            _("Hip ({unit})").format(unit=length),
            _("Thigh ({unit})").format(unit=length),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != DATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if index.column() == DATE:
            return date_text(entry.measured_at.date())
        value = in_unit(entry, self._unit)[index.column() - 1]
        return "" if value is None else trim_number(value, 1)
