"""The Body charts: bodyweight over time (entries and sessions' bodyweights) above, hip and
thigh circumference below, on one date axis. Lines break across long gaps like the other charts
(chart_items.with_breaks); the range selector shows only what is in range, the axes fitted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hiplog.domain.body import from_cm, length_unit
from hiplog.domain.units import Unit, from_kg
from hiplog.services.body import BodySeries
from hiplog.ui.progress.chart_items import (
    align_axes,
    fit_legend_columns,
    fit_y,
    in_range,
    label_html,
    new_legend,
    new_plot,
    pen,
    stamp,
    style_plot,
    with_breaks,
)
from hiplog.ui.progress.chart_palette import ChartColours


class BodyChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Two stacked plots sharing one date axis: bodyweight, then hip and thigh."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.weight_plot = new_plot(self, 0, colours, font)
        self.lengths_legend = new_legend(self, 1, colours, font)
        self.lengths_plot = new_plot(self, 2, colours, font)
        self.lengths_plot.setXLink(self.weight_plot)
        self.plots = (self.weight_plot, self.lengths_plot)
        align_axes(self.plots, (False, False), colours, font)
        # x positions and values of each drawn series, per plot, for fitting the y axes
        self._points: dict[int, list[tuple[list[float], list[float]]]] = {}
        self.items: dict[str, pg.PlotDataItem] = {}

    def set_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self.setBackground(colours.background)
        for plot in self.plots:
            style_plot(plot, colours, self._font)
        self.lengths_legend.setLabelTextColor(colours.foreground)

    def set_series(self, series: BodySeries, unit: Unit) -> None:
        """Draw `series` in the person's units (kg and cm, or lb and in)."""
        for plot in self.plots:
            plot.clear()
        self.lengths_legend.clear()
        self.items.clear()
        self._points.clear()
        c, f = self._colours, self._font
        length = length_unit(unit)
        self.weight_plot.setTitle(label_html(f"Bodyweight ({unit.value})", c, f, bold=True))
        self.lengths_plot.setTitle(label_html(f"Circumference ({length})", c, f, bold=True))
        self._line(
            self.weight_plot, "Bodyweight", series.bodyweight, lambda kg: from_kg(kg, unit), 0
        )
        for i, (name, points) in enumerate((("Hip", series.hip), ("Thigh", series.thigh))):
            item = self._line(self.lengths_plot, name, points, lambda cm: from_cm(cm, unit), i + 1)
            self.lengths_legend.addItem(item, name)
        fit_legend_columns(self.lengths_legend, max(self.width(), 300))

    def _line(
        self,
        plot: pg.PlotItem,
        name: str,
        points: Sequence[tuple[datetime, float]],
        convert: Callable[[float], float],
        colour: int,
    ) -> pg.PlotDataItem:
        xs = [stamp(when) for when, _ in points]
        ys = [convert(value) for _, value in points]
        self._points.setdefault(id(plot), []).append((xs, ys))
        line_x, line_y = with_breaks(xs, ys)
        shade = self._colours.series[colour % len(self._colours.series)]
        item = pg.PlotDataItem(
            line_x,
            line_y,
            pen=pen(shade),
            connect="finite",
            symbol="o",
            symbolSize=6,
            symbolBrush=shade,
            symbolPen=pen(shade, 1),
            name=name,
        )
        plot.addItem(item)
        self.items[name] = item
        return item

    def show_range(self, start: float | None, end: float) -> None:
        """Show [start, end] (from the first point when start is None); each y axis fitted to
        the values in view (not from zero: a bodyweight chart from 0 kg shows only a flat line)."""
        firsts = [xs[0] for lines in self._points.values() for xs, _ in lines if xs]
        first = min(firsts, default=end - 28 * 86400.0)
        self.weight_plot.setXRange(first if start is None else start, end, padding=0.02)
        for plot in self.plots:
            shown = [
                ys[i] for xs, ys in self._points.get(id(plot), []) for i in in_range(xs, start, end)
            ]
            fit_y(plot, shown, from_zero=False)
