"""The sets of one session as an editable table; each accepted edit is handed to `commit`.

The model never writes to the database itself: `commit(before, after, what)` (the session
editor pushes an undo command) returns None on success or the message to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.domain.units import Unit
from hiplog.domain.validation import parse_load, parse_reps, parse_rir, validate_set
from hiplog.ui.common.number_text import load_text

Index = QModelIndex | QPersistentModelIndex
Commit = Callable[[SetEntry, SetEntry, str], str | None]

EXERCISE, SET, LOAD, REPS, RIR, WARMUP, SIDE, BAND, NOTES = range(9)
EDITABLE = (LOAD, REPS, RIR, WARMUP, SIDE, BAND, NOTES)
WHAT = {
    LOAD: "load",
    REPS: "reps",
    RIR: "RIR",
    WARMUP: "warm-up",
    SIDE: "side",
    BAND: "band",
    NOTES: "notes",
}
SET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOOLTIPS = {
    LOAD: "External load; leave it empty for bodyweight only",
    REPS: "Reps done in this set",
    RIR: "Reps in reserve: how many more you could have done (0-10); empty if not noted",
    WARMUP: "Warm-up sets are kept but left out of volume and progression",
    SIDE: "L or R for a set done on one side; empty for both",
    BAND: "The band used, if any",
    NOTES: "Anything worth remembering about this set",
}


class SessionSetsModel(QAbstractTableModel):
    refused = Signal(str)  # a value was not accepted: the message says what and where

    def __init__(self, commit: Commit, parent: Any = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._sets: list[SetEntry] = []
        self._names: dict[str, str] = {}
        self._unit = Unit.KG

    def headers(self) -> tuple[str, ...]:
        return (
            "Exercise",
            "Set",
            f"Load ({self._unit.value})",
            "Reps",
            "RIR",
            "Warm-up",
            "Side",
            "Band",
            "Notes",
        )

    def set_rows(self, sets: Sequence[SetEntry], names: dict[str, str], unit: Unit) -> None:
        """Show these sets; when only values changed, update the rows in place."""
        same_rows = [s.id for s in sets] == [s.id for s in self._sets] and unit is self._unit
        if same_rows:
            old, self._sets, self._names = self._sets, list(sets), names
            for row, (before, after) in enumerate(zip(old, sets, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, NOTES))
            return
        self.beginResetModel()
        self._sets, self._names, self._unit = list(sets), names, unit
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, NOTES)

    def set_entry(self, row: int) -> SetEntry:
        return self._sets[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else NOTES + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section <= NOTES:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOOLTIPS.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == WARMUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _text(self, entry: SetEntry, column: int, editing: bool) -> str | None:
        if column == EXERCISE:
            return self._names.get(entry.exercise, entry.exercise)
        if column == SET:
            return str(entry.order)
        if column == LOAD:
            text = load_text(entry.load_kg, self._unit)
            return text if text or editing else "bodyweight"
        if column == REPS:
            return str(entry.reps)
        if column == RIR:
            return "" if entry.rir is None else str(entry.rir)
        if column == SIDE:
            return entry.side or ""
        if column == BAND:
            return entry.band or ""
        if column == NOTES:
            return entry.notes
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sets):
            return None
        entry, column = self._sets[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(entry, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and column == WARMUP:
            return Qt.CheckState.Checked if entry.warmup else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.flagged:
                return "Flagged on import as out of range: left out of statistics"
            return TOOLTIPS.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SET, LOAD, REPS, RIR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SET_ID_ROLE:
            return entry.id
        return None

    def _parse(self, entry: SetEntry, column: int, value: Any, where: str) -> SetEntry:
        text = "" if value is None else str(value)
        if column == LOAD:
            return replace(entry, load_kg=parse_load(text, self._unit, where))
        if column == REPS:
            return replace(entry, reps=parse_reps(text, where))
        if column == RIR:
            return replace(entry, rir=parse_rir(text, where))
        if column == SIDE:
            side = text.strip().upper() or None
            if side not in (None, "L", "R"):
                raise InputError(f"side must be L, R or empty, not '{text}'", where)
            return replace(entry, side=side)
        if column == BAND:
            return replace(entry, band=text.strip() or None)
        if column == NOTES:
            return replace(entry, notes=text.strip())
        raise InputError("this column cannot be edited", where)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._sets):
            return False
        row, column = index.row(), index.column()
        entry = self._sets[row]
        name = self._names.get(entry.exercise, entry.exercise)
        where = f"{name}, set {entry.order}, {WHAT.get(column, 'value')}"
        try:
            if column == WARMUP and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
                changed = replace(entry, warmup=checked)
            elif column in EDITABLE and column != WARMUP and role == Qt.ItemDataRole.EditRole:
                changed = self._parse(entry, column, value, where)
            else:
                return False
            validate_set(changed, where)
        except InputError as exc:
            self.refused.emit(str(exc))
            return False
        if changed == entry:
            return True
        problem = self._commit(entry, changed, WHAT[column])
        if problem is not None:
            self.refused.emit(problem)
            return False
        self._sets[row] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTES))
        return True
