"""Weekly charts: sessions per week, hard sets per muscle, and sets by muscle length.

The target bands (2-3 sessions, 10-20 hard sets) are shaded so a week outside them stands out.
Counts start at zero and each y axis fits the weeks in the chosen range; the legends sit in rows
of their own above their plots.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QWidget

from hiplog.domain.chart_series import LENGTHS, MUSCLES, WeeklyCharts
from hiplog.domain.models import Length
from hiplog.domain.wording import date_text
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.vocabulary import capitalized, length_text, muscle_text
from hiplog.ui.progress.chart_items import (
    DAY,
    align_axes,
    fit_legend_columns,
    fit_y,
    label_html,
    new_legend,
    new_plot,
    pen,
    stamp,
    style_plot,
    translucent,
)
from hiplog.ui.progress.chart_palette import ChartColours


def _length_name(length: Length) -> str:
    """'Short length', 'Mid length', 'Long length' (a legend entry)."""
    return _("{length} length").format(length=capitalized(length_text(length)))


def _week_label(week: date) -> str:
    return _("Week of {date}").format(date=date_text(week))


def _n(value: float) -> str:
    return f"{value:g}"


class WeeklyChartsWidget(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """Three stacked plots sharing one date axis."""

    def __init__(self, colours: ChartColours, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._font = font
        self.setBackground(colours.background)
        self.sessions_plot = new_plot(self, 0, colours, font)
        self.muscles_legend = new_legend(self, 1, colours, font)
        self.muscles_plot = new_plot(self, 2, colours, font)
        self.lengths_legend = new_legend(self, 3, colours, font)
        self.lengths_plot = new_plot(self, 4, colours, font)
        self.plots = (self.sessions_plot, self.muscles_plot, self.lengths_plot)
        for plot in self.plots[1:]:
            plot.setXLink(self.sessions_plot)
        align_axes(self.plots, (False, False, False), colours, font)
        self.sessions_item: pg.PlotDataItem | None = None
        self.muscle_items: dict[str, pg.PlotDataItem] = {}
        self.length_items: dict[Length, pg.BarGraphItem] = {}
        self.bands: list[pg.LinearRegionItem] = []
        # Week starts and, per plot, the value of each week its y axis must show.
        self._starts: list[float] = []
        self._tops: dict[int, tuple[list[float], float]] = {}

    def set_colours(self, colours: ChartColours) -> None:
        self._colours = colours
        self.setBackground(colours.background)
        for plot in self.plots:
            style_plot(plot, colours, self._font)
        for legend in (self.muscles_legend, self.lengths_legend):
            legend.setLabelTextColor(colours.foreground)

    def _band(self, plot: pg.PlotItem, low: float, high: float, what: str) -> None:
        c = self._colours
        band = pg.LinearRegionItem(
            values=(low, high),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(c.band),
            pen=pen(c.band_edge, 1),
        )
        band.setZValue(-10)
        band.setToolTip(what.format(low=_n(low), high=_n(high)))
        plot.addItem(band)
        self.bands.append(band)

    def set_weekly(self, weekly: WeeklyCharts) -> None:
        for plot in self.plots:
            plot.clear()
        self.muscles_legend.clear()
        self.lengths_legend.clear()
        self.muscle_items.clear()
        self.length_items.clear()
        self.bands.clear()
        self._starts = [stamp(w) for w in weekly.weeks]
        self._tops.clear()
        self._draw_sessions(weekly)
        self._draw_muscles(weekly)
        self._draw_lengths(weekly)
        self._fit_legends()

    def _draw_sessions(self, weekly: WeeklyCharts) -> None:
        """Sessions per week as steps, against the 2-3 band."""
        c, f = self._colours, self._font
        weeks, starts = list(weekly.weeks), self._starts
        edges = [*starts, stamp(weeks[-1] + timedelta(days=7))] if weeks else []
        s_low, s_high = weekly.sessions_band
        self._band(self.sessions_plot, s_low, s_high, _("Target: {low} to {high} sessions a week"))
        colour = c.series[0]
        counts = [float(n) for n in weekly.sessions]
        self.sessions_item = pg.PlotDataItem(
            edges,
            counts,
            stepMode="center",
            fillLevel=0,
            brush=pg.mkBrush(translucent(colour, 0.45)),
            pen=pen(colour, 1.5),
        )
        self.sessions_plot.addItem(self.sessions_item)
        tips = [
            f"{_week_label(w)}: "
            + ngettext("{count} session", "{count} sessions", int(n)).format(count=int(n))
            for w, n in zip(weeks, weekly.sessions, strict=True)
        ]
        self._hover(self.sessions_plot, self._mids(), counts, tips)
        # half a session above the band, so the top count's label fits on the axis
        self._tops[id(self.sessions_plot)] = (counts, s_high + 0.5)
        self.sessions_plot.setTitle(
            label_html(
                _("Hip-extensor sessions per week (shaded: the {low}-{high} target)").format(
                    low=s_low, high=s_high
                ),
                c,
                f,
                True,
            )
        )
        self.sessions_plot.setLabel("left", label_html(_("Sessions"), c, f))
        # whole sessions: a tick at every count, so a short plot still shows the 3 of the band
        self.sessions_plot.getAxis("left").setTickSpacing(major=1, minor=1)

    def _draw_muscles(self, weekly: WeeklyCharts) -> None:
        """Hard sets per week, one line per muscle, against the 10-20 band."""
        c, f = self._colours, self._font
        weeks, mids = list(weekly.weeks), self._mids()
        h_low, h_high = weekly.sets_band
        self._band(self.muscles_plot, h_low, h_high, _("Target: {low} to {high} hard sets a week"))
        for i, muscle in enumerate(MUSCLES):
            colour = c.series[i % len(c.series)]
            values = list(weekly.muscle_sets[muscle])
            shown = capitalized(muscle_text(muscle))
            item = pg.PlotDataItem(mids, values, pen=pen(colour), name=shown)
            self.muscles_plot.addItem(item)
            self.muscles_legend.addItem(item, shown)
            self.muscle_items[muscle] = item
        hard_sets = _("{muscle}: {count} hard sets")
        tips = [
            f"{_week_label(w)}\n"
            + "\n".join(
                hard_sets.format(
                    muscle=capitalized(muscle_text(m)), count=_n(weekly.muscle_sets[m][k])
                )
                for m in MUSCLES
            )
            for k, w in enumerate(weeks)
        ]
        tops = [max(weekly.muscle_sets[m][k] for m in MUSCLES) for k in range(len(weeks))]
        self._hover(self.muscles_plot, mids, tops, tips)
        self._tops[id(self.muscles_plot)] = (tops, float(h_high))
        self.muscles_plot.setTitle(
            label_html(
                _(
                    "Hard sets per week by muscle (shaded: {low}-{high}; "
                    "a second-listed muscle counts half)"
                ).format(low=_n(h_low), high=_n(h_high)),
                c,
                f,
                True,
            )
        )
        self.muscles_plot.setLabel("left", label_html(_("Hard sets"), c, f))

    def _draw_lengths(self, weekly: WeeklyCharts) -> None:
        """Hard sets per week by muscle length, stacked bars."""
        c, f = self._colours, self._font
        weeks, starts = list(weekly.weeks), self._starts
        below = [0.0] * len(weeks)
        for i, length in enumerate(LENGTHS):
            colour = c.series[(i + 3) % len(c.series)]
            above = [b + v for b, v in zip(below, weekly.length_sets[length], strict=True)]
            bars = pg.BarGraphItem(
                x0=[s + 0.5 * DAY for s in starts],
                x1=[s + 6.5 * DAY for s in starts],
                y0=below,
                y1=above,
                brush=pg.mkBrush(translucent(colour, 0.8)),
                pen=pg.mkPen(colour),
                name=_length_name(length),
            )
            self.lengths_plot.addItem(bars)
            self.lengths_legend.addItem(bars, _length_name(length))
            self.length_items[length] = bars
            below = above
        at_length = _("At {length} length: {count} sets")
        tips = [
            f"{_week_label(w)}\n"
            + "\n".join(
                at_length.format(length=length_text(n), count=_n(weekly.length_sets[n][k]))
                for n in LENGTHS
            )
            for k, w in enumerate(weeks)
        ]
        self._hover(self.lengths_plot, self._mids(), below, tips)
        self._tops[id(self.lengths_plot)] = (below, 1.0)
        self.lengths_plot.setTitle(
            label_html(
                _("Hard sets per week by where they load the hip extensors (short, mid, long)"),
                c,
                f,
                True,
            )
        )
        self.lengths_plot.setLabel("left", label_html(_("Hard sets"), c, f))

    def _mids(self) -> list[float]:
        return [s + 3.5 * DAY for s in self._starts]

    def _hover(
        self, plot: pg.PlotItem, xs: Sequence[float], ys: Sequence[float], tips: Sequence[str]
    ) -> None:
        """Invisible points on top of each week that show its numbers on hover."""
        transparent = QColor(0, 0, 0, 0)
        points = pg.ScatterPlotItem(
            list(xs),
            list(ys),
            data=list(range(len(tips))),
            size=14,
            pen=pg.mkPen(transparent),
            brush=pg.mkBrush(transparent),
            hoverable=True,
            tip=lambda x, y, data: tips[int(data)],
        )
        plot.addItem(points)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_legends()
        super().resizeEvent(event)

    def _fit_legends(self) -> None:
        if hasattr(self, "lengths_legend"):  # not while being built
            for legend in (self.muscles_legend, self.lengths_legend):
                fit_legend_columns(legend, self.width() - 24)

    def show_range(self, start: float | None, end: float) -> None:
        """Show the weeks in [start, end] (all when start is None); each y axis from zero to the
        highest week shown, or its target band when that is higher."""
        first = self._starts[0] if self._starts else end - 28 * DAY
        self.sessions_plot.setXRange(first if start is None else start, end, padding=0.02)
        shown = [
            i
            for i, s in enumerate(self._starts)
            if (start is None or s + 7 * DAY >= start) and s <= end
        ]
        for plot in self.plots:
            values, band_top = self._tops.get(id(plot), ([], 1.0))
            fit_y(plot, [values[i] for i in shown if i < len(values)] + [band_top], True)
