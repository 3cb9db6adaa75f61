"""The sessions of the History view, newest first, fetched a page at a time as the list scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import date_time_text
from hiplog.services.history import PAGE_SIZE, HistoryRow
from hiplog.ui.common.locale_names import whole_number
from hiplog.ui.common.translation import N_, _, ngettext

Index = QModelIndex | QPersistentModelIndex
#: Loads `limit` rows starting at `offset` (newest first).
PageLoader = Callable[[int, int], list[HistoryRow]]

DATE, EXERCISES, SETS, VOLUME, PROGRAM_DAY = range(5)
HEADERS = (N_("Date"), N_("Exercises"), N_("Sets"), N_("Volume"), N_("Program day"))
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STARTED_AT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The number behind a cell (datetime, set count, volume in kg) for sorting and tests.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3


def format_volume(row: HistoryRow, unit: Unit) -> str:
    """'2,040 kg', or the reps when the work had no load to count (bodyweight only)."""
    if row.sets == 0:
        return "—"
    if row.volume_kg > 0:
        return f"{whole_number(from_kg(row.volume_kg, unit))} {unit.value}"
    return ngettext("{count} rep (bodyweight)", "{count} reps (bodyweight)", row.reps).format(
        count=row.reps
    )


def format_sets(row: HistoryRow) -> str:
    warmups = row.sets - row.working_sets
    if not warmups:
        return str(row.working_sets)
    return _("{working} + {warmups} warm-up").format(working=row.working_sets, warmups=warmups)


class HistoryTableModel(QAbstractTableModel):
    """Read-only rows of `HistoryRow`; more are loaded when the view scrolls to the end."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._loader: PageLoader | None = None
        self._exhausted = True
        self._unit = Unit.KG
        self._program_days: dict[int, tuple[str, str]] = {}  # session id -> (day, program)
        self.page_size = PAGE_SIZE

    # --- loading ---------------------------------------------------------------------------

    def set_source(
        self,
        loader: PageLoader | None,
        unit: Unit,
        rows: int = 0,
        program_days: dict[int, tuple[str, str]] | None = None,
    ) -> None:
        """Start over with a new source: the first page (or `rows` rows, if more) is loaded
        at once, in one query, so a refresh keeps what was scrolled to without paging again.
        `program_days` names the program day of each session done while following one."""
        self.beginResetModel()
        self._loader, self._unit = loader, unit
        self._program_days = dict(program_days or {})
        self._rows = []
        self._exhausted = loader is None
        if loader is not None:
            wanted = max(self.page_size, rows)
            first = loader(0, wanted)
            self._rows = list(first)
            self._exhausted = len(first) < wanted
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loader is None:
            return
        page = self._loader(len(self._rows), self.page_size)
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def load_through(self, row: int) -> bool:
        """Fetch pages until `row` is loaded; False if the list is shorter."""
        while row >= len(self._rows) and self.canFetchMore():
            self.fetchMore()
        return row < len(self._rows)

    # --- lookup ----------------------------------------------------------------------------

    def row_of(self, session_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.session_id == session_id:
                return number
        return None

    def history_row(self, row: int) -> HistoryRow:
        return self._rows[row]

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole and section == VOLUME:
                return _(
                    "Reps x load of working sets, counting both dumbbells of a pair and the "
                    "share of bodyweight an exercise moves"
                )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return date_time_text(row.started_at)
            if column == EXERCISES:
                return ", ".join(exercise_name(n) for n in row.exercises) or _("(no sets)")
            if column == SETS:
                return format_sets(row)
            if column == VOLUME:
                return format_volume(row, self._unit)
            if column == PROGRAM_DAY:
                return self._program_days.get(row.session_id, ("", ""))[0]
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == PROGRAM_DAY and row.session_id in self._program_days:
                day, program = map(exercise_name, self._program_days[row.session_id])
                return _("{day} of {program}").format(day=day, program=program)
            if column == EXERCISES:
                return "\n".join(exercise_name(n) for n in row.exercises) or _(
                    "This session has no sets yet"
                )
            return _("Double-click or press Enter to open this session")
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (SETS, VOLUME):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == SESSION_ID_ROLE:
            return row.session_id
        elif role == STARTED_AT_ROLE:
            return row.started_at
        elif role == VALUE_ROLE:
            values: tuple[Any, ...] = (
                row.started_at,
                row.exercises,
                row.sets,
                row.volume_kg,
                self._program_days.get(row.session_id, ("", ""))[0],
            )
            return values[column]
        return None
