"""Per-exercise progress charts: strength on top, volume below, on one local-time date axis.

One line per exercise (several when comparing). Personal records carry a star; a dashed
vertical line marks where the next variation of a ladder was first trained; hovering a point
shows that session's sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from hiplog.domain.chart_series import ExerciseCharts, Series, Strength, Volume
from hiplog.domain.units import Unit, from_kg
from hiplog.ui.progress.chart_items import (
    finite,
    label_html,
    new_plot,
    pen,
    right_axis_view,
    show_range,
    stamp,
    style_plot,
    translucent,
)
from hiplog.ui.progress.chart_palette import ChartColours

#: Session points closer than this (pixels, on average) are drawn only when hovered.
DENSE_SPACING_PX = 6.0
RECORD_SIZE, RECORD_SIZE_DENSE = 17, 10

#: Builds the tooltip of one point: (exercise slug, session index) -> text.
TipFunction = Callable[[str, int], str]


def _strength_label(kinds: set[Strength], unit: Unit) -> str:
    if kinds == {Strength.BEST_REPS}:
        return "Best reps in one set"
    if kinds == {Strength.E1RM}:
        return f"Estimated 1RM ({unit.value})"
    return f"Estimated 1RM ({unit.value}) or best reps"


def _volume_label(kinds: set[Volume], unit: Unit, weekly: bool) -> str:
    per = "week" if weekly else "session"
    if kinds == {Volume.REPS}:
        return f"Reps per {per}"
    if kinds == {Volume.LOAD}:
        return f"Volume per {per} ({unit.value})"
    return f"Volume ({unit.value}) or reps per {per}"


class _Slot:
    """The plot items of one series (one exercise), kept and refilled from switch to switch:
    creating pyqtgraph items costs more than giving existing ones new data."""

    def __init__(self, owner: ExerciseChartsWidget) -> None:
        self.slug = ""
        self.colour = QColor()
        bg = owner.colours.background

        def tip(x: float, y: float, data: object) -> str:
            return owner.tip_text(self.slug, int(str(data)))

        self.strength = pg.PlotDataItem(connect="finite")
        self.top_load = pg.PlotDataItem(connect="finite")
        self.points = pg.ScatterPlotItem(
            size=7, hoverable=True, hoverSize=11, tip=tip, brush=pg.mkBrush(bg)
        )
        self.records = pg.ScatterPlotItem(symbol="star", size=RECORD_SIZE)
        self.volume = pg.PlotDataItem(connect="finite")
        self.weekly = pg.PlotDataItem(stepMode="center", fillLevel=0)
        self.volume_points = pg.ScatterPlotItem(
            size=7, hoverable=True, hoverSize=11, tip=tip, brush=pg.mkBrush(bg)
        )
        for item in self.strength_items():
            owner.strength_plot.addItem(item)
        for item in self.volume_items():
            owner.volume_plot.addItem(item)
        self.records.setZValue(5)
        self.strength_right = False  # drawn against the right axis (reps beside kg)
        self.volume_right = False

    def strength_items(self) -> tuple[pg.GraphicsObject, ...]:
        return (self.strength, self.top_load, self.points, self.records)

    def volume_items(self) -> tuple[pg.GraphicsObject, ...]:
        return (self.volume, self.weekly, self.volume_points)

    def items(self) -> tuple[pg.GraphicsObject, ...]:
        return (
            self.strength,
            self.top_load,
            self.points,
            self.records,
            self.volume,
            self.weekly,
            self.volume_points,
        )

    def hide(self) -> None:
        self.slug = ""
        for item in self.items():
            item.setVisible(False)


class ExerciseChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Strength and volume plots of the chosen exercises."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.strength_plot = new_plot(self, 0, colours, font)
        self.volume_plot = new_plot(self, 1, colours, font)
        self.volume_plot.setXLink(self.strength_plot)
        self.strength_right = right_axis_view(self.strength_plot)
        self.volume_right = right_axis_view(self.volume_plot)
        self.legend = self.strength_plot.addLegend(offset=(8, 8), labelTextColor=colours.foreground)
        self.legend.setLabelTextSize(f"{max(font.pointSizeF(), 8.0):.0f}pt")
        self.legend.setBrush(pg.mkBrush(translucent(colours.background, 0.85)))
        self.legend.setZValue(20)  # above the lines, so its box hides what runs under it
        self._legend_key: tuple[str, ...] = ()
        self._slots: list[_Slot] = []
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
        self.legend.setBrush(pg.mkBrush(translucent(colours.background, 0.85)))
        self.legend.setLabelTextColor(colours.foreground)
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

        `x_range` (start or None for all, end) is the time range about to be shown; it decides
        whether session points are drawn (see `_fit_markers`).
        """
        self._tip = tip
        self._x_range = x_range
        self._dense.clear()
        for store in (
            self.strength_items,
            self.top_load_items,
            self.volume_items,
            self.point_items,
            self.volume_point_items,
            self.record_items,
        ):
            store.clear()
        c = self.colours
        while len(self._slots) < len(charts):
            self._slots.append(_Slot(self))
        single = len(charts) == 1
        strength_kinds = {chart.strength_kind for chart in charts}
        volume_kinds = {chart.volume_kind for chart in charts}
        # Reps beside kg: the rep series get their own axis on the right.
        split_strength = len(strength_kinds) > 1
        split_volume = len(volume_kinds) > 1
        for i, chart in enumerate(charts):
            slot = self._slots[i]
            self._place(
                slot,
                split_strength and chart.strength_kind is Strength.BEST_REPS,
                split_volume and chart.volume_kind is Volume.REPS,
            )
        legend: list[tuple[pg.GraphicsObject, str]] = []
        for i, slot in enumerate(self._slots):
            if i >= len(charts):
                slot.hide()
                continue
            chart = charts[i]
            self._fill(slot, chart, c.series[i % len(c.series)], unit, weekly_volume, single)
            legend.append((slot.strength, slot.strength.name()))
            if slot.top_load.isVisible():
                legend.append((slot.top_load, slot.top_load.name()))
        records = [s.records for s in self._slots if s.slug and s.records.isVisible()]
        if records:
            legend.insert(1, (records[0], "personal record"))
        self._set_legend(legend)
        self._set_ladder(charts)
        left_strength = {Strength.E1RM} if split_strength else strength_kinds
        left_volume = {Volume.LOAD} if split_volume else volume_kinds
        self.strength_plot.setLabel(
            "left", label_html(_strength_label(left_strength, unit), c, self._font)
        )
        self.volume_plot.setLabel(
            "left", label_html(_volume_label(left_volume, unit, weekly_volume), c, self._font)
        )
        self._show_right(
            self.strength_plot, split_strength, _strength_label({Strength.BEST_REPS}, unit)
        )
        self._show_right(
            self.volume_plot,
            split_volume,
            _volume_label({Volume.REPS}, unit, weekly_volume),
        )
        names = ", ".join(chart.name for chart in charts)
        estimate = " (e1RM is an estimate)" if Strength.E1RM in strength_kinds else ""
        self.strength_plot.setTitle(label_html(f"Strength: {names}{estimate}", c, self._font, True))
        self.volume_plot.setTitle(
            label_html(
                "Volume per week (reps x load)" if weekly_volume else "Volume (reps x load)",
                c,
                self._font,
                True,
            )
        )

    def _place(self, slot: _Slot, strength_right: bool, volume_right: bool) -> None:
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

    def _style(self, slot: _Slot, colour: QColor) -> None:
        """Pens and brushes of a slot, set only when its colour changes."""
        if slot.colour == colour:
            return
        slot.colour = QColor(colour)
        slot.strength.setPen(pen(colour))
        slot.top_load.setPen(pen(translucent(colour, 0.75), 1.5, dashed=True))
        slot.records.setBrush(pg.mkBrush(colour))
        slot.records.setPen(pg.mkPen(self.colours.foreground, width=1))
        slot.volume.setPen(pen(colour))
        slot.weekly.setPen(pen(colour, 1.5))
        slot.weekly.setBrush(pg.mkBrush(translucent(colour, 0.35)))
        for points in (slot.points, slot.volume_points):
            points.opts["hoverBrush"] = pg.mkBrush(colour)

    def _fill(
        self,
        slot: _Slot,
        chart: ExerciseCharts,
        colour: QColor,
        unit: Unit,
        weekly: bool,
        show_top: bool,
    ) -> None:
        slot.slug = chart.exercise
        self._style(slot, colour)
        xs = [stamp(d) for d in chart.dates]
        loads = chart.strength_kind is Strength.E1RM
        ys = self._values(chart.strength, loads, unit)
        slot.strength.setData(xs, ys, name=chart.name + (" e1RM" if loads else " best reps"))
        slot.strength.setVisible(True)
        self.strength_items[chart.exercise] = slot.strength
        if show_top and chart.top_load is not None:
            slot.top_load.setData(
                xs, self._values(chart.top_load, True, unit), name=f"{chart.name} top set"
            )
            slot.top_load.setVisible(True)
            self.top_load_items[chart.exercise] = slot.top_load
        else:
            slot.top_load.setData([], [])
            slot.top_load.setVisible(False)
        self._points(slot.points, xs, ys, colour)
        self.point_items[chart.exercise] = slot.points
        if chart.records:
            rx = [xs[i] for i in chart.records]
            slot.records.setData(
                rx,
                [ys[i] for i in chart.records],
                size=RECORD_SIZE_DENSE if self._is_dense(xs) else RECORD_SIZE,
            )
            slot.records.setVisible(True)
            self.record_items[chart.exercise] = slot.records
        else:
            slot.records.setData([], [])
            slot.records.setVisible(False)
        volume_loads = chart.volume_kind is Volume.LOAD
        if weekly:
            series = chart.weekly_volume
            edges = [stamp(d) for d in series.dates]
            if edges:
                edges.append(stamp(series.dates[-1] + timedelta(days=7)))
            slot.weekly.setData(edges, self._values(series, volume_loads, unit), name=chart.name)
            slot.weekly.setVisible(True)
            slot.volume.setData([], [])
            slot.volume.setVisible(False)
            slot.volume_points.setData([], [])
            slot.volume_points.setVisible(False)
            self.volume_items[chart.exercise] = slot.weekly
        else:
            vy = self._values(chart.volume, volume_loads, unit)
            slot.volume.setData(xs, vy, name=chart.name)
            slot.volume.setVisible(True)
            slot.weekly.setData([], [])
            slot.weekly.setVisible(False)
            self._points(slot.volume_points, xs, vy, colour)
            self.volume_items[chart.exercise] = slot.volume
            self.volume_point_items[chart.exercise] = slot.volume_points

    def _points(
        self, points: pg.ScatterPlotItem, xs: list[float], ys: list[float], colour: QColor
    ) -> None:
        keep = [i for i, y in enumerate(ys) if y == y]  # drop NaN (no value that session)
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
            self._add_ladder_line(stamp(when), name)

    def _add_ladder_line(self, x: float, name: str) -> None:
        c = self.colours
        for plot, text in ((self.strength_plot, f"first {name}"), (self.volume_plot, None)):
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
            line.setToolTip(f"Ladder: {name} first trained here")
            plot.addItem(line)
            self.ladder_lines.append(line)
            self._ladder_owners.append((plot, line))

    def show_range(self, start: float | None, end: float) -> None:
        show_range(
            [self.strength_plot, self.volume_plot, self.strength_right, self.volume_right],
            start,
            end,
        )
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
