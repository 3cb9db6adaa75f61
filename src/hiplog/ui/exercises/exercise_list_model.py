"""Every exercise, built-in and custom, in catalog order, for the Exercises view's list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.models import Exercise
from hiplog.ui.common.roles import SLUG_ROLE

Index = QModelIndex | QPersistentModelIndex
#: Text the search box matches: name, slug, aliases, muscles and equipment.
SEARCH_ROLE = SLUG_ROLE + 100


class ExerciseListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._exercises: list[Exercise] = []

    def set_rows(self, exercises: Sequence[Exercise]) -> None:
        self.beginResetModel()
        self._exercises = list(exercises)
        self.endResetModel()

    def exercise(self, row: int) -> Exercise:
        return self._exercises[row]

    def row_of(self, slug: str) -> int | None:
        for row, exercise in enumerate(self._exercises):
            if exercise.slug == slug:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exercises)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exercises):
            return None
        ex = self._exercises[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{ex.name}  (custom)" if ex.custom else ex.name
        if role == Qt.ItemDataRole.ToolTipRole:
            muscles = ", ".join(ex.muscles) or "no muscles noted"
            return f"{ex.name}: {muscles}"
        if role == SLUG_ROLE:
            return ex.slug
        if role == SEARCH_ROLE:
            parts = (ex.name, ex.slug, *ex.aliases, *ex.muscles, *ex.equipment)
            return " ".join(parts)
        return None
