"""Adherence: a calendar of the last year, one square a day, a column a week (Monday on top).

A day that was a day of the program followed is in the highlight colour, a session outside a
program in a paler shade of it, a day without a session in the background's mid tone. Pointing
at a square says the date and what it held. Colours come from the system palette.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hiplog.domain.wording import date_text
from hiplog.services.programs import PROGRAM_DAY, SESSION, AdherenceDay
from hiplog.ui.common.locale_names import short_month, short_weekday
from hiplog.ui.common.translation import _, ngettext

CELL = 11  # px: a square and its gap
GAP = 2
WEEKS = 53
LEFT = 30  # room for the weekday letters
TOP = 16  # room for the month names


class AdherenceMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: dict[date, AdherenceDay] = {}
        self._last = date.today()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("")  # tooltips come from event(), per square

    def set_days(self, days: Mapping[date, AdherenceDay], last: date) -> None:
        self._days, self._last = dict(days), last
        self.update()

    @property
    def first_monday(self) -> date:
        this_monday = self._last - timedelta(days=self._last.weekday())
        return this_monday - timedelta(weeks=WEEKS - 1)

    def sizeHint(self) -> QSize:
        return QSize(LEFT + WEEKS * CELL + GAP, TOP + 7 * CELL + GAP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def day_at(self, point: QPoint) -> date | None:
        column, row = (point.x() - LEFT) // CELL, (point.y() - TOP) // CELL
        if point.x() < LEFT or point.y() < TOP or not (0 <= column < WEEKS and 0 <= row < 7):
            return None
        day = self.first_monday + timedelta(weeks=column, days=row)
        return day if day <= self._last else None

    def cell_rect(self, day: date) -> QRect:
        offset = (day - self.first_monday).days
        x, y = LEFT + (offset // 7) * CELL, TOP + (offset % 7) * CELL
        return QRect(x, y, CELL - GAP, CELL - GAP)

    def colour(self, day: date) -> QColor:
        palette = self.palette()
        found = self._days.get(day)
        if found is None:
            return palette.color(QPalette.ColorRole.Midlight)
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        if found.mark == SESSION:
            colour.setAlphaF(0.4)
        return colour

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for row, letter in ((0, short_weekday(1)), (2, short_weekday(3)), (4, short_weekday(5))):
            painter.drawText(
                QRect(0, TOP + row * CELL - 2, LEFT - 4, CELL + 2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                letter,
            )
        painter.setPen(Qt.PenStyle.NoPen)
        first, shown_month = self.first_monday, None
        for offset in range((self._last - first).days + 1):
            day = first + timedelta(days=offset)
            painter.setBrush(self.colour(day))
            painter.drawRect(self.cell_rect(day))
            if day.day <= 7 and day.weekday() == 0 and day.month != shown_month:
                shown_month = day.month
                painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
                painter.drawText(self.cell_rect(day).x(), TOP - 4, short_month(day))
                painter.setPen(Qt.PenStyle.NoPen)
        painter.end()

    def text_at(self, point: QPoint) -> str:
        day = self.day_at(point)
        if day is None:
            return ""
        found = self._days.get(day)
        if found is not None:
            return found.text
        return _("{date}: no session").format(date=date_text(day))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def summary(days: Mapping[date, AdherenceDay]) -> str:
    """'24 program days and 3 other sessions in the last year'."""
    program = sum(1 for d in days.values() if d.mark == PROGRAM_DAY)
    other = sum(1 for d in days.values() if d.mark == SESSION)
    programs = ngettext("{count} program day", "{count} program days", program).format(
        count=program
    )
    others = ngettext("{count} other training day", "{count} other training days", other).format(
        count=other
    )
    return _("{program_days} and {other_days} in the last year").format(
        program_days=programs, other_days=others
    )
