"""The Body charts: bodyweight over time (entries and sessions' bodyweights), hip and thigh
circumference, three stacked plots on one date axis, each with its own y axis so a change of a
centimetre shows. Lines break across long gaps like the other charts (chart_items.with_breaks);
the range selector draws only the points in range, with the axes fitted to them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from hiplog.domain.body import from_cm, length_unit
from hiplog.domain.units import Unit, from_kg
from hiplog.services.body import BodySeries
from hiplog.ui.common.translation import N_, _
from hiplog.ui.progress.chart_items import (
    DAY,
    align_axes,
    fit_y,
    in_range,
    label_html,
    new_plot,
    pen,
    stamp,
    style_plot,
    with_breaks,
)
from hiplog.ui.progress.chart_palette import ChartColours

#: The series in drawing order, each on its own plot.
SERIES = (N_("Bodyweight"), N_("Hip"), N_("Thigh"))  # keys; translated where shown


class BodyChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Bodyweight, hip and thigh: three plots sharing one date axis, one series each (its
    title names it, so no legend is needed)."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.plots = tuple(new_plot(self, row, colours, font) for row in range(len(SERIES)))
        self.weight_plot, self.hip_plot, self.thigh_plot = self.plots
        for plot in self.plots[1:]:
            plot.setXLink(self.weight_plot)
        align_axes(self.plots, (False,) * len(SERIES), colours, font)
        self.items: dict[str, pg.PlotDataItem] = {}
        # every point of each series (x in epoch seconds, y in the person's unit)
        self._points: dict[str, tuple[list[float], list[float]]] = {}

    def set_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self.setBackground(colours.background)
        for plot in self.plots:
            style_plot(plot, colours, self._font)

    def set_series(self, series: BodySeries, unit: Unit) -> None:
        """Draw `series` in the person's units (kg and cm, or lb and in), all of it until
        `show_range` narrows it."""
        for plot in self.plots:
            plot.clear()
        self.items.clear()
        self._points.clear()
        length = length_unit(unit)
        kg: Callable[[float], float] = lambda value: from_kg(value, unit)  # noqa: E731
        cm: Callable[[float], float] = lambda value: from_cm(value, unit)  # noqa: E731
        drawn = (
            (self.weight_plot, SERIES[0], unit.value, series.bodyweight, kg),
            (self.hip_plot, SERIES[1], length, series.hip, cm),
            (self.thigh_plot, SERIES[2], length, series.thigh, cm),
        )
        for i, (plot, name, shown_unit, points, convert) in enumerate(drawn):
            title = (
                _("{name} ({unit})").format(name=_(name), unit=shown_unit)
                if points
                else _("{name}: none measured yet").format(name=_(name))
            )
            plot.setTitle(label_html(title, self._colours, self._font, bold=True))
            self._line(plot, name, points, convert, i)
        self.show_range(None, max((xs[-1] for xs, _ in self._points.values() if xs), default=0))

    def _line(
        self,
        plot: pg.PlotItem,
        name: str,
        points: Sequence[tuple[datetime, float]],
        convert: Callable[[float], float],
        colour: int,
    ) -> None:
        self._points[name] = ([stamp(when) for when, _ in points], [convert(v) for _, v in points])
        shade = self._colours.series[colour % len(self._colours.series)]
        item = pg.PlotDataItem(
            [],
            [],
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

    def show_range(self, start: float | None, end: float) -> None:
        """Draw the points in [start, end] (all when start is None), the lines broken across
        long gaps, and fit each y axis to them (not from zero: from 0 kg a bodyweight is a flat
        line)."""
        firsts = [xs[0] for xs, _ in self._points.values() if xs]
        first = min(firsts, default=end - 28 * DAY)
        self.weight_plot.setXRange(first if start is None else start, end, padding=0.02)
        for plot, name in zip(self.plots, SERIES, strict=True):
            xs, ys = self._points.get(name, ([], []))
            shown = in_range(xs, start, end)
            line_x, line_y = with_breaks([xs[i] for i in shown], [ys[i] for i in shown])
            self.items[name].setData(line_x, line_y, connect="finite")
            fit_y(plot, [ys[i] for i in shown], from_zero=False)
