"""Every exercise for the Exercises view's list, in two groups: hip exercises (the catalog, then
the person's own) and other training, which the view shows collapsed (issue 12)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.models import Exercise
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.roles import SLUG_ROLE
from hiplog.ui.common.translation import N_, _
from hiplog.ui.common.vocabulary import equipment_text, muscles_text

Index = QModelIndex | QPersistentModelIndex
#: Text the search box matches: name, slug, aliases, muscles and equipment.
SEARCH_ROLE = SLUG_ROLE + 100

HIP_GROUP, OTHER_GROUP = 0, 1
GROUP_NAMES = (N_("Hip exercises"), N_("Other training"))


class ExerciseListModel(QAbstractItemModel):
    """Two group rows, each with its exercises as children (an index's internal id is 0 for a
    group, else its group + 1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: tuple[list[Exercise], list[Exercise]] = ([], [])

    def set_rows(self, exercises: Sequence[Exercise]) -> None:
        self.beginResetModel()
        self._groups = (
            [e for e in exercises if not e.is_other],
            [e for e in exercises if e.is_other],
        )
        self.endResetModel()

    def exercise(self, index: Index) -> Exercise | None:
        """The exercise at a (source) index; None for a group row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    def index_of(self, slug: str) -> QModelIndex:
        for group, rows in enumerate(self._groups):
            for row, exercise in enumerate(rows):
                if exercise.slug == slug:
                    return self.index(row, 0, self.index(group, 0))
        return QModelIndex()

    def group_index(self, group: int) -> QModelIndex:
        return self.index(group, 0)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < self._shown_groups() else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        rows = self._groups[parent.row()]
        return self.createIndex(row, 0, parent.row() + 1) if row < len(rows) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def _shown_groups(self) -> int:
        """The Other training group is there only when there is other training."""
        return 2 if self._groups[OTHER_GROUP] else 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._shown_groups()
        return len(self._groups[parent.row()]) if parent.internalId() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ex = self.exercise(index)
        if ex is None:
            return self._group_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            if ex.custom and not ex.is_other:
                return _("{name}  (yours)").format(name=ex.name)
            return exercise_name(ex.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if ex.is_other:
                return _("{name}: other training, kept but left out of every hip figure").format(
                    name=exercise_name(ex.name)
                )
            muscles = muscles_text(ex.muscles) or _("no muscles noted")
            return f"{exercise_name(ex.name)}: {muscles}"
        if role == SLUG_ROLE:
            return ex.slug
        if role == SEARCH_ROLE:
            parts = (
                ex.name,
                exercise_name(ex.name),
                ex.slug,
                *ex.aliases,
                *ex.muscles,
                *ex.equipment,
            )
            shown = (muscles_text(ex.muscles), equipment_text(ex.equipment))
            return " ".join((*parts, *shown))
        return None

    def _group_data(self, group: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_(GROUP_NAMES[group])} ({len(self._groups[group])})"
        if role == Qt.ItemDataRole.ToolTipRole and group == OTHER_GROUP:
            return _(
                "Training that is not hip-extension work: kept, shown in History and exported, "
                "but left out of the Plan, the hip charts and the weekly counts"
            )
        if role == SEARCH_ROLE:
            return ""
        return None
