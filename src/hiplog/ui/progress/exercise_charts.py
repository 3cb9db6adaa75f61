"""Per-exercise progress charts: strength on top, volume below, on one local-time date axis.

One line per exercise (several when comparing). Personal records carry a star; a dashed
vertical line marks where the next variation of a ladder was first trained; hovering a point
shows that session's sets. Only the sessions inside the chosen range are drawn, a line stops
where training stopped for a while (see `chart_items.gap_limit`), volume is measured from zero,
and the legends sit in rows of their own above each plot, never over the data.

Over 400 lines because drawing, fitting the axes to the range and thinning the markers all work
on the same plot items and their per-slot state; the items of one exercise are in
exercise_chart_slot.py and the pure helpers in chart_items.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import timedelta

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QWidget

from hiplog.domain.chart_series import ExerciseCharts, Series, Strength, Volume
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit, from_kg
from hiplog.ui.common.translation import _
from hiplog.ui.progress.chart_items import (
    DAY,
    align_axes,
    finite,
    fit_legend_columns,
    fit_y,
    in_range,
    label_html,
    new_legend,
    new_plot,
    pen,
    right_axis_view,
    stamp,
    style_plot,
    translucent,
    with_breaks,
)
from hiplog.ui.progress.chart_palette import ChartColours
from hiplog.ui.progress.exercise_chart_slot import (
    RECORD_SIZE,
    RECORD_SIZE_DENSE,
    ChartSlot,
    strength_label,
    volume_label,
)

#: Session points closer than this (pixels, on average) are drawn only when hovered.
DENSE_SPACING_PX = 6.0

#: Builds the tooltip of one point: (exercise slug, session index) -> text.
TipFunction = Callable[[str, int], str]


class ExerciseChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Strength and volume plots of the chosen exercises."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.legend = new_legend(self, 0, colours, font)
        self.strength_plot = new_plot(self, 1, colours, font)
        self.volume_legend = new_legend(self, 2, colours, font)
        self.volume_plot = new_plot(self, 3, colours, font)
        self.volume_plot.setXLink(self.strength_plot)
        self.strength_right = right_axis_view(self.strength_plot)
        self.volume_right = right_axis_view(self.volume_plot)
        self._legend_key: tuple[str, ...] = ()
        # The values drawn in range, per view box (fits the y axes): id(view) -> values.
        self._shown_values: dict[int, list[float]] = {}
        self._used_right = (False, False)
        self._slots: list[ChartSlot] = []
        self._tip: TipFunction = lambda slug, index: ""
        self._dense: dict[int, bool] = {}  # id(point item) -> drawn as dense
        self._x_range: tuple[float | None, float] | None = None
        # What is on screen, by exercise slug (tests read these).
        self.strength_items: dict[str, pg.PlotDataItem] = {}
        self.top_load_items: dict[str, pg.PlotDataItem] = {}
        self.volume_items: dict[str, pg.PlotDataItem] = {}
        self.point_items: dict[str, pg.ScatterPlotItem] = {}
        self.volume_point_items: dict[str, pg.ScatterPlotItem] = {}
        self.record_items: dict[str, pg.ScatterPlotItem] = {}
        self.ladder_lines: list[pg.InfiniteLine] = []
        self._ladder_owners: list[tuple[pg.PlotItem, pg.InfiniteLine]] = []

    def set_colours(self, colours: ChartColours) -> None:
        self.colours = colours
        self.setBackground(colours.background)
        for plot in (self.strength_plot, self.volume_plot):
            style_plot(plot, colours, self._font)
        for legend in (self.legend, self.volume_legend):
            legend.setLabelTextColor(colours.foreground)
        self._legend_key = ()
        for slot in self._slots:
            slot.colour = QColor()  # restyled on the next set_charts

    def tip_text(self, slug: str, index: int) -> str:
        return self._tip(slug, index) if slug else ""

    def set_charts(
        self,
        charts: Sequence[ExerciseCharts],
        unit: Unit,
        weekly_volume: bool,
        tip: TipFunction,
        x_range: tuple[float | None, float] | None = None,
    ) -> None:
        """Draw `charts` (one colour each); loads in `unit`, volume per session or per week.

        `x_range` (start or None for all, end) is the time range shown: only the sessions in
        it are drawn, and it decides whether session points are drawn (see `_fit_markers`).
        """
        self._tip = tip
        self._x_range = x_range
        self._clear_stores()
        split_strength, split_volume = self._place_slots(charts)
        self._fill_slots(charts, unit, weekly_volume)
        self._set_legends(charts)
        self._fit_legends()
        self._set_ladder(charts)
        self._set_labels(charts, unit, weekly_volume, split_strength, split_volume)
        self._used_right = (split_strength, split_volume)
        align_axes(
            [self.strength_plot, self.volume_plot], self._used_right, self.colours, self._font
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_legends()
        super().resizeEvent(event)

    def _fit_legends(self) -> None:
        if not hasattr(self, "volume_legend"):  # a resize while being built
            return
        for legend in (self.legend, self.volume_legend):
            fit_legend_columns(legend, self.width() - 24)

    def _clear_stores(self) -> None:
        self._dense.clear()
        self._shown_values.clear()
        for store in (
            self.strength_items,
            self.top_load_items,
            self.volume_items,
            self.point_items,
            self.volume_point_items,
            self.record_items,
        ):
            store.clear()

    def _place_slots(self, charts: Sequence[ExerciseCharts]) -> tuple[bool, bool]:
        """One slot per chart, on the left axis or (reps beside kg) on the right one; returns
        whether strength and volume need a right axis."""
        while len(self._slots) < len(charts):
            self._slots.append(ChartSlot(self))
        split_strength = len({chart.strength_kind for chart in charts}) > 1
        split_volume = len({chart.volume_kind for chart in charts}) > 1
        for slot, chart in zip(self._slots, charts, strict=False):
            self._place(
                slot,
                split_strength and chart.strength_kind is Strength.BEST_REPS,
                split_volume and chart.volume_kind is Volume.REPS,
            )
        return split_strength, split_volume

    def _fill_slots(self, charts: Sequence[ExerciseCharts], unit: Unit, weekly: bool) -> None:
        series = self.colours.series
        for i, slot in enumerate(self._slots):
            if i >= len(charts):
                slot.hide()
                continue
            colour = series[i % len(series)]
            self._fill(slot, charts[i], colour, unit, weekly, len(charts) == 1)

    def _set_legends(self, charts: Sequence[ExerciseCharts]) -> None:
        """Strength: every line, the top set and the record star; volume: one entry per
        exercise when there are several (one line needs no legend)."""
        legend: list[tuple[pg.GraphicsObject, str]] = []
        volume: list[tuple[pg.GraphicsObject, str]] = []
        for slot, chart in zip(self._slots, charts, strict=False):
            legend.append((slot.strength, slot.strength.name()))
            if slot.top_load.isVisible():
                legend.append((slot.top_load, slot.top_load.name()))
            shown = slot.weekly if slot.weekly.isVisible() else slot.volume
            volume.append((shown, exercise_name(chart.name)))
        records = [s.records for s in self._slots if s.slug and s.records.isVisible()]
        if records:
            legend.insert(1, (records[0], _("personal record")))
        self._set_legend(legend)
        self.volume_legend.clear()
        if len(volume) > 1:
            for item, name in volume:
                self.volume_legend.addItem(item, name)
        self.volume_legend.setVisible(len(volume) > 1)

    def _set_labels(
        self,
        charts: Sequence[ExerciseCharts],
        unit: Unit,
        weekly: bool,
        split_strength: bool,
        split_volume: bool,
    ) -> None:
        c = self.colours
        strength_kinds = {chart.strength_kind for chart in charts}
        volume_kinds = {chart.volume_kind for chart in charts}
        left_strength = {Strength.E1RM} if split_strength else strength_kinds
        left_volume = {Volume.LOAD} if split_volume else volume_kinds
        self.strength_plot.setLabel(
            "left", label_html(strength_label(left_strength, unit), c, self._font)
        )
        self.volume_plot.setLabel(
            "left", label_html(volume_label(left_volume, unit, weekly), c, self._font)
        )
        self._show_right(
            self.strength_plot, split_strength, strength_label({Strength.BEST_REPS}, unit)
        )
        self._show_right(self.volume_plot, split_volume, volume_label({Volume.REPS}, unit, weekly))
        # The names are in the legend; a title with them grows wider than a small window.
        strength = (
            _("Strength (e1RM is an estimate)")
            if Strength.E1RM in strength_kinds
            else _("Strength")
        )
        title = _("Volume per week (reps x load)") if weekly else _("Volume (reps x load)")
        self.strength_plot.setTitle(label_html(strength, c, self._font, True))
        self.volume_plot.setTitle(label_html(title, c, self._font, True))

    def _place(self, slot: ChartSlot, strength_right: bool, volume_right: bool) -> None:
        """Move a slot's items to the right-axis view or back, when that changes."""
        moves = (
            (slot.strength_right, strength_right, slot.strength_items(), self.strength_plot,
             self.strength_right),
            (slot.volume_right, volume_right, slot.volume_items(), self.volume_plot,
             self.volume_right),
        )  # fmt: skip
        for now, wanted, items, plot, right in moves:
            if now == wanted:
                continue
            for item in items:
                if wanted:
                    plot.removeItem(item)
                    right.addItem(item)
                else:
                    right.removeItem(item)
                    plot.addItem(item)
            self._legend_key = ()  # moving items touches the legend: rebuild it
        slot.strength_right, slot.volume_right = strength_right, volume_right

    def _show_right(self, plot: pg.PlotItem, shown: bool, label: str) -> None:
        if shown:
            plot.showAxis("right")
            plot.setLabel("right", label_html(label, self.colours, self._font))
        else:
            plot.hideAxis("right")

    def _set_legend(self, entries: list[tuple[pg.GraphicsObject, str]]) -> None:
        """Rename the entries in place when the same items are listed (the common case of
        switching from one exercise to another); rebuild the legend otherwise."""
        key = tuple(str(id(item)) for item, _name in entries)
        if key == self._legend_key:
            for (_sample, label), (_item, name) in zip(self.legend.items, entries, strict=True):
                if label.text != name:
                    label.setText(name)
            return
        self.legend.clear()
        for item, name in entries:
            self.legend.addItem(item, name)
        self._legend_key = key

    def _values(self, series: Series, scale_load: bool, unit: Unit) -> list[float]:
        values = finite(series.values)
        return [from_kg(v, unit) for v in values] if scale_load else values

    def _fill(
        self,
        slot: ChartSlot,
        chart: ExerciseCharts,
        colour: QColor,
        unit: Unit,
        weekly: bool,
        show_top: bool,
    ) -> None:
        slot.slug = chart.exercise
        slot.style(colour, self.colours)
        xs = [stamp(d) for d in chart.dates]
        start, end = self._x_range if self._x_range is not None else (None, math.inf)
        keep = in_range(xs, start, end)
        self._fill_strength(slot, chart, xs, keep, unit, show_top)
        if weekly:
            self._fill_weekly(slot, chart, unit, start, end)
        else:
            self._fill_volume(slot, chart, xs, keep, unit)

    def _line(
        self,
        item: pg.PlotDataItem,
        xs: list[float],
        ys: list[float],
        keep: list[int],
        name: str,
        view: pg.ViewBox,
    ) -> None:
        """A line through the sessions `keep`, broken across long gaps; its values fit `view`."""
        line_x, line_y = with_breaks([xs[i] for i in keep], [ys[i] for i in keep])
        item.setData(line_x, line_y, name=name)
        item.setVisible(True)
        self._shown_values.setdefault(id(view), []).extend(ys[i] for i in keep)

    def _fill_strength(
        self,
        slot: ChartSlot,
        chart: ExerciseCharts,
        xs: list[float],
        keep: list[int],
        unit: Unit,
        show_top: bool,
    ) -> None:
        view = self.strength_right if slot.strength_right else self.strength_plot.vb
        loads = chart.strength_kind is Strength.E1RM
        ys = self._values(chart.strength, loads, unit)
        name = (
            _("{name} e1RM").format(name=exercise_name(chart.name))
            if loads
            else _("{name} best reps").format(name=exercise_name(chart.name))
        )
        self._line(slot.strength, xs, ys, keep, name, view)
        self.strength_items[chart.exercise] = slot.strength
        if show_top and chart.top_load is not None:
            top = self._values(chart.top_load, True, unit)
            top_name = _("{name} top set").format(name=exercise_name(chart.name))
            self._line(slot.top_load, xs, top, keep, top_name, view)
            self.top_load_items[chart.exercise] = slot.top_load
        else:
            slot.top_load.setData([], [])
            slot.top_load.setVisible(False)
        self._points(slot.points, xs, ys, keep, slot.colour)
        self.point_items[chart.exercise] = slot.points
        records = [i for i in chart.records if i in set(keep)]
        slot.records.setData(
            [xs[i] for i in records],
            [ys[i] for i in records],
            size=RECORD_SIZE_DENSE if self._is_dense(xs) else RECORD_SIZE,
        )
        slot.records.setVisible(bool(records))
        if records:
            self.record_items[chart.exercise] = slot.records

    def _fill_volume(
        self, slot: ChartSlot, chart: ExerciseCharts, xs: list[float], keep: list[int], unit: Unit
    ) -> None:
        view = self.volume_right if slot.volume_right else self.volume_plot.vb
        vy = self._values(chart.volume, chart.volume_kind is Volume.LOAD, unit)
        self._line(slot.volume, xs, vy, keep, exercise_name(chart.name), view)
        slot.weekly.setData([], [])
        slot.weekly.setVisible(False)
        self._points(slot.volume_points, xs, vy, keep, slot.colour)
        self.volume_items[chart.exercise] = slot.volume
        self.volume_point_items[chart.exercise] = slot.volume_points

    def _fill_weekly(
        self, slot: ChartSlot, chart: ExerciseCharts, unit: Unit, start: float | None, end: float
    ) -> None:
        """Weekly volume as steps, one week wide each; weeks without training are at zero."""
        view = self.volume_right if slot.volume_right else self.volume_plot.vb
        series = chart.weekly_volume
        values = self._values(series, chart.volume_kind is Volume.LOAD, unit)
        by_week = {stamp(d): v for d, v in zip(series.dates, values, strict=True)}
        weeks: list[float] = []
        if series.dates:
            monday = series.dates[0]
            while monday <= series.dates[-1]:
                weeks.append(stamp(monday))
                monday += timedelta(days=7)
        shown = [w for w in weeks if (start is None or w + 7 * DAY >= start) and w <= end]
        ys = [by_week.get(w, 0.0) for w in shown]
        edges = [*shown, shown[-1] + 7 * DAY] if shown else []
        slot.weekly.setData(edges, ys, name=exercise_name(chart.name))
        slot.weekly.setVisible(True)
        self._shown_values.setdefault(id(view), []).extend(ys)
        for item in (slot.volume, slot.volume_points):
            item.setData([], [])
            item.setVisible(False)
        self.volume_items[chart.exercise] = slot.weekly

    def _points(
        self,
        points: pg.ScatterPlotItem,
        xs: list[float],
        ys: list[float],
        keep: list[int],
        colour: QColor,
    ) -> None:
        keep = [i for i in keep if ys[i] == ys[i]]  # drop NaN (no value that session)
        kept_x = [xs[i] for i in keep]
        dense = self._is_dense(kept_x)
        points.setData(
            kept_x,
            [ys[i] for i in keep],
            data=keep,
            pen=pg.mkPen(translucent(colour, 0.0) if dense else colour),
            brush=pg.mkBrush(translucent(self.colours.background, 0.0 if dense else 1.0)),
        )
        points.setVisible(True)
        self._dense[id(points)] = dense

    def _is_dense(self, xs: Sequence[float]) -> bool:
        if self._x_range is None:
            return False
        start, end = self._x_range
        visible = len(xs) if start is None else sum(1 for x in xs if start <= x <= end)
        width = max(float(self.strength_plot.vb.width()), 200.0)
        return visible * DENSE_SPACING_PX > width

    def _set_ladder(self, charts: Sequence[ExerciseCharts]) -> None:
        for plot, line in self._ladder_owners:
            plot.removeItem(line)
        self._ladder_owners.clear()
        self.ladder_lines.clear()
        marks = {(m.date, m.name) for chart in charts for m in chart.ladder}
        for when, name in sorted(marks):
            self._add_ladder_line(stamp(when), exercise_name(name))

    def _add_ladder_line(self, x: float, name: str) -> None:
        c = self.colours
        first = _("first {name}").format(name=name)
        for plot, text in ((self.strength_plot, first), (self.volume_plot, None)):
            line = pg.InfiniteLine(
                pos=x,
                angle=90,
                movable=False,
                pen=pen(c.marker, 1.5, dashed=True),
                label=text,
                labelOpts={
                    "position": 0.96,
                    "color": c.marker,
                    "anchors": [(0, 0), (0, 0)],
                    "fill": pg.mkBrush(translucent(c.background, 0.8)),
                },
            )
            line.setToolTip(_("Ladder: {name} first trained here").format(name=name))
            plot.addItem(line)
            self.ladder_lines.append(line)
            self._ladder_owners.append((plot, line))

    def show_range(self, start: float | None, end: float) -> None:
        """Show [start, end] (from the first session when start is None), each y axis fitted
        to what is drawn in it: strength to its values, volume from zero."""
        firsts = [
            float(item.xData[0])
            for item in (*self.strength_items.values(), *self.volume_items.values())
            if item.xData is not None and len(item.xData)
        ]
        left = start if start is not None else min(firsts, default=end - 30 * DAY)
        self.strength_plot.setXRange(left, end, padding=0.02)
        fits = (
            (self.strength_plot, False),
            (self.strength_right, False),
            (self.volume_plot, True),
            (self.volume_right, True),
        )
        for target, from_zero in fits:
            view = target.vb if isinstance(target, pg.PlotItem) else target
            fit_y(target, self._shown_values.get(id(view), []), from_zero)
        self._fit_markers(start, end)

    def _fit_markers(self, start: float | None, end: float) -> None:
        """Draw session points only where they are sparse enough to tell apart.

        Dense points (years in one view) stay hoverable but are drawn only under the mouse, and
        record stars shrink, so the lines stay readable.
        """
        self._x_range = (start, end)
        for slot in self._slots:
            if not slot.slug:
                continue
            for points in (slot.points, slot.volume_points):
                if not points.isVisible():
                    continue
                dense = self._is_dense(list(points.data["x"]))
                if self._dense.get(id(points)) == dense:
                    continue
                self._dense[id(points)] = dense
                points.setPen(pg.mkPen(translucent(slot.colour, 0.0) if dense else slot.colour))
                points.setBrush(
                    pg.mkBrush(translucent(self.colours.background, 0.0 if dense else 1.0))
                )
                if points is slot.points and slot.records.isVisible():
                    slot.records.setSize(RECORD_SIZE_DENSE if dense else RECORD_SIZE)
