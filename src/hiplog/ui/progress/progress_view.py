"""The Progress view: strength and volume per exercise, weekly volume against its targets, and
the Body charts (bodyweight, hip and thigh over time).

Data comes from `services.charts.ChartData` (SQL aggregates, cached per exercise) and, for the
Body tab, `services.body.body_series`; the view only draws. It reloads lazily: a change of data
marks it dirty, and it redraws when next shown.
Under the charts, the adherence calendar (adherence_map.py) shows the last year day by day.

Over 400 lines: building the view (in named steps), choosing what to draw and the two save
dialogs read best together; the charts themselves are exercise_charts.py, weekly_charts.py,
body_charts.py and adherence_map.py. The Body measurements button asks the main window for the
dialog (DataEvents.body_dialog_requested): feature folders do not import one another.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.chart_description import (
    describe_body_charts,
    describe_exercise_charts,
    describe_weekly_charts,
)
from hiplog.domain.chart_series import ExerciseCharts
from hiplog.domain.errors import InputError
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit, from_kg
from hiplog.domain.wording import date_text, date_time_text, format_load
from hiplog.services import body, programs
from hiplog.services.chart_export import export_exercise_csv, export_weekly_csv
from hiplog.services.charts import ChartData, ChartRange, describe_sets
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.locale_names import whole_number
from hiplog.ui.common.refresh_on_show import LazyView
from hiplog.ui.common.translation import N_, _, ngettext
from hiplog.ui.progress.adherence_map import AdherenceMap, summary
from hiplog.ui.progress.body_charts import BodyChartsWidget
from hiplog.ui.progress.chart_export import export_image
from hiplog.ui.progress.chart_items import keep_content_visible, stamp
from hiplog.ui.progress.chart_palette import ChartColours
from hiplog.ui.progress.charted_exercises_model import NAME, SESSIONS, ChartExerciseModel
from hiplog.ui.progress.exercise_charts import ExerciseChartsWidget
from hiplog.ui.progress.weekly_charts import WeeklyChartsWidget

EXERCISE_TAB, WEEKLY_TAB, BODY_TAB = range(3)
BODY_EMPTY_TEXT = N_(
    "No bodyweight or body measurements yet. Add them with Edit > Body measurements (or the "
    "Body measurements button above), or type your bodyweight with a session in the Log."
)
#: Sets listed in a point's tooltip before "and N more".
TIP_SETS = 12
RANGE_LABELS = {  # translated where shown
    ChartRange.WEEKS_4: N_("4 weeks"),
    ChartRange.MONTHS_3: N_("3 months"),
    ChartRange.YEAR: N_("1 year"),
    ChartRange.ALL: N_("All"),
}


class ProgressView(LazyView):
    """Charts of progress per exercise (compare several) and per week."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, undo_stack, parent)
        self.data = ChartData(ctx)
        self._colours = ChartColours.from_palette(self.palette())
        self._range_chosen = False  # until the person picks one, long histories open at 1 year
        self._range_note = False  # the status line says the range holds no session
        top = self._build_controls()
        self._build_list()
        self._build_charts()
        splitter = QSplitter()
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.chart_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        splitter.setChildrenCollapsible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.adherence = AdherenceMap(self)
        self.adherence.setAccessibleName(_("Adherence calendar of the last year"))
        self.adherence_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.adherence_label)
        layout.addWidget(self.adherence)
        # the save buttons sit under the chart, so the row above stays narrow enough for a
        # small window or a screen scaled to 200 %
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.image_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.csv_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        self._connect()

    def _build_controls(self) -> QHBoxLayout:
        """The Per exercise / Weekly tabs, the range and volume choices, the save buttons."""
        self.mode = QTabBar()
        self.mode.setUsesScrollButtons(False)  # every tab whole, in any language
        self.mode.addTab(_("Per exercise"))
        self.mode.addTab(_("Weekly"))
        self.mode.addTab(_("Body"))
        self.mode.setTabToolTip(BODY_TAB, _("Bodyweight, hip and thigh circumference over time"))
        self.mode.setAccessibleName(_("Charts"))
        self.mode.setTabToolTip(EXERCISE_TAB, _("Strength and volume of the exercises you pick"))
        self.mode.setTabToolTip(
            WEEKLY_TAB, _("Sessions and hard sets per week, against the recommended ranges")
        )
        self.range_box = QComboBox()
        for choice in ChartRange:
            self.range_box.addItem(_(RANGE_LABELS[choice]), choice)
        self.range_box.setCurrentIndex(self.range_box.findData(ChartRange.ALL))
        self.range_box.setToolTip(_("How far back the charts reach"))
        self.range_box.setAccessibleName(_("Chart range"))
        self.volume_box = QComboBox()
        self.volume_box.addItem(_("Volume per session"), False)
        self.volume_box.addItem(_("Volume per week"), True)
        self.volume_box.setToolTip(
            _(
                "Volume is reps x load (bodyweight work without a load: reps), per session or "
                "summed per week"
            )
        )
        self.volume_box.setAccessibleName(_("Volume per session or per week"))
        self.image_button = QPushButton(_("Save picture…"))
        self.image_button.setToolTip(_("Save the chart as a PNG image or an SVG drawing"))
        self.csv_button = QPushButton(_("Save numbers…"))
        self.csv_button.setToolTip(_("Save the numbers behind the chart as a CSV file"))
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addStretch(1)
        show = QLabel(_("&Show:"))
        show.setBuddy(self.range_box)
        top.addWidget(show)
        top.addWidget(self.range_box)
        top.addWidget(self.volume_box)
        self.body_button = QPushButton(_("Body measurements…"))
        self.body_button.setToolTip(_("Add or change your bodyweight, hip and thigh by date"))
        top.addWidget(self.body_button)
        return top

    def _build_list(self) -> None:
        """The exercises that can be charted, with a hint on comparing them."""
        self.model = ChartExerciseModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            SESSIONS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setToolTip(_("Click an exercise to chart it; Ctrl+click more to compare them"))
        self.table.setAccessibleName(_("Exercises to chart"))
        hint = QLabel(_("Ctrl+click to compare exercises on one chart."))
        hint.setWordWrap(True)
        self.list_panel = QWidget()
        self.list_panel.setMinimumWidth(150)
        left = QVBoxLayout(self.list_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table)
        left.addWidget(hint)

    def _build_charts(self) -> None:
        """The charts in a scroll area: below their minimum size they scroll instead of being
        cut off (a small window, or a screen scaled to 200 %)."""
        self.exercise_charts = ExerciseChartsWidget(self._colours, self.font())
        self.weekly_charts = WeeklyChartsWidget(self._colours, self.font())
        self.body_charts = BodyChartsWidget(self._colours, self.font())
        # What the charts show in numbers, for screen readers (set on every redraw)
        self.exercise_charts.setAccessibleName(_("Strength and volume chart"))
        self.weekly_charts.setAccessibleName(_("Weekly sessions and hard sets chart"))
        self.body_charts.setAccessibleName(_("Bodyweight, hip and thigh chart"))
        line = self.fontMetrics().height()
        self._chart_width = 28 * line  # and wider when a title or a legend needs it
        self.exercise_charts.setMinimumSize(self._chart_width, 26 * line)
        self.weekly_charts.setMinimumSize(self._chart_width, 34 * line)
        self.body_charts.setMinimumSize(self._chart_width, 32 * line)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        # room inside the scroll area for the focus ring around a chart (it is drawn there)
        self.stack.setContentsMargins(3, 3, 3, 3)
        self.stack.addWidget(self.exercise_charts)
        self.stack.addWidget(self.weekly_charts)
        self.stack.addWidget(self.body_charts)
        self.stack.addWidget(self.empty_label)
        self.stack.currentChanged.connect(self._fit_stack)
        self.chart_area = QScrollArea()
        self.chart_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stops at the chart itself
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setWidget(self.stack)
        self._fit_stack()

    def _fit_stack(self) -> None:
        """The stack asks for the minimum size of the page shown only (a stacked widget asks
        for its largest page's, which would make the exercise charts scroll for the weekly)."""
        current = self.stack.currentWidget()
        pages: list[QWidget] = [
            self.exercise_charts,
            self.weekly_charts,
            self.body_charts,
            self.empty_label,
        ]
        for page in pages:
            page.setSizePolicy(
                QSizePolicy.Policy.Expanding if page is current else QSizePolicy.Policy.Ignored,
                QSizePolicy.Policy.Expanding if page is current else QSizePolicy.Policy.Ignored,
            )
        if current is not None:
            self.stack.setMinimumSize(current.minimumSize())

    def _connect(self) -> None:
        self.mode.currentChanged.connect(self._redraw)
        self.range_box.currentIndexChanged.connect(self._range_changed)
        self.volume_box.currentIndexChanged.connect(self._redraw)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.image_button.clicked.connect(self._ask_image)
        self.csv_button.clicked.connect(self._ask_csv)
        self.body_button.clicked.connect(self._events.body_dialog_requested.emit)

    # --- loading -------------------------------------------------------------------------

    def _data_changed(self) -> None:
        self.data.invalidate()
        super()._data_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = ChartColours.from_palette(self.palette())
            self.exercise_charts.set_colours(self._colours)
            self.weekly_charts.set_colours(self._colours)
            self.body_charts.set_colours(self._colours)
            if not self._dirty:
                self._redraw()

    def reload(self) -> None:
        """Read the list of exercises again and redraw, keeping the chosen exercises."""
        chosen = self.selected_exercises()
        self._dirty = False
        trained = self.data.trained_exercises()
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.set_rows(trained)
        self.table.selectionModel().blockSignals(blocker)
        rows = [r for r in (self.model.row_of(s) for s in chosen) if r >= 0]
        if not rows and trained:
            busiest = max(trained, key=lambda t: t.sessions)
            rows = [self.model.row_of(busiest.slug)]
        self._select_rows(rows)
        self._redraw()
        today = date.today()
        days = programs.adherence(self._ctx, today)
        self.adherence.set_days(days, today)
        self.adherence_label.setText("<b>{}</b>: {}".format(_("Adherence"), summary(days)))
        self.adherence.setAccessibleDescription(summary(days))

    def _select_rows(self, rows: list[int]) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        blocker = self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(rows[0], 0))
        self.table.selectionModel().blockSignals(blocker)

    def selected_exercises(self) -> list[str]:
        """Slugs of the charted exercises, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.slug_at(r) for r in rows]

    def show_exercise(self, slug: str) -> None:
        """Chart this one exercise (used by --exercise and by other views)."""
        self.reload_if_stale()
        self.mode.setCurrentIndex(EXERCISE_TAB)
        row = self.model.row_of(slug)
        if row < 0:
            name = self._ctx.catalog().get(slug)
            label = exercise_name(name.name) if name else slug
            self._show_empty(
                _(
                    "No working sets of {name} are logged yet. Log a session and its progress "
                    "shows here."
                ).format(name=label)
            )
            return
        self._select_rows([row])
        self._redraw()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._redraw()

    # --- drawing -------------------------------------------------------------------------

    def _unit(self) -> Unit:
        return self._ctx.settings().unit

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)
        for button in (self.image_button, self.csv_button):
            button.setEnabled(False)  # nothing on screen to save

    def current_charts(self) -> list[ExerciseCharts]:
        out = []
        for slug in self.selected_exercises():
            try:
                out.append(self.data.exercise(slug))
            except InputError:
                continue  # removed since the list was read
        return out

    def _redraw(self) -> None:
        weekly_mode = self.mode.currentIndex() in (WEEKLY_TAB, BODY_TAB)
        self.list_panel.setVisible(not weekly_mode)
        self.volume_box.setVisible(not weekly_mode)
        if self._dirty:
            return
        if self.mode.currentIndex() == BODY_TAB:
            self._redraw_body()
            return
        if not self.model.rowCount():
            self.list_panel.hide()  # an empty list says nothing the message does not
            self._show_empty(
                _(
                    "Nothing to chart yet. Log a few sessions (or import a history) and your "
                    "strength and volume appear here."
                )
            )
            return
        if weekly_mode:
            self.weekly_charts.set_weekly(self.data.weekly())
            self.weekly_charts.setAccessibleDescription(
                describe_weekly_charts(self.data.weekly(), self.range_start(), self._range_end())
            )
            self.stack.setCurrentWidget(self.weekly_charts)
        else:
            charts = self.current_charts()
            if not charts:
                self._show_empty(_("Pick an exercise on the left to see its progress."))
                return
            self._default_range(charts)
            self._say_if_range_is_empty(charts)
            start = self.range_start()
            self.exercise_charts.set_charts(
                charts,
                self._unit(),
                bool(self.volume_box.currentData()),
                self.point_tooltip,
                (None if start is None else stamp(start), stamp(self._range_end())),
            )
            self.exercise_charts.setAccessibleDescription(
                describe_exercise_charts(
                    charts,
                    self._unit(),
                    bool(self.volume_box.currentData()),
                    start,
                    self._range_end(),
                )
            )
            self.stack.setCurrentWidget(self.exercise_charts)
        for button in (self.image_button, self.csv_button):
            button.setEnabled(True)
        self._apply_range()
        keep_content_visible(self._visible_chart(), self._chart_width)
        self._fit_stack()

    def _redraw_body(self) -> None:
        """The Body tab: its charts, or how to add a first measurement."""
        series = body.body_series(self._ctx)
        if series.empty:
            self._show_empty(_(BODY_EMPTY_TEXT))
            return
        self.body_charts.set_series(series, self._unit())
        self.body_charts.setAccessibleDescription(
            describe_body_charts(
                series.bodyweight,
                series.hip,
                series.thigh,
                self._unit(),
                self.range_start(),
                self._range_end(),
            )
        )
        self.stack.setCurrentWidget(self.body_charts)
        self.image_button.setEnabled(True)
        self.csv_button.setEnabled(False)  # the numbers are in the JSON backup
        self._apply_range()
        keep_content_visible(self.body_charts, self._chart_width)
        self._fit_stack()

    def _range_changed(self) -> None:
        """Draw again: only the sessions in the new range are drawn, and the axes fit them."""
        self._range_chosen = True
        self._redraw()

    def _default_range(self, charts: list[ExerciseCharts]) -> None:
        """Open at the last year when that year holds at least two sessions and there are older
        ones; else open whole, so a history that ended long ago is never shown as empty axes."""
        if self._range_chosen:
            return
        long_ago = datetime.now() - timedelta(days=365)
        dates = [d for chart in charts for d in chart.dates]
        recent = sum(1 for d in dates if d >= long_ago)
        older = any(d < long_ago for d in dates)
        wanted = ChartRange.YEAR if older and recent >= 2 else ChartRange.ALL
        blocker = self.range_box.blockSignals(True)
        self.range_box.setCurrentIndex(self.range_box.findData(wanted))
        self.range_box.blockSignals(blocker)

    def _say_if_range_is_empty(self, charts: list[ExerciseCharts]) -> None:
        """A range chosen by the person that holds none of the sessions says so, with the date
        of the last one, instead of showing empty axes."""
        start = self.range_start()
        dates = [d for chart in charts for d in chart.dates]
        if start is None or not dates or max(dates) >= start:
            if self._range_note:
                self.status.clear()
                self._range_note = False
            return
        spans = {
            ChartRange.WEEKS_4: _("No sessions in the last 4 weeks: the last was on {date}."),
            ChartRange.MONTHS_3: _("No sessions in the last 3 months: the last was on {date}."),
            ChartRange.YEAR: _("No sessions in the last year: the last was on {date}."),
        }
        note = spans.get(self.chart_range())
        if note is None:
            return
        self.status.setText(
            note.format(date=date_text(max(dates))) + " " + _("Choose a longer range, or All.")
        )
        self._range_note = True

    def chart_range(self) -> ChartRange:
        return ChartRange(self.range_box.currentData())

    def _range_end(self) -> datetime:
        end = datetime.now()
        if self.mode.currentIndex() == EXERCISE_TAB:
            for chart in self.current_charts():
                if chart.dates and chart.dates[-1] > end:
                    end = chart.dates[-1]
        return end

    def range_start(self) -> datetime | None:
        return self.chart_range().start(self._range_end())

    def _apply_range(self) -> None:
        start = self.range_start()
        end = stamp(self._range_end())
        start_stamp = None if start is None else stamp(start)
        if self.mode.currentIndex() == WEEKLY_TAB:
            self.weekly_charts.show_range(start_stamp, end)
        elif self.mode.currentIndex() == BODY_TAB:
            self.body_charts.show_range(start_stamp, end)
        else:
            self.exercise_charts.show_range(start_stamp, end)

    def point_tooltip(self, slug: str, index: int) -> str:
        """A point's tooltip: the session's numbers and its sets."""
        chart = self.data.exercise(slug)
        st = chart.stats[index]
        unit = self._unit()
        lines = [exercise_name(chart.name), date_time_text(st.date)]
        if st.e1rm_kg is not None:
            lines.append(
                _("Estimated 1RM: {load} (an estimate)").format(load=format_load(st.e1rm_kg, unit))
            )
        if st.top_load_kg is not None:
            lines.append(
                _("Top set: {load} x {reps}").format(
                    load=format_load(st.top_load_kg, unit), reps=st.best_reps
                )
            )
        else:
            lines.append(
                ngettext("Best set: {count} rep", "Best set: {count} reps", st.best_reps).format(
                    count=st.best_reps
                )
            )
        if st.volume_kg > 0:
            volume = f"{whole_number(from_kg(st.volume_kg, unit))} {unit.value}"
            lines.append(_("Volume: {volume}").format(volume=volume))
        working = ngettext("{count} working set", "{count} working sets", st.sets)
        reps = ngettext("{count} rep", "{count} reps", st.reps)
        lines.append(f"{working.format(count=st.sets)}, {reps.format(count=st.reps)}")
        if index in chart.records:
            lines.append(_("A personal record"))
        sets = describe_sets(self.data.session_sets(chart.session_ids[index], slug), unit)
        if sets:
            lines.append(_("Sets:"))
            lines.extend(f"  {s}" for s in sets[:TIP_SETS])
            if len(sets) > TIP_SETS:
                lines.append("  " + _("and {count} more").format(count=len(sets) - TIP_SETS))
        return "\n".join(lines)

    # --- export --------------------------------------------------------------------------

    def _visible_chart(self) -> ExerciseChartsWidget | WeeklyChartsWidget | BodyChartsWidget:
        if self.mode.currentIndex() == WEEKLY_TAB:
            return self.weekly_charts
        if self.mode.currentIndex() == BODY_TAB:
            return self.body_charts
        return self.exercise_charts

    def export_image(self, path: Path) -> Path:
        """Save the chart on screen as PNG or SVG (by the file's suffix)."""
        return export_image(self._visible_chart(), path)

    def export_csv(self, path: Path) -> int:
        """Save the numbers of the chart on screen (within the chosen range) as CSV."""
        since = self.range_start()
        if self.mode.currentIndex() == WEEKLY_TAB:
            return export_weekly_csv(path, self.data.weekly(), since)
        return export_exercise_csv(path, self.current_charts(), self._unit(), since)

    def _default_name(self, suffix: str) -> str:
        if self.mode.currentIndex() == WEEKLY_TAB:
            stem = "hiplog-weekly"
        elif self.mode.currentIndex() == BODY_TAB:
            stem = "hiplog-body"
        else:
            stem = "hiplog-" + "-".join(self.selected_exercises()[:3] or ["progress"])
        return str(Path.home() / f"{stem}{suffix}")

    def _ask_image(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _("Save the chart as a picture"),
            self._default_name(".png"),
            _("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
        self._run_export(
            lambda: _("Saved the chart to {path}.").format(path=self.export_image(path))
        )

    def _ask_csv(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the chart's numbers"), self._default_name(".csv"), _("CSV file (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        self._run_export(lambda: self._saved_rows(self.export_csv(path), path))

    def _saved_rows(self, count: int, path: Path) -> str:
        return ngettext(
            "Saved {count} row to {path}.", "Saved {count} rows to {path}.", count
        ).format(count=count, path=path)

    def _run_export(self, action: object) -> None:
        assert callable(action)
        try:
            self.status.setText(str(action()))
        except InputError as exc:
            self.status.setText(_("Not saved: {error}").format(error=exc))
