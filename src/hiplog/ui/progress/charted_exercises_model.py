"""The exercises the Progress view can chart: those with at least one logged working set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.translation import exercise_name
from hiplog.services.charts import TrainedExercise
from hiplog.ui.common.translation import N_, _, ngettext

Index = QModelIndex | QPersistentModelIndex

NAME, SESSIONS = range(2)
HEADERS = (N_("Exercise"), N_("Sessions"))
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


class ChartExerciseModel(QAbstractTableModel):
    """Read-only rows of `TrainedExercise`: hip exercises in catalog order, then other training."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TrainedExercise] = []

    def set_rows(self, rows: Sequence[TrainedExercise]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, slug: str) -> int:
        """The row of `slug`, or -1."""
        for i, row in enumerate(self._rows):
            if row.slug == slug:
                return i
        return -1

    def slug_at(self, row: int) -> str:
        return self._rows[row].slug

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SESSIONS:
                return row.sessions
            return (
                _("{name}  (other training)").format(name=row.name)
                if row.other
                else exercise_name(row.name)
            )
        if role == SLUG_ROLE:
            return row.slug
        if role == Qt.ItemDataRole.ToolTipRole:
            return ngettext(
                "{name}: {count} session logged. "
                "Ctrl+click another exercise to compare them on one chart.",
                "{name}: {count} sessions logged. "
                "Ctrl+click another exercise to compare them on one chart.",
                row.sessions,
            ).format(name=exercise_name(row.name), count=row.sessions)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SESSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _(HEADERS[section])
        return None
