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

from hiplog.domain.units import Unit, from_kg
from hiplog.services.charts import ExerciseCharts, Series, Strength, Volume
from hiplog.ui.chart_items import (
    finite,
    label_html,
    new_plot,
    pen,
    show_range,
    stamp,
    style_plot,
    translucent,
)
from hiplog.ui.chart_palette import ChartColours

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


class ExerciseChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Strength and volume plots of the chosen exercises."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.strength_plot = new_plot(self, 0, colours, font)
        self.volume_plot = new_plot(self, 1, colours, font)
        self.volume_plot.setXLink(self.strength_plot)
        self.legend = self.strength_plot.addLegend(offset=(8, 8), labelTextColor=colours.foreground)
        self.legend.setLabelTextSize(f"{max(font.pointSizeF(), 8.0):.0f}pt")
        self.legend.setBrush(pg.mkBrush(translucent(colours.background, 0.85)))
        # What is on screen, by exercise slug (tests read these).
        self.strength_items: dict[str, pg.PlotDataItem] = {}
        self.top_load_items: dict[str, pg.PlotDataItem] = {}
        self.volume_items: dict[str, pg.PlotDataItem] = {}
        self.point_items: dict[str, pg.ScatterPlotItem] = {}
        self.volume_point_items: dict[str, pg.ScatterPlotItem] = {}
        self._point_colours: dict[str, QColor] = {}
        self._dense: dict[int, bool] = {}  # id(point item) -> drawn as dense
        self._x_range: tuple[float | None, float] | None = None
        self.record_items: dict[str, pg.ScatterPlotItem] = {}
        self.ladder_lines: list[pg.InfiniteLine] = []

    def set_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self.setBackground(colours.background)
        for plot in (self.strength_plot, self.volume_plot):
            style_plot(plot, colours, self._font)
        self.legend.setBrush(pg.mkBrush(translucent(colours.background, 0.85)))
        self.legend.setLabelTextColor(colours.foreground)

    def _clear(self) -> None:
        self.strength_plot.clear()
        self.volume_plot.clear()
        self.legend.clear()
        for store in (
            self.strength_items,
            self.top_load_items,
            self.volume_items,
            self.point_items,
            self.volume_point_items,
            self.record_items,
        ):
            store.clear()
        self.ladder_lines.clear()
        self._point_colours.clear()
        self._dense.clear()

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
        self._clear()
        self._x_range = x_range
        c = self._colours
        single = len(charts) == 1
        for i, chart in enumerate(charts):
            colour = c.series[i % len(c.series)]
            self._point_colours[chart.exercise] = colour
            self._add_strength(chart, colour, unit, tip, show_top=single)
            self._add_volume(chart, colour, unit, weekly_volume, tip)
        marks = {(m.date, m.name) for chart in charts for m in chart.ladder}
        for when, name in sorted(marks):
            self._add_ladder_line(stamp(when), name)
        strength_kinds = {chart.strength_kind for chart in charts}
        volume_kinds = {chart.volume_kind for chart in charts}
        self.strength_plot.setLabel(
            "left", label_html(_strength_label(strength_kinds, unit), c, self._font)
        )
        self.volume_plot.setLabel(
            "left", label_html(_volume_label(volume_kinds, unit, weekly_volume), c, self._font)
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

    def _values(self, series: Series, scale_load: bool, unit: Unit) -> list[float]:
        values = finite(series.values)
        return [from_kg(v, unit) for v in values] if scale_load else values

    def _add_strength(
        self, chart: ExerciseCharts, colour: QColor, unit: Unit, tip: TipFunction, show_top: bool
    ) -> None:
        xs = [stamp(d) for d in chart.dates]
        loads = chart.strength_kind is Strength.E1RM
        ys = self._values(chart.strength, loads, unit)
        label = chart.name + (" e1RM" if loads else " best reps")
        line = pg.PlotDataItem(xs, ys, pen=pen(colour), connect="finite", name=label)
        self.strength_plot.addItem(line)
        self.strength_items[chart.exercise] = line
        if show_top and chart.top_load is not None:
            top = pg.PlotDataItem(
                xs,
                self._values(chart.top_load, True, unit),
                pen=pen(translucent(colour, 0.75), 1.5, dashed=True),
                connect="finite",
                name=f"{chart.name} top set",
            )
            self.strength_plot.addItem(top)
            self.top_load_items[chart.exercise] = top
        self.point_items[chart.exercise] = self._add_points(
            self.strength_plot, chart.exercise, xs, ys, colour, tip
        )
        if chart.records:
            rx = [xs[i] for i in chart.records]
            ry = [ys[i] for i in chart.records]
            stars = pg.ScatterPlotItem(
                rx,
                ry,
                symbol="star",
                size=RECORD_SIZE_DENSE if self._is_dense(xs) else RECORD_SIZE,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(self._colours.foreground, width=1),
                name="personal record" if not self.record_items else None,
            )
            self.strength_plot.addItem(stars)
            self.record_items[chart.exercise] = stars

    def _add_points(
        self,
        plot: pg.PlotItem,
        slug: str,
        xs: list[float],
        ys: list[float],
        colour: QColor,
        tip: TipFunction,
    ) -> pg.ScatterPlotItem:
        keep = [i for i, y in enumerate(ys) if y == y]  # drop NaN (no value that session)
        kept_x = [xs[i] for i in keep]
        dense = self._is_dense(kept_x)
        points = pg.ScatterPlotItem(
            kept_x,
            [ys[i] for i in keep],
            data=keep,
            size=7,
            pen=pg.mkPen(translucent(colour, 0.0) if dense else colour),
            brush=pg.mkBrush(translucent(self._colours.background, 0.0 if dense else 1.0)),
            hoverable=True,
            hoverSize=11,
            hoverBrush=pg.mkBrush(colour),
            tip=lambda x, y, data: tip(slug, int(data)),
        )
        plot.addItem(points)
        self._dense[id(points)] = dense
        return points

    def _is_dense(self, xs: Sequence[float]) -> bool:
        if self._x_range is None:
            return False
        start, end = self._x_range
        visible = len(xs) if start is None else sum(1 for x in xs if start <= x <= end)
        width = max(float(self.strength_plot.vb.width()), 200.0)
        return visible * DENSE_SPACING_PX > width

    def _add_volume(
        self, chart: ExerciseCharts, colour: QColor, unit: Unit, weekly: bool, tip: TipFunction
    ) -> None:
        loads = chart.volume_kind is Volume.LOAD
        if weekly:
            series = chart.weekly_volume
            edges = [stamp(d) for d in series.dates]
            if edges:
                edges.append(stamp(series.dates[-1] + timedelta(days=7)))
            ys = self._values(series, loads, unit)
            item = pg.PlotDataItem(
                edges,
                ys,
                stepMode="center",
                fillLevel=0,
                brush=pg.mkBrush(translucent(colour, 0.35)),
                pen=pen(colour, 1.5),
                name=chart.name,
            )
            self.volume_plot.addItem(item)
        else:
            xs = [stamp(d) for d in chart.dates]
            ys = self._values(chart.volume, loads, unit)
            item = pg.PlotDataItem(xs, ys, pen=pen(colour), connect="finite", name=chart.name)
            self.volume_plot.addItem(item)
            self.volume_point_items[chart.exercise] = self._add_points(
                self.volume_plot, chart.exercise, xs, ys, colour, tip
            )
        self.volume_items[chart.exercise] = item

    def _add_ladder_line(self, x: float, name: str) -> None:
        c = self._colours
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

    def show_range(self, start: float | None, end: float) -> None:
        show_range([self.strength_plot, self.volume_plot], start, end)
        self._fit_markers(start, end)

    def _fit_markers(self, start: float | None, end: float) -> None:
        """Draw session points only where they are sparse enough to tell apart.

        Dense points (years in one view) stay hoverable but are drawn only under the mouse, and
        record stars shrink, so the lines stay readable.
        """
        self._x_range = (start, end)
        strength_points = set(map(id, self.point_items.values()))
        for slug, points in [*self.point_items.items(), *self.volume_point_items.items()]:
            dense = self._is_dense(list(points.data["x"]))
            if self._dense.get(id(points)) == dense:
                continue
            self._dense[id(points)] = dense
            colour = self._point_colours[slug]
            points.setPen(pg.mkPen(translucent(colour, 0.0) if dense else colour))
            points.setBrush(
                pg.mkBrush(translucent(self._colours.background, 0.0 if dense else 1.0))
            )
            stars = self.record_items.get(slug)
            if stars is not None and id(points) in strength_points:
                stars.setSize(RECORD_SIZE_DENSE if dense else RECORD_SIZE)
