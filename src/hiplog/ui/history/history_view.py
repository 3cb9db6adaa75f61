"""Session history: every session newest first, a month calendar, filter, open, edit, delete."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QPalette, QTextCharFormat, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.translation import exercise_name
from hiplog.domain.wording import date_text, date_time_text
from hiplog.services import exercises, history, programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.refresh_on_show import LazyView
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.undo_support import push, show_when_visible
from hiplog.ui.common.widgets import delete_key_action
from hiplog.ui.history.history_commands import DeleteSession
from hiplog.ui.history.history_table_model import (
    DATE,
    EXERCISES,
    PROGRAM_DAY,
    SESSION_ID_ROLE,
    SETS,
    VOLUME,
    HistoryTableModel,
)
from hiplog.ui.history.session_editor import SessionEditor
from hiplog.ui.history.session_preview import session_preview_html


class HistoryView(LazyView):
    """Session history."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, undo_stack, parent)
        self._days: dict[date, list[int]] = {}
        self._following_list = False  # the calendar is being moved to the selected session
        self.editor: SessionEditor | None = None
        top = self._build_top()
        self._build_table()
        side_scroll = self._build_side()
        self._build_list_stack()

        splitter = QSplitter()
        splitter.addWidget(self.list_stack)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        show_when_visible(self, undo_stack, self.message.setText)

    # --- building --------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        """The exercise filter, the count and the Open and Delete buttons."""
        self.filter_combo = QComboBox()
        self.filter_combo.setToolTip(_("Show only the sessions that include this exercise"))
        self.filter_combo.setMinimumContentsLength(24)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel()
        self.open_button = QPushButton(_("Open…"))
        self.open_button.setToolTip(_("Open the selected session to correct it (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(_("Delete session"))
        self.delete_button.setToolTip(
            _("Delete the selected session with all its sets (Delete key)")
        )
        self.delete_button.clicked.connect(self.delete_selected)

        top = QHBoxLayout()
        exercise_label = QLabel(_("E&xercise"))
        exercise_label.setBuddy(self.filter_combo)
        top.addWidget(exercise_label)
        top.addWidget(self.filter_combo)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.delete_button)
        return top

    def _build_table(self) -> None:
        """The sessions, newest first."""
        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(_("Sessions, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EXERCISES, QHeaderView.ResizeMode.Stretch)
        for column in (DATE, SETS, VOLUME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # size those columns from the rows on screen, not from a thousand loaded rows
        header.setResizeContentsPrecision(0)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.delete_action = delete_key_action(self.table, _("Delete session"))
        self.delete_action.triggered.connect(self.delete_selected)

    def _build_side(self) -> QScrollArea:
        """The calendar, its legend, messages and the preview of the selected session."""
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setAccessibleName(_("Calendar of sessions"))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setToolTip(
            _(
                "Highlighted days have a session: click one (or move there with the arrow keys) "
                "to select it in the list; double-click or Enter opens it"
            )
        )
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.selectionChanged.connect(self._calendar_selection_changed)
        self.calendar.activated.connect(self._day_activated)
        legend = QLabel(
            _(
                "Highlighted days have a session. Click one to select it in the list; "
                "double-click to open it."
            )
        )
        legend.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setToolTip(_("The selected session; open it to correct a set"))

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(3, 3, 3, 3)  # room for the focus ring of the calendar
        side_layout.addWidget(self.calendar)
        side_layout.addWidget(legend)
        side_layout.addWidget(self.message)
        side_layout.addWidget(self.preview)
        side_layout.addStretch(1)
        # a long session's sets scroll rather than run off the bottom of a small window
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setAccessibleName(_("Calendar and the selected session"))
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = side_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        side_scroll.setMinimumWidth(side.minimumSizeHint().width() + bar)
        return side_scroll

    def _build_list_stack(self) -> None:
        """The table, or in its place a welcome while there is no session."""
        self.empty_label = QLabel(
            _(
                "<h3>No sessions yet</h3>"
                "<p>Every session you log in the Log is listed here, newest first. Select one to "
                "see its sets; open it (Enter or double-click) to correct a typo, add a "
                "forgotten set or change its date. Delete removes a session, and Ctrl+Z brings "
                "it back.</p>"
                "<p>Kept a log in another app? File, Import... brings it in.</p>"
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setContentsMargins(8, 8, 8, 8)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

    # --- refresh ---------------------------------------------------------------------------

    def selected_session_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, SESSION_ID_ROLE)
        return int(value) if value is not None else None

    def current_filter(self) -> str | None:
        data = self.filter_combo.currentData()
        return str(data) if data else None

    def reload(self) -> None:
        """Reload the list (first page), the filter choices and the calendar marks."""
        self._dirty = False
        keep, keep_row = self.selected_session_id(), self.table.currentIndex().row()
        scrolled = self.table.verticalScrollBar().value()
        before = self.current_filter()
        self._fill_filter()
        exercise = self.current_filter()
        ctx = self._ctx

        def loader(offset: int, limit: int) -> list[history.HistoryRow]:
            return history.history_page(ctx, exercise, offset, limit)

        # the same list refreshed (an edit): keep the rows scrolled to, fetched in one query
        loaded = self.model.rowCount() if exercise == before else 0
        days = programs.session_day_names(ctx)
        self.model.set_source(loader, ctx.settings().unit, loaded, days)
        self.table.setColumnHidden(PROGRAM_DAY, not days)
        total = history.session_count(ctx, exercise)
        if exercise:
            counted = ngettext(
                "{count} session with this exercise", "{count} sessions with this exercise", total
            )
        else:
            counted = ngettext("{count} session", "{count} sessions", total)
        self.count_label.setText(counted.format(count=total))
        self._mark_days()
        self.preview.clear()
        self.list_stack.setCurrentWidget(self.empty_label if total == 0 else self.table)
        if (keep is None or not self.select_session(keep, quiet=True)) and self.model.rowCount():
            # gone (deleted): stay on the row that took its place; else the newest session
            same_list = exercise == before and keep_row >= 0
            self.table.selectRow(min(keep_row, self.model.rowCount() - 1) if same_list else 0)
            if same_list:
                self.table.verticalScrollBar().setValue(scrolled)
        self._update_buttons()

    def _fill_filter(self) -> None:
        current = self.current_filter()
        counts = exercises.logged_set_counts(self._ctx)
        with QSignalBlocker(self.filter_combo):
            self.filter_combo.clear()
            self.filter_combo.addItem(_("All exercises"), None)
            for exercise in self._ctx.catalog():
                if counts.get(exercise.slug):
                    self.filter_combo.addItem(exercise_name(exercise.name), exercise.slug)
            found = self.filter_combo.findData(current) if current else 0
            self.filter_combo.setCurrentIndex(max(found, 0))

    def _filter_changed(self) -> None:
        self.reload()

    # --- calendar --------------------------------------------------------------------------

    def _mark_days(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = date(year, month, 1) - timedelta(days=7)
        last = date(year, month, 28) + timedelta(days=14)
        self._days = history.training_days(self._ctx, first, last)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear every mark
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        background = highlight.lighter(100)
        background.setAlpha(110)
        marked = QTextCharFormat()
        marked.setBackground(background)
        marked.setForeground(self.palette().color(QPalette.ColorRole.Text))
        marked.setFontWeight(700)
        for day, ids in self._days.items():
            if (day.year, day.month) != (year, month):
                continue  # days of the next or previous month stay plain
            fmt = QTextCharFormat(marked)
            fmt.setToolTip(
                ngettext("{count} session", "{count} sessions", len(ids)).format(count=len(ids))
            )
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    def _page_changed(self, year: int, month: int) -> None:
        self._mark_days()

    def _day_clicked(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        ids = self._days.get(day) or history.training_days(self._ctx, day, day).get(day, [])
        if not ids:
            self.message.setText(_("No session on {date}.").format(date=date_text(day)))
            return
        if self.selected_session_id() in ids:  # a second session of that day stays selected
            self.message.clear()
        else:
            self.select_session(ids[-1])

    def _calendar_selection_changed(self) -> None:
        """Moving through the calendar with the keyboard selects the day's session too."""
        if not self._following_list:
            self._day_clicked(self.calendar.selectedDate())

    def _day_activated(self, qdate: QDate) -> None:
        """Double-click or Enter on a day with a session opens it."""
        self._day_clicked(qdate)
        row = self.table.currentIndex()
        if row.isValid() and self.model.history_row(row.row()).started_at.date() == date(
            qdate.year(), qdate.month(), qdate.day()
        ):
            self.open_selected()

    # --- selection -------------------------------------------------------------------------

    def select_session(self, session_id: int, quiet: bool = False) -> bool:
        """Select a session in the list, loading pages as needed; False if it is not listed."""
        exercise = self.current_filter()
        position = history.position_of(self._ctx, session_id, exercise)
        if position is None and exercise is not None and not quiet:
            self.filter_combo.setCurrentIndex(0)  # reloads without the filter
            position = history.position_of(self._ctx, session_id, None)
        if position is None or not self.model.load_through(position):
            return False
        row = self.model.row_of(session_id)
        if row is None:
            return False
        index = self.model.index(row, DATE)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if not quiet:
            self.message.clear()
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._update_buttons()
        if current.isValid():
            row = self.model.history_row(current.row())
            started = row.started_at
            self._following_list = True
            try:
                self.calendar.setSelectedDate(QDate(started.year, started.month, started.day))
            finally:
                self._following_list = False
            self.preview.setText(session_preview_html(self._ctx, row.session_id))
        else:
            self.preview.clear()

    def _update_buttons(self) -> None:
        has = self.selected_session_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- actions ---------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        self.open_selected()

    def open_selected(self) -> SessionEditor | None:
        session_id = self.selected_session_id()
        if session_id is None:
            return None
        editor = SessionEditor(self._ctx, self._events, self._undo_stack, session_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.destroyed.connect(self._editor_closed)
        editor.open()
        return editor

    def _editor_closed(self) -> None:
        self.editor = None

    def delete_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.message.setText(_("Select a session to delete first."))
            return
        row = self.model.history_row(index.row())
        label = date_time_text(row.started_at)
        command = DeleteSession(
            self._ctx, self._events, row.session_id, label, self._announce_delete
        )
        if (failure := push(self._undo_stack, command)) is not None:
            self.message.setText(str(failure))

    def _announce_delete(self, session_id: int | None, sentence: str) -> None:
        """A session was deleted (None) or put back by undo (its id): say so, and select the
        session that came back so the person sees it is there."""
        self.reload_if_stale()
        self.message.setText(sentence)
        if session_id is not None:
            self.select_session(session_id, quiet=True)

    def show_exercise(self, slug: str) -> None:
        """Focus this view on one exercise (used by --exercise and by other views)."""
        self.reload_if_stale()
        found = self.filter_combo.findData(slug)
        self.filter_combo.setCurrentIndex(found if found >= 0 else 0)
