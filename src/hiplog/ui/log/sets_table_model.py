"""The sets of one exercise in the session being logged, as an editable table.

Rows are saved sets (they have a database id) followed by draft rows (typed or pre-filled from
the plan, not saved yet). The model never calls a service: it parses and checks what is typed,
keeps draft rows itself, and asks the Log view, by signal, to save a draft that became complete
(`completed`) or to change a saved set (`edit_requested`). The Log view answers through undo
commands that call `mark_saved`, `apply_saved`, `insert_saved` and `remove_row`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import count
from typing import Any

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
from hiplog.domain.records import RecordKind, describe
from hiplog.domain.units import Unit, format_load
from hiplog.domain.validation import parse_load, parse_reps, parse_rir
from hiplog.ui.common.number_text import load_text

SET, LOAD, REPS, RIR, WARMUP, SIDE, BAND, NOTES, RECORD = range(9)
COLUMN_TITLES = ("Set", "Load", "Reps", "RIR", "Warm-up", "Side", "Band", "Notes", "Record")
COLUMN_COUNT = len(COLUMN_TITLES)

#: Custom roles: the row's stable key, and whether it is saved.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SAVED_ROLE = Qt.ItemDataRole.UserRole + 2
TARGET_ROLE = Qt.ItemDataRole.UserRole + 3  # the plan's target for this cell, as text

_keys = count(1)

Index = QModelIndex | QPersistentModelIndex


def new_key() -> int:
    """A key that identifies a row across undo and redo (its database id changes)."""
    return next(_keys)


@dataclass(frozen=True)
class SetRow:
    """One row: a saved set (set_id given) or a draft."""

    key: int
    load_kg: float | None = None
    reps: int | None = None
    rir: int | None = None
    warmup: bool = False
    side: str | None = None
    band: str | None = None
    notes: str = ""
    set_id: int | None = None
    order: int = 0
    target_reps: int | None = None
    target_load_kg: float | None = None
    records: tuple[RecordKind, ...] = ()
    typed: bool = False  # the person changed this draft (so its load is not replaced)

    @property
    def saved(self) -> bool:
        return self.set_id is not None

    @property
    def complete(self) -> bool:
        """A draft with reps typed can be saved (a blank load means bodyweight)."""
        return self.reps is not None

    def entry(self, slug: str) -> SetEntry:
        return SetEntry(
            exercise=slug,
            order=max(self.order, 1),
            reps=self.reps or 0,
            load_kg=self.load_kg,
            rir=self.rir,
            warmup=self.warmup,
            side=self.side,
            band=self.band,
            notes=self.notes,
            id=self.set_id,
        )

    @classmethod
    def from_entry(cls, entry: SetEntry, key: int | None = None) -> SetRow:
        return cls(
            key=key if key is not None else new_key(),
            load_kg=entry.load_kg,
            reps=entry.reps,
            rir=entry.rir,
            warmup=entry.warmup,
            side=entry.side,
            band=entry.band,
            notes=entry.notes,
            set_id=entry.id,
            order=entry.order,
        )


def uses_band(exercise: Exercise) -> bool:
    return exercise.step_kind is StepKind.BAND or any("band" in e for e in exercise.equipment)


class SetsTableModel(QAbstractTableModel):
    """Sets of one exercise in one session; loads are shown and typed in the display unit."""

    completed = Signal(int)  # key of a draft row that can now be saved
    edit_requested = Signal(int, object)  # key of a saved row, the changed SetEntry
    input_refused = Signal(str)  # a message that says what was wrong and where

    def __init__(self, exercise: Exercise, unit: Unit, parent: Any = None) -> None:
        super().__init__(parent)
        self.exercise = exercise
        self.unit = unit
        #: The plates for a load in kg ("Plates: ..."), None when not a barbell; set by the Log.
        self.plates: Callable[[float | None], str | None] = lambda load_kg: None
        self._rows: list[SetRow] = []

    # --- reading ---------------------------------------------------------------------------

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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == LOAD:
                return f"Load ({self.unit.value})"
            return COLUMN_TITLES[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column == WARMUP:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column in (SET, RECORD):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == KEY_ROLE:
            return r.key
        if role == SAVED_ROLE:
            return r.saved
        if role == TARGET_ROLE:
            return self._target_text(r, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(r, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == WARMUP:
            return Qt.CheckState.Checked if r.warmup else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and self._shows_hint(r, column):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and (self._shows_hint(r, column) or column == RECORD):
            font = QFont()
            font.setItalic(column != RECORD)
            font.setBold(column == RECORD)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SET, LOAD, REPS, RIR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _shows_hint(self, r: SetRow, column: int) -> bool:
        if r.saved:
            return False
        if column == SET:
            return True
        return column == REPS and r.reps is None and r.target_reps is not None

    def _display(self, r: SetRow, row: int, column: int) -> str:
        if column == SET:
            if r.saved:
                return "W" if r.warmup else str(self._working_number(row))
            return "next"
        if column == LOAD:
            if not r.load_kg and r.saved:
                return "bodyweight"
            return load_text(r.load_kg, self.unit)
        if column == REPS:
            if r.reps is not None:
                return str(r.reps)
            return str(r.target_reps) if r.target_reps is not None else ""
        if column == RECORD:
            return "★ PR" if r.records else ""
        return self._edit_text(r, column)

    def _working_number(self, row: int) -> int:
        return sum(1 for r in self._rows[: row + 1] if r.saved and not r.warmup)

    def _edit_text(self, r: SetRow, column: int) -> str:
        if column == LOAD:
            return load_text(r.load_kg, self.unit)
        if column == REPS:
            return "" if r.reps is None else str(r.reps)
        if column == RIR:
            return "" if r.rir is None else str(r.rir)
        if column == SIDE:
            return r.side or ""
        if column == BAND:
            return r.band or ""
        if column == NOTES:
            return r.notes
        return ""

    def _target_text(self, r: SetRow, column: int) -> str:
        if column == REPS and r.target_reps is not None:
            return str(r.target_reps)
        if column == LOAD and r.target_load_kg:
            return load_text(r.target_load_kg, self.unit)
        return ""

    def _tooltip(self, r: SetRow, column: int) -> str | None:
        if column == RECORD and r.records:
            return describe(r.records)
        if column == SET:
            return "Saved" if r.saved else "Not saved yet: type the reps and press Enter"
        if column == REPS and not r.saved and r.target_reps is not None:
            return f"Target: {r.target_reps} reps. Type the reps you did."
        if column == LOAD and r.saved:
            return self.plates(r.load_kg)
        if column == LOAD:
            target = format_load(r.target_load_kg, self.unit) if r.target_load_kg else None
            text = f"Target: {target}" if target else "Leave blank for bodyweight"
            plates = self.plates(r.load_kg or r.target_load_kg)
            return f"{text}\n{plates}" if plates else text
        return None

    # --- editing ---------------------------------------------------------------------------

    def parse(self, column: int, text: str, row: int) -> Any:
        """The value of `text` typed in `column`; raises InputError saying what and where."""
        where = f"{self.exercise.name}, row {row + 1}, {COLUMN_TITLES[column].lower()}"
        if column == LOAD:
            return parse_load(text, self.unit, where)
        if column == REPS:
            if not text.strip():
                return None
            return parse_reps(text, where)
        if column == RIR:
            return parse_rir(text, where)
        if column == SIDE:
            value = text.strip().upper()
            if value in ("", "L", "R"):
                return value or None
            raise InputError(f"side is L, R or blank, not '{text}'", where)
        if column == BAND:
            return text.strip() or None
        if column == NOTES:
            return text.strip()
        raise InputError("this cell cannot be edited", where)

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
        if role == Qt.ItemDataRole.CheckStateRole and column == WARMUP:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._change(index.row(), replace(r, warmup=checked))
        if role != Qt.ItemDataRole.EditRole or column not in _FIELDS:
            return False
        try:
            parsed = self.parse(column, str(value), index.row())
        except InputError as exc:
            self.input_refused.emit(str(exc))
            return False
        if column == REPS and parsed is None and r.saved:
            self.input_refused.emit(
                f"{self.exercise.name}, row {index.row() + 1}: a saved set needs its reps; "
                "use Delete to remove the set"
            )
            return False
        return self._change(index.row(), replace(r, **{_FIELDS[column]: parsed}))

    def _change(self, row: int, changed: SetRow) -> bool:
        current = self._rows[row]
        if current.saved:
            if changed != current:
                self.edit_requested.emit(changed.key, changed.entry(self.slug))
            return True
        self._rows[row] = replace(changed, typed=True)
        self._row_changed(row)
        if changed.complete:
            self.completed.emit(changed.key)
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # --- changes the Log view makes --------------------------------------------------------

    def set_rows(self, rows: list[SetRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
            side = {"L": "R", "R": "L"}.get(last.side or "") if self.exercise.unilateral else None
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
        # Set numbers of later rows may change with it.
        self.dataChanged.emit(self.index(row, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

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
        self.dataChanged.emit(self.index(row, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

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
        if row < len(self._rows):
            self.dataChanged.emit(
                self.index(row, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )
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
                self.dataChanged.emit(self.index(i, RECORD), self.index(i, RECORD))


_FIELDS = {LOAD: "load_kg", REPS: "reps", RIR: "rir", SIDE: "side", BAND: "band", NOTES: "notes"}

_HEADER_TIPS = {
    SET: "Set number; W marks a warm-up set. 'next' rows are not saved yet.",
    LOAD: "External load. Leave blank for bodyweight.",
    REPS: "Repetitions done. A set is saved as soon as its reps are in.",
    RIR: "Reps in reserve: how many more reps you could have done (0-10). Optional.",
    WARMUP: "Warm-up sets are kept but do not count for progress or suggestions.",
    SIDE: "L or R for one-sided work.",
    BAND: "The band you used, by name (for example 'medium').",
    NOTES: "Anything worth remembering about this set.",
    RECORD: "PR marks a personal record; hover it to see which one.",
}
