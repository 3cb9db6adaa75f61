"""One program day's entries as a table: exercise (or ladder), sets, reps from, reps to, warm-up.

The model shows a day; an edit in a cell does not change it directly but asks for the day with
that entry changed (`entries_edited`), so the editor can make the change one undo command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from hiplog.domain.models import Exercise
from hiplog.domain.programs import MAX_REPS, MAX_SETS, ProgramEntry
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.translation import N_, _

Index = QModelIndex | QPersistentModelIndex
EXERCISE, SETS, LOW, HIGH, WARMUP = range(5)
HEADERS = (N_("Exercise"), N_("Sets"), N_("Reps from"), N_("Reps to"), N_("Warm-up"))


def entry_name(entry: ProgramEntry, lookup: Callable[[str], Exercise | None]) -> str:
    ex = lookup(entry.slug)
    name = exercise_name(ex.name) if ex is not None else entry.slug
    return ladder_name(name) if entry.ladder else name


def ladder_name(name: str) -> str:
    """'Glute bridge ladder': a program entry that moves up the variations as one progresses."""
    return _("{name} ladder").format(name=name)


class EntriesModel(QAbstractTableModel):
    entries_edited = Signal(object, str)  # the day's new entries (a tuple), what changed

    def __init__(self, lookup: Callable[[str], Exercise | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._entries: tuple[ProgramEntry, ...] = ()
        self._editable = True

    def set_entries(self, entries: Sequence[ProgramEntry], editable: bool) -> None:
        self.beginResetModel()
        self._entries = tuple(entries)
        self._editable = editable
        self.endResetModel()

    @property
    def entries(self) -> tuple[ProgramEntry, ...]:
        return self._entries

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == WARMUP:
            return Qt.CheckState.Checked if entry.warmup else Qt.CheckState.Unchecked
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        values = (
            entry_name(entry, self._lookup),
            entry.sets,
            entry.rep_range[0],
            entry.rep_range[1],
            None,
        )
        return values[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._editable or index.column() == EXERCISE:
            return base
        if index.column() == WARMUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        row, column = index.row(), index.column()
        entry = self._entries[row]
        if column == WARMUP and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            changed = replace(entry, warmup=checked)
            what = _("warm-up") if checked else _("not a warm-up")
        elif role == Qt.ItemDataRole.EditRole and column in (SETS, LOW, HIGH):
            try:
                number = int(value)
            except (TypeError, ValueError):
                return False
            lo, hi = entry.rep_range
            if column == SETS:
                changed = replace(entry, sets=min(max(number, 1), MAX_SETS))
            elif column == LOW:
                number = min(max(number, 1), MAX_REPS)
                changed = replace(entry, rep_range=(number, max(number, hi)))
            else:
                number = min(max(number, 1), MAX_REPS)
                changed = replace(entry, rep_range=(min(lo, number), number))
            what = f"{_(HEADERS[column]).lower()} {number}"
        else:
            return False
        if changed == entry:
            return False
        # Shown at once; the editor stores it (one command) once the cell's editor has closed.
        self._entries = (*self._entries[:row], changed, *self._entries[row + 1 :])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.entries_edited.emit(self._entries, f"{entry_name(entry, self._lookup)}: {what}")
        return True
