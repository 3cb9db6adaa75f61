"""Small pyqtgraph helpers shared by the progress charts: time stamps, pens, plots, a date axis
whose labels never collide, line breaks across long gaps, y ranges, axis widths and legends."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from itertools import pairwise
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from hiplog.ui.common.locale_names import day_month, month_year, short_month
from hiplog.ui.progress.chart_palette import ChartColours

#: Seconds in a day (date axis positions are epoch seconds).
DAY = 86400.0


def stamp(when: datetime | date) -> float:
    """Epoch seconds of a naive local time (what DateAxisItem shows back in local time)."""
    if not isinstance(when, datetime):
        when = datetime.combine(when, datetime.min.time())
    return when.timestamp()


def finite(values: Sequence[float | None]) -> list[float]:
    """None becomes NaN so a line skips it (plotted with connect='finite')."""
    return [math.nan if v is None else float(v) for v in values]


def pen(colour: QColor, width: float = 2.0, dashed: bool = False) -> object:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def translucent(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(alpha)
    return out


def new_plot(
    layout: pg.GraphicsLayoutWidget, row: int, colours: ChartColours, font: QFont
) -> pg.PlotItem:
    """A plot with a local-time date axis, a light grid and the palette's colours."""
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": DateAxis()})
    style_plot(plot, colours, font)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """A date axis whose labels never collide: one level of ticks, each label complete
    ("4 Oct", "Jan 2026", "Mar", "2019"), and ticks dropped where a label would touch the last."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        levels = super().tickValues(minVal, maxVal, size)
        if not levels or size <= 0:
            return []
        per_px = (maxVal - minVal) / size
        # Each level leaves out the ticks of the coarser ones (1 Jan is a year tick, not a
        # month tick): a level's ticks are its own and those of every level above it.
        for depth in range(len(levels) - 1, -1, -1):  # the finest level first
            spacing = levels[depth][0]
            values = sorted({v for _s, vs in levels[: depth + 1] for v in vs})
            kept = self._spaced(values, spacing, per_px, minVal, maxVal)
            if len(kept) >= 2 or depth == 0:
                return [(spacing, kept)]
        return []

    def _spaced(
        self, values: list[float], spacing: float, per_px: float, low: float, high: float
    ) -> list[float]:
        """The ticks whose whole label fits on the axis, none touching the one before."""
        metrics: QFontMetrics = self.fontMetrics
        inside = [v for v in values if low <= v <= high]
        kept: list[float] = []
        last_right = low
        for value in inside:
            text = _date_label(value, spacing, first=not kept)
            half = (metrics.horizontalAdvance(text) + 12) / 2 * per_px
            if value - half >= last_right and value + half <= high:
                kept.append(value)
                last_right = value + half
        return kept

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [_date_label(v, spacing, first=i == 0) for i, v in enumerate(values)]


def _date_label(value: float, spacing: float, first: bool) -> str:
    """'2019' for yearly ticks; 'Jan 2026', 'Feb' for monthly ones (the year on the first and on
    January); '4 Oct' for daily or weekly ones; '18:00' within a day."""
    try:
        when = datetime.fromtimestamp(value)
    except (OverflowError, OSError, ValueError):
        return ""
    if spacing >= 300 * DAY:
        return str(when.year)
    if spacing >= 27 * DAY:
        return month_year(when) if first or when.month == 1 else short_month(when)
    if spacing >= DAY:
        return day_month(when)
    return when.strftime("%H:%M")


def style_plot(plot: pg.PlotItem, colours: ChartColours, font: QFont) -> None:
    for name in ("left", "bottom", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(colours.foreground))
        axis.setTextPen(pg.mkPen(colours.foreground))
        axis.setTickFont(font)
        # Fewer tick levels: minor ticks of a date axis cost drawing time and add little.
        axis.setStyle(maxTickLevel=1)
    # Horizontal grid lines only: values are read across, dates from the axis.
    plot.showGrid(x=False, y=True, alpha=0.15)


def right_axis_view(plot: pg.PlotItem) -> pg.ViewBox:
    """A second view box over `plot`, on the same dates, with its own y axis on the right
    (hidden until used): for series in another unit (reps beside kg)."""
    view = pg.ViewBox()
    view.setMenuEnabled(False)
    plot.scene().addItem(view)
    plot.getAxis("right").linkToView(view)
    view.setXLink(plot.vb)

    def follow() -> None:
        view.setGeometry(plot.vb.sceneBoundingRect())
        view.linkedViewChanged(plot.vb, view.XAxis)

    plot.vb.sigResized.connect(follow)
    plot.hideAxis("right")
    return view


def label_html(text: str, colours: ChartColours, font: QFont, bold: bool = False) -> str:
    weight = "bold" if bold else "normal"
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return (
        f'<span style="color:{colours.foreground.name()}; font-size:{size:.1f}pt; '
        f'font-weight:{weight}">{text}</span>'
    )


#: A line breaks where sessions are further apart than this many days...
GAP_DAYS = 28.0
#: ...or than this many times the usual (median) spacing between sessions,
GAP_FACTOR = 3.0
#: ...but never for less than this: the progression rules change nothing after a break of up
#: to 10 days, so neither does the chart.
MIN_GAP_DAYS = 10.0


def gap_limit(xs: Sequence[float]) -> float:
    """The spacing (seconds) beyond which two neighbouring sessions are not joined by a line."""
    steps = sorted(b - a for a, b in pairwise(xs) if b > a)
    usual = steps[len(steps) // 2] if steps else 0.0
    return max(MIN_GAP_DAYS * DAY, min(GAP_DAYS * DAY, GAP_FACTOR * usual))


def with_breaks(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    """The points with a NaN between two sessions further apart than `gap_limit`, so a line
    drawn with connect='finite' stops there instead of inventing a trend across the gap."""
    limit = gap_limit(xs)
    out_x: list[float] = []
    out_y: list[float] = []
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        if i and x - xs[i - 1] > limit:
            out_x.append((x + xs[i - 1]) / 2)
            out_y.append(math.nan)
        out_x.append(x)
        out_y.append(y)
    return out_x, out_y


def in_range(xs: Sequence[float], start: float | None, end: float) -> list[int]:
    """Indexes of the points inside [start, end] (all of them when start is None)."""
    return [i for i, x in enumerate(xs) if start is None or start <= x <= end]


def fit_y(plot: Any, values: Sequence[float], from_zero: bool, floor: float = 1.0) -> None:
    """Fit a plot's y axis to `values` (the data in view), from zero for counts and volume."""
    finite_values = [v for v in values if v == v]
    top = max(finite_values, default=floor)
    bottom = 0.0 if from_zero else min(finite_values, default=0.0)
    if top <= bottom:
        top = bottom + floor
    pad = (top - bottom) * 0.06
    plot.enableAutoRange(axis="y", enable=False)
    plot.setYRange(0.0 if from_zero else bottom - pad, top + pad, padding=0)


