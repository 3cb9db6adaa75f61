"""Tab in reading order where Qt's own order is another.

A QDialogButtonBox lays its buttons out by the platform's convention ("Restore defaults" on the
left, Save and Cancel on the right) but Tab visits them in the order they were added, so Tab
jumps from Cancel back to the left. `tab_buttons_in_reading_order` makes Tab follow the row as
it is drawn, left to right (right to left in a right-to-left language), each time the box is
shown.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialogButtonBox, QWidget


class _ButtonOrder(QObject):
    """Reorders the box's buttons in the focus chain when the box is shown."""

    def __init__(self, box: QDialogButtonBox) -> None:
        super().__init__(box)
        self._box = box
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._box and event.type() == QEvent.Type.Show:
            order_buttons(self._box)
        return False


def order_buttons(box: QDialogButtonBox) -> None:
    """Put the shown buttons of `box` into the focus chain in the order they are drawn."""
    layout = box.layout()
    if layout is not None:
        layout.activate()  # the buttons' places, before the box is first drawn
    sign = -1 if box.isRightToLeft() else 1
    buttons = sorted((b for b in box.buttons() if b.isVisibleTo(box)), key=lambda b: sign * b.x())
    for before, after in pairwise(buttons):
        QWidget.setTabOrder(before, after)


def tab_buttons_in_reading_order(box: QDialogButtonBox) -> QDialogButtonBox:
    """Make Tab visit the buttons of `box` as they are drawn, from now on; returns `box`."""
    _ButtonOrder(box)
    return box
