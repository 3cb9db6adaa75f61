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
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit
from hiplog.ui.common.translation import N_, _

Index = QModelIndex | QPersistentModelIndex

EXERCISE, SETS, REPS, LOADED_REPS, STEP = range(5)
# N_() markers, translated where shown.
HEADERS = (
    N_("Exercise"),
    N_("Sets"),
    N_("Rep range"),
    N_("Rep range with load"),
    N_("Load step (kg)"),
)
WHAT = {
    SETS: N_("sets"),
    REPS: N_("rep range"),
    LOADED_REPS: N_("rep range with load"),
    STEP: N_("load step"),
}
TOOLTIPS = {
    SETS: N_("How many working sets to suggest (1-20); empty keeps the catalog value"),
    REPS: N_("Lowest and highest reps, like 8-12; empty keeps the catalog value"),
    LOADED_REPS: N_("The rep range once you add load to a bodyweight exercise, like 8-12"),
    STEP: N_("Add this many kg each time instead of the equipment's usual step"),
}


def _range_text(rng: tuple[int, int] | None) -> str:
    return "" if rng is None else f"{rng[0]}-{rng[1]}"


def _parse_range(text: str, where: str) -> tuple[int, int] | None:
    value = text.strip().replace("–", "-")
    if not value:
        return None
    parts = [p.strip() for p in value.split("-")]
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise InputError(
            _("write the range as LOW-HIGH, like 8-12, not '{text}'").format(text=text), where
        )
    low, high = int(parts[0]), int(parts[1])
    if not 1 <= low <= high <= 100:
        raise InputError(
            _("needs 1 <= low <= high <= 100, not {low}-{high}").format(low=low, high=high), where
        )
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
                return _(HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = TOOLTIPS.get(section)
                return _(tip) if tip else None
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
                return exercise_name(ex.name)
            return own or self._default(ex, column)
        if role == Qt.ItemDataRole.EditRole:
            return exercise_name(ex.name) if column == EXERCISE else own
        if column == EXERCISE:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not own:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and own:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = TOOLTIPS.get(column)
            return (_(tip) if tip else None) if own else _("The catalog value; type to change it")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == EXERCISE:
            return False
        ex, column = self._exercises[index.row()], index.column()
        text = "" if value is None else str(value).strip()
        where = f"{exercise_name(ex.name)}, {_(WHAT[column])}"
        ov = self._overrides.get(ex.slug, ExerciseOverride())
        try:
            if column == SETS:
                if text and (not text.isdigit() or not 1 <= int(text) <= 20):
                    raise InputError(
                        _("sets must be a whole number from 1 to 20, not '{text}'").format(
                            text=text
                        ),
                        where,
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
                        raise InputError(
                            _("'{text}' is not a number").format(text=text), where
                        ) from None
                    if not 0 < step <= 100:
                        raise InputError(_("a step must be above 0 and at most 100 kg"), where)
                ov = replace(ov, step_kg=step)
        except InputError as exc:
            self.refused.emit(str(exc))
            return False
        self._overrides[ex.slug] = ov
        self.dataChanged.emit(self.index(index.row(), SETS), self.index(index.row(), STEP))
        return True
