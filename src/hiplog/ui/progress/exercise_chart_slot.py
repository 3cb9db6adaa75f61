"""The plot items of one exercise on the per-exercise charts, and the words of their axes."""

from __future__ import annotations

from typing import Protocol

import pyqtgraph as pg
from PySide6.QtGui import QColor

from hiplog.domain.chart_series import Strength, Volume
from hiplog.domain.units import Unit
from hiplog.ui.common.translation import _
from hiplog.ui.progress.chart_items import pen, translucent
from hiplog.ui.progress.chart_palette import ChartColours

RECORD_SIZE, RECORD_SIZE_DENSE = 17, 10


class SlotOwner(Protocol):
    """What a slot needs of the charts widget: its colours, its plots and its tooltips."""

    colours: ChartColours
    strength_plot: pg.PlotItem
    volume_plot: pg.PlotItem

    def tip_text(self, slug: str, index: int) -> str: ...


def strength_label(kinds: set[Strength], unit: Unit) -> str:
    if kinds == {Strength.BEST_REPS}:
        return _("Best reps in one set")
    if kinds == {Strength.E1RM}:
        return _("Estimated 1RM ({unit})").format(unit=unit.value)
    return _("Estimated 1RM ({unit}) or best reps").format(unit=unit.value)


def volume_label(kinds: set[Volume], unit: Unit, weekly: bool) -> str:
    if kinds == {Volume.REPS}:
        text = _("Reps per week") if weekly else _("Reps per session")
    elif kinds == {Volume.LOAD}:
        text = _("Volume per week ({unit})") if weekly else _("Volume per session ({unit})")
    else:
        text = (
            _("Volume ({unit}) or reps per week")
            if weekly
            else _("Volume ({unit}) or reps per session")
        )
    return text.format(unit=unit.value)


class ChartSlot:
    """The plot items of one series (one exercise), kept and refilled from switch to switch:
    creating pyqtgraph items costs more than giving existing ones new data."""

    def __init__(self, owner: SlotOwner) -> None:
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

    def style(self, colour: QColor, colours: ChartColours) -> None:
        """Pens and brushes of a slot, set only when its colour changes."""
        if self.colour == colour:
            return
        self.colour = QColor(colour)
        self.strength.setPen(pen(colour))
        self.top_load.setPen(pen(translucent(colour, 0.75), 1.5, dashed=True))
        self.records.setBrush(pg.mkBrush(colour))
        self.records.setPen(pg.mkPen(colours.foreground, width=1))
        self.volume.setPen(pen(colour))
        self.weekly.setPen(pen(colour, 1.5))
        self.weekly.setBrush(pg.mkBrush(translucent(colour, 0.35)))
        for points in (self.points, self.volume_points):
            points.opts["hoverBrush"] = pg.mkBrush(colour)