def align_axes(
    plots: Sequence[pg.PlotItem], used_right: Sequence[bool], colours: ChartColours, font: QFont
) -> None:
    """Give the stacked plots' left axes one width, and their right axes one width (an empty
    one beside a plot that has none, when another has), so their date axes line up."""
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("00,000.0") + metrics.height() * 2
    any_right = any(used_right)
    for plot, used in zip(plots, used_right, strict=True):
        plot.getAxis("left").setWidth(width)
        right = plot.getAxis("right")
        if not any_right:
            plot.hideAxis("right")
            continue
        plot.showAxis("right")
        right.setWidth(width)
        right.setStyle(showValues=used)
        right.setPen(pg.mkPen(colours.foreground if used else translucent(colours.foreground, 0)))
        if not used:
            right.setLabel("")


def new_legend(
    layout: pg.GraphicsLayoutWidget, row: int, colours: ChartColours, font: QFont
) -> pg.LegendItem:
    """A legend in its own row of the layout, above its plot, so it never covers data."""
    legend = pg.LegendItem(labelTextColor=colours.foreground, colCount=4)
    legend.setLabelTextSize(f"{max(font.pointSizeF(), 8.0):.0f}pt")
    layout.addItem(legend, row=row, col=0)
    return legend


def fit_legend_columns(legend: pg.LegendItem, width: float) -> None:
    """As many legend columns as fit in `width` (one entry per row when nothing else fits)."""
    entries = legend.items
    if not entries:
        return
    # the text's own width: a label's width() is the cell the legend's grid stretched it to
    widest = max(30 + label.item.boundingRect().width() + 16 for _sample, label in entries)
    columns = max(1, min(len(entries), int(width // max(widest, 1.0))))
    # Placed here rather than by LegendItem.setColumnCount, whose grid keeps the columns of an
    # earlier layout and then wraps the entries unevenly.
    layout = legend.layout
    for i in range(layout.count() - 1, -1, -1):
        layout.removeAt(i)
    for i, (sample, label) in enumerate(entries):
        row, column = divmod(i, columns)
        layout.addItem(sample, row, 2 * column, alignment=Qt.AlignmentFlag.AlignVCenter)
        layout.addItem(label, row, 2 * column + 1)
    legend.columnCount = columns
    legend.updateSize()


def keep_content_visible(chart: pg.GraphicsLayoutWidget, base_width: int) -> None:
    """Make the chart widget at least as wide as its titles and legends need, so a narrow
    window scrolls it instead of cutting off its right side."""
    needed = chart.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    chart.setMinimumWidth(max(base_width, math.ceil(needed) + 8))
