"""Per-exercise sets, rep ranges and load step in the Settings dialog; empty = catalog value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise
from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.domain.units import Unit

Index = QModelIndex | QPersistentModelIndex

EXERCISE, SETS, REPS, LOADED_REPS, STEP = range(5)
HEADERS = ("Exercise", "Sets", "Rep range", "Rep range with load", "Load step (kg)")
WHAT = {SETS: "sets", REPS: "rep range", LOADED_REPS: "rep range with load", STEP: "load step"}
TOOLTIPS = {
    SETS: "How many working sets to suggest (1-20); empty keeps the catalog value",
    REPS: "Lowest and highest reps, like 8-12; empty keeps the catalog value",
    LOADED_REPS: "The rep range once you add load to a bodyweight exercise, like 8-12",
    STEP: "Add this many kg each time instead of the equipment's usual step",
}


def _range_text(rng: tuple[int, int] | None) -> str:
    return "" if rng is None else f"{rng[0]}-{rng[1]}"


def _parse_range(text: str, where: str) -> tuple[int, int] | None:
    value = text.strip().replace("–", "-")
    if not value:
        return None
    parts = [p.strip() for p in value.split("-")]
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InputError(f"write the range as LOW-HIGH, like 8-12, not '{text}'", where)
    low, high = int(parts[0]), int(parts[1])
    if not 1 <= low <= high <= 100:
        raise InputError(f"needs 1 <= low <= high <= 100, not {low}-{high}", where)
    return (low, high)


class OverridesTableModel(QAbstractTableModel):
    refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._exercises: list[Exercise] = []
        self._overrides: dict[str, ExerciseOverride] = {}
        self._settings = ProgressionSettings()

    def set_rows(
        self,
        exercises: Sequence[Exercise],
        overrides: Mapping[str, ExerciseOverride],
        settings: ProgressionSettings,
    ) -> None:
        self.beginResetModel()
        self._exercises = list(exercises)
        self._overrides = dict(overrides)
        self._settings = settings
        self.endResetModel()

    def overrides(self) -> dict[str, ExerciseOverride]:
        """The overrides as edited, without empty ones."""
        return {slug: ov for slug, ov in self._overrides.items() if not ov.is_empty()}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exercises)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return TOOLTIPS.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == EXERCISE else base | Qt.ItemFlag.ItemIsEditable

    def _own(self, ex: Exercise, column: int) -> str:
        ov = self._overrides.get(ex.slug, ExerciseOverride())
        if column == SETS:
            return "" if ov.sets is None else str(ov.sets)
        if column == REPS:
            return _range_text(ov.rep_range)
        if column == LOADED_REPS:
            return _range_text(ov.loaded_rep_range)
        if column == STEP:
            return "" if ov.step_kg is None else f"{ov.step_kg:g}"
        return ""

    def _default(self, ex: Exercise, column: int) -> str:
        if column == SETS:
            return str(ex.sets)
        if column == REPS:
            return _range_text(ex.rep_range)
        if column == LOADED_REPS:
            return _range_text(ex.loaded_rep_range)
        if column == STEP and ex.step_kind is not None:
            step = self._settings.step_for(ex.step_kind, Unit.KG)
            return "" if step is None else f"{step:g}"
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exercises):
            return None
        ex, column = self._exercises[index.row()], index.column()
        own = self._own(ex, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EXERCISE:
                return ex.name
            return own or self._default(ex, column)
        if role == Qt.ItemDataRole.EditRole:
            return ex.name if column == EXERCISE else own
        if column == EXERCISE:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not own:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and own:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOOLTIPS.get(column) if own else "The catalog value; type to change it"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == EXERCISE:
            return False
        ex, column = self._exercises[index.row()], index.column()
        text = "" if value is None else str(value).strip()
        where = f"{ex.name}, {WHAT[column]}"
        ov = self._overrides.get(ex.slug, ExerciseOverride())
        try:
            if column == SETS:
                if text and (not text.isdigit() or not 1 <= int(text) <= 20):
                    raise InputError(
                        f"sets must be a whole number from 1 to 20, not '{text}'", where
                    )
                ov = replace(ov, sets=int(text) if text else None)
            elif column in (REPS, LOADED_REPS):
                rng = _parse_range(text, where)
                if column == REPS:
                    ov = replace(ov, rep_range=rng)
                else:
                    ov = replace(ov, loaded_rep_range=rng)
            else:
                step: float | None = None
                if text:
                    try:
                        step = float(text.replace(",", "."))
                    except ValueError:
                        raise InputError(f"'{text}' is not a number", where) from None
                    if not 0 < step <= 100:
                        raise InputError("a step must be above 0 and at most 100 kg", where)
                ov = replace(ov, step_kg=step)
        except InputError as exc:
            self.refused.emit(str(exc))
            return False
        self._overrides[ex.slug] = ov
        self.dataChanged.emit(self.index(index.row(), SETS), self.index(index.row(), STEP))
        return True
