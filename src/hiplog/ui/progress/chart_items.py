"""Small pyqtgraph helpers shared by the progress charts: time stamps, pens, plots, ranges."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

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
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": pg.DateAxisItem()})
    style_plot(plot, colours, font)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot


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


def show_range(plots: Sequence[Any], start: float | None, end: float) -> None:
    """Show [start, end] on the linked x axes (all data when start is None); y fits the data
    in view. `plots` are PlotItems or ViewBoxes; the first one's x axis leads."""
    for plot in plots:
        plot.enableAutoRange(axis="y")
        plot.setAutoVisible(y=True)
    if start is None:
        plots[0].enableAutoRange(axis="x")
    else:
        plots[0].setXRange(start, end, padding=0.02)
