"""Sets as an editable table: the Log's sets of one exercise, and the sets of a logged session
in the History's session editor. Columns and their wording are declared once, on the class.

Rows are saved sets (they have a database id), in the Log followed by draft rows (typed or
pre-filled from the plan, not saved yet). The model never calls a service: it parses and checks
what is typed, keeps draft rows itself, and asks its view by signal to save a draft that became
complete (`completed`) or to change a saved set (`edit_requested`). The view answers through undo
commands; in the Log they call `mark_saved`, `apply_saved`, `insert_row` and `remove_row`, in the
session editor the view reloads the session with `set_entries`.

Every view shows the columns it needs and hides the others (the Log has no Exercise column, the
session editor no Record column), so a column has one number everywhere.

What a cell shows and how typed text is read, without Qt, is in set_cells.py.

Over 400 lines because it is one QAbstractTableModel whose parts lean on each other: the Qt
overrides, the checks of typed text and the draft-row bookkeeping all read the same rows and
emit the same dataChanged; split across files a reader would chase one row through three.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, SetEntry, StepKind
from hiplog.domain.records import RecordKind
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit
from hiplog.domain.validation import validate_set
from hiplog.ui.common import roles
from hiplog.ui.common import set_cells as cells
from hiplog.ui.common.set_row import SetRow, new_key
from hiplog.ui.common.translation import _

Index = QModelIndex | QPersistentModelIndex


def uses_band(exercise: Exercise) -> bool:
    return exercise.step_kind is StepKind.BAND or any("band" in e for e in exercise.equipment)


class SetsTableModel(QAbstractTableModel):
    """Sets of one session (of one exercise, or all of them); loads in the display unit."""

    # Columns (the same numbers in every view) and what the cells say: see set_cells.py.
    EXERCISE, SET, LOAD, REPS, RIR, WARMUP, SIDE, BAND, NOTES, RECORD = cells.COLUMNS
    TITLES, WHAT, NUMBERED = cells.TITLES, cells.WHAT, cells.NUMBERED
    FIELDS: ClassVar[dict[int, str]] = cells.FIELDS
    HEADER_TIPS: ClassVar[dict[int, str]] = cells.HEADER_TIPS

    KEY_ROLE = roles.KEY_ROLE
    SAVED_ROLE = roles.SAVED_ROLE
    TARGET_ROLE = roles.TARGET_ROLE
    SET_ID_ROLE = roles.SET_ID_ROLE

    completed = Signal(int)  # key of a draft row that can now be saved
    edit_requested = Signal(int, object, str)  # key of a saved row, the changed SetEntry, what
    refused = Signal(str)  # a message that says what was wrong and where

    def __init__(
        self,
        unit: Unit,
        exercise: Exercise | None = None,
        parent: Any = None,
        *,
        number_by_order: bool = False,
    ) -> None:
        """`exercise`: the one exercise of every row (the Log), else rows name theirs.
        `number_by_order`: the Set column shows the set's number as logged instead of counting
        working sets (W for a warm-up), so it matches "set 3" in messages (session editor)."""
        super().__init__(parent)
        self._exercise = exercise
        self.unit = unit
        self._number_by_order = number_by_order
        self._names: dict[str, str] = {}
        #: The plates for a load in kg ("Plates: ..."), None when not a barbell; set by the Log.
        self.plates: Callable[[float | None], str | None] = lambda load_kg: None
        self._rows: list[SetRow] = []

    # --- reading ---------------------------------------------------------------------------

    @property
    def exercise(self) -> Exercise:
        """The one exercise of a Log table (a session editor's table has several)."""
        assert self._exercise is not None, "a table of several exercises has no one exercise"
        return self._exercise

    @property
    def slug(self) -> str:
        return self.exercise.slug

    def rows(self) -> list[SetRow]:
        return list(self._rows)

    def saved_rows(self) -> list[SetRow]:
        return [r for r in self._rows if r.saved]

    def row_of(self, key: int) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        raise KeyError(key)

    def row_at(self, row: int) -> SetRow:
        return self._rows[row]

    def by_key(self, key: int) -> SetRow:
        return self._rows[self.row_of(key)]

    def set_entry(self, row: int) -> SetEntry:
        """The saved set of `row` as it is in the database."""
        return self._entry(self._rows[row])

    def _entry(self, r: SetRow) -> SetEntry:
        return r.entry(self._exercise.slug if self._exercise is not None else None)

    def name_of(self, r: SetRow) -> str:
        if self._exercise is not None:
            return exercise_name(self._exercise.name)
        return self._names.get(r.exercise, r.exercise)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.TITLES):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.LOAD:
                return _("Load ({unit})").format(unit=self.unit.value)
            return _(self.TITLES[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.HEADER_TIPS.get(section)
            return _(tip) if tip else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column == self.WARMUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column in self.FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return cells.edit_text(r, column, self.unit)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.WARMUP:
            return Qt.CheckState.Checked if r.warmup else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._look_or_role(r, column, role)

    def _look_or_role(self, r: SetRow, column: int, role: int) -> Any:
        """The hint colour and fonts, and the custom roles."""
        hint = cells.shows_hint(r, column)
        if role == Qt.ItemDataRole.ForegroundRole and hint:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and (hint or column == self.RECORD):
            font = QFont()
            font.setItalic(column != self.RECORD)
            font.setBold(column == self.RECORD)
            return font
        if role == self.KEY_ROLE:
            return r.key
        if role == self.SAVED_ROLE:
            return r.saved
        if role == self.TARGET_ROLE:
            return cells.target_text(r, column, self.unit)
        if role == self.SET_ID_ROLE:
            return r.set_id
        return None

    def _display(self, r: SetRow, row: int, column: int) -> str:
        if column == self.EXERCISE:
            return self.name_of(r)
        if column == self.SET:
            if not r.saved:
                return _("next")
            if self._number_by_order:
                return str(r.order)
            return _("W") if r.warmup else str(self._working_number(row))
        return cells.display_text(r, column, self.unit)

    def _tooltip(self, r: SetRow, column: int) -> str | None:
        """The cell's tooltip; a barbell load also names its plates."""
        tip = cells.tooltip(r, column, self.unit)
        if column != self.LOAD:
            return tip
        plates = self.plates(r.load_kg if r.saved else (r.load_kg or r.target_load_kg))
        if plates is None:
            return tip
        return plates if r.saved else f"{tip}\n{plates}"

    def _working_number(self, row: int) -> int:
        return sum(1 for r in self._rows[: row + 1] if r.saved and not r.warmup)

    # --- editing ---------------------------------------------------------------------------

    def where(self, row: int, column: int) -> str:
        """Where a cell is, in a message, named as the Set column shows it: 'set 2', 'warm-up
        set', 'next set' (the first row not saved), 'next set, row 5' (a later one)."""
        r = self._rows[row]
        shown = self._display(r, row, self.SET)
        if not r.saved:
            first_draft = next(i for i, x in enumerate(self._rows) if not x.saved)
            place = (
                _("next set")
                if row == first_draft
                else _("next set, row {row}").format(row=row + 1)
            )
        elif r.warmup and not self._number_by_order:
            place = _("warm-up set")
        else:
            place = _("set {number}").format(number=shown)
        return f"{self.name_of(r)}, {place}, {_(self.WHAT[column])}"

    def parse(self, column: int, text: str, row: int) -> Any:
        """The value of `text` typed in `column`; raises InputError saying what and where."""
        return cells.parse_cell(column, text, self.unit, self.where(row, column))

    def check(self, index: Index, text: str) -> str | None:
        """The message to show if `text` cannot go in the cell, else None."""
        try:
            self.parse(index.column(), text, index.row())
        except InputError as exc:
            return str(exc)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.WARMUP:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._change(index.row(), column, replace(r, warmup=checked))
        if role != Qt.ItemDataRole.EditRole or column not in self.FIELDS:
            return False
        try:
            parsed = self.parse(column, "" if value is None else str(value), index.row())
        except InputError as exc:
            self.refused.emit(str(exc))
            return False
        if column == self.REPS and parsed is None and r.saved:
            self.refused.emit(
                _("{where}: a saved set needs its reps; use Delete to remove the set").format(
                    where=self.where(index.row(), column)
                )
            )
            return False
        return self._change(index.row(), column, replace(r, **{self.FIELDS[column]: parsed}))

    def _change(self, row: int, column: int, changed: SetRow) -> bool:
        current = self._rows[row]
        if current.saved:
            if changed == current:
                return True
            entry = self._entry(changed)
            try:
                validate_set(entry, self.where(row, column))
            except InputError as exc:
                self.refused.emit(str(exc))
                return False
            self.edit_requested.emit(changed.key, entry, _(self.WHAT[column]))
            return True
        self._rows[row] = replace(changed, typed=True)
        self._row_changed(row)
        if changed.complete:
            self.completed.emit(changed.key)
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _rows_changed_from(self, row: int) -> None:
        """Rows from `row` on changed (set numbers of later rows change with a row)."""
        if row < len(self._rows):
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(row, 0), last)

    # --- changes the views make ------------------------------------------------------------

    def set_unit(self, unit: Unit) -> None:
        """Show loads in `unit` (the header says which)."""
        self.unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.LOAD, self.LOAD)
        self._rows_changed_from(0)

    def set_rows(self, rows: list[SetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_entries(self, sets: Sequence[SetEntry], names: dict[str, str], unit: Unit) -> None:
        """Show these saved sets (names by slug); when only values changed, update in place."""
        same_rows = [s.id for s in sets] == [r.set_id for r in self._rows] and unit is self.unit
        self._names = names
        if same_rows:
            for row, (before, entry) in enumerate(zip(self._rows, sets, strict=True)):
                after = SetRow.from_entry(entry, before.key)
                if after != before:
                    self._rows[row] = after
                    self._row_changed(row)
            return
        self.beginResetModel()
        self._rows, self.unit = [SetRow.from_entry(s) for s in sets], unit
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def add_drafts(self, rows: list[SetRow]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def ensure_trailing_draft(self) -> None:
        """Keep one empty row at the end, with the load (and side, band) of the set before it."""
        if self._rows and not self._rows[-1].saved:
            return
        last = self._rows[-1] if self._rows else None
        draft = SetRow(key=new_key())
        if last is not None:
            one_sided = self._exercise is not None and self._exercise.unilateral
            side = {"L": "R", "R": "L"}.get(last.side or "") if one_sided else None
            draft = replace(
                draft,
                load_kg=last.load_kg,
                band=last.band,
                side=side,
                target_reps=last.target_reps or last.reps,
                target_load_kg=last.target_load_kg,
            )
        self.add_drafts([draft])

    def carry_load(self, key: int) -> None:
        """The draft after row `key` takes its load and band, unless the person typed in it."""
        row = self.row_of(key)
        if row + 1 >= len(self._rows):
            return
        done, following = self._rows[row], self._rows[row + 1]
        if following.saved or following.typed:
            return
        self._rows[row + 1] = replace(following, load_kg=done.load_kg, band=done.band)
        self._row_changed(row + 1)

    def mark_saved(self, key: int, set_id: int, order: int) -> None:
        row = self.row_of(key)
        self._rows[row] = replace(self._rows[row], set_id=set_id, order=order)
        self._rows_changed_from(row)

    def keep_write_token(self, key: int, token: str) -> None:
        """Remember the token of a draft whose save is being tried (nothing shown changes)."""
        row = self.row_of(key)
        self._rows[row] = replace(self._rows[row], write_token=token)

    def apply_saved(self, key: int, entry: SetEntry) -> None:
        row = self.row_of(key)
        old = self._rows[row]
        self._rows[row] = replace(
            SetRow.from_entry(entry, key),
            set_id=old.set_id,
            target_reps=old.target_reps,
            target_load_kg=old.target_load_kg,
            records=old.records,
        )
        self._rows_changed_from(row)

    def insert_row(self, position: int, r: SetRow) -> None:
        position = max(0, min(position, len(self._rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, r)
        self.endInsertRows()

    def remove_row(self, key: int) -> SetRow:
        row = self.row_of(key)
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        self.endRemoveRows()
        self._rows_changed_from(row)
        return removed

    def clear_draft(self, key: int) -> None:
        row = self.row_of(key)
        r = self._rows[row]
        self._rows[row] = SetRow(
            key=r.key,
            target_reps=r.target_reps,
            target_load_kg=r.target_load_kg,
            load_kg=r.target_load_kg,
            side=r.side,
            band=r.band,
        )
        self._row_changed(row)

    def set_records(self, records: dict[int, tuple[RecordKind, ...]]) -> None:
        """Badges by row key; rows not named lose theirs."""
        for i, r in enumerate(self._rows):
            kinds = records.get(r.key, ())
            if kinds != r.records:
                self._rows[i] = replace(r, records=kinds)
                self.dataChanged.emit(self.index(i, self.RECORD), self.index(i, self.RECORD))
