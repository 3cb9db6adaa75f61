"""Borders that stay visible: text fields, check boxes, spin boxes, combo boxes and buttons get
an outline with 3:1 contrast against the page and the field (WCAG 2.1, 1.4.11).

Fusion draws these outlines a little darker than the window colour: about 2.3:1 on a light page
and next to nothing on a dark one, where text fields lose their edges and check boxes fade into
the table. The proxy draws Fusion's control and then our outline over its edge.

The focus stays visible the same way: the control that has it is outlined with a 2-pixel ring
in the highlight colour, pushed to 3:1 against the page and the field (WCAG 2.4.7, 1.4.11), in
light and dark alike; tables, lists, text boxes and the charts, which Fusion leaves unmarked,
get the same ring around them (a QFocusFrame drawn by this style).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)
from shiboken6 import Shiboken

from hiplog.ui.common.contrast import MIN_CONTRAST, over, with_contrast

_R = QPalette.ColorRole
_PRIMITIVES = {
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
}
_COMPLEX = {QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox}
#: Controls ringed whole when they have the focus: a tab, a check box or radio button with its
#: label (Fusion marks these only after a key press, with a thin dotted line).
_SE = QStyle.SubElement
_PARTS = {
    QStyle.ControlElement.CE_CheckBox: (_SE.SE_CheckBoxIndicator, _SE.SE_CheckBoxFocusRect),
    QStyle.ControlElement.CE_RadioButton: (
        _SE.SE_RadioButtonIndicator,
        _SE.SE_RadioButtonFocusRect,
    ),
}
_RINGED = {QStyle.ControlElement.CE_TabBarTab, *_PARTS}


def control_border(
    palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active
) -> QColor:
    """The outline colour of controls: text toned down toward the field, then pushed until it
    has 3:1 against the field, the page and a button."""
    colour = over(_translucent(palette.color(group, _R.Text), 0.5), palette.color(group, _R.Base))
    for role in (_R.Base, _R.Window, _R.Button, _R.Base):
        colour = with_contrast(colour, palette.color(group, role), MIN_CONTRAST)
    return colour


def _translucent(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(alpha)
    return out


FOCUS_WIDTH = 2.0  # pixels


def focus_colour(
    palette: QPalette, group: QPalette.ColorGroup = QPalette.ColorGroup.Active
) -> QColor:
    """The focus ring's colour: the highlight, pushed until it has 3:1 against the field, the
    page and a button."""
    colour = QColor(palette.color(group, _R.Highlight))
    for role in (_R.Base, _R.Window, _R.Button, _R.Base):
        colour = with_contrast(colour, palette.color(group, role), MIN_CONTRAST)
    return colour


class BorderedStyle(QProxyStyle):
    """The base style with legible outlines on input controls and a visible focus ring."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _PRIMITIVES and option.rect.width() > 2:
            radio = element is QStyle.PrimitiveElement.PE_IndicatorRadioButton
            indicator = radio or element is QStyle.PrimitiveElement.PE_IndicatorCheckBox
            # an indicator's check box or radio button is ringed whole (drawControl)
            self._outline(option, painter, round_=radio, ring=not indicator)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint is QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1  # under the widget, the widget would hide the ring
        return super().styleHint(hint, option, widget, returnData)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.ControlElement.CE_FocusFrame:
            # Qt shows the frame only in its margin around the widget (the style's mask): the
            # ring fills that band, above the widget's neighbours.
            h = self.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) / 2
            v = self.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin, option, widget) / 2
            self._ring(option, painter, QRectF(option.rect).adjusted(h, v, -h, -v))
            return
        super().drawControl(element, option, painter, widget)
        focused = option.state & QStyle.StateFlag.State_HasFocus
        if element in _RINGED and focused:
            self._ring(option, painter, QRectF(self._ringed_rect(element, option, widget)))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _COMPLEX and option.rect.width() > 2:
            self._outline(option, painter)

    def _ringed_rect(
        self, element: QStyle.ControlElement, option: QStyleOption, widget: QWidget | None
    ) -> QRect:
        """A tab's own rectangle less a margin; a check box's indicator and label with one."""
        parts = _PARTS.get(element)
        if parts is None or widget is None:
            return option.rect.adjusted(2, 2, -2, -2)
        rect = self.subElementRect(parts[0], option, widget).united(
            self.subElementRect(parts[1], option, widget)
        )
        return rect.adjusted(-1, -1, 1, 1).intersected(option.rect.adjusted(1, 1, -1, -1))

    def _ring(self, option: QStyleOption, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(focus_colour(option.palette), FOCUS_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 2.0, 2.0)
        painter.restore()

    def _outline(
        self, option: QStyleOption, painter: QPainter, round_: bool = False, ring: bool = True
    ) -> None:
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        if ring and enabled and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(option, painter, QRectF(option.rect).adjusted(1, 1, -1, -1))
            return
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        colour = control_border(option.palette, group)
        if not enabled:
            colour.setAlphaF(0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        painter.restore()


class FocusFrames(QObject):
    """Puts the style's focus frame around the table, list, text box or chart that has the
    focus (Fusion marks the focus of buttons and fields itself, not of these)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._focus_changed)

    @property
    def frame(self) -> QFocusFrame:
        """The frame; made again when the window it was in has been deleted with it."""
        if self._frame is None or not Shiboken.isValid(self._frame):
            self._frame = QFocusFrame()
        return self._frame

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QAbstractScrollArea):
            self.frame.setWidget(new)
        elif self._frame is not None and Shiboken.isValid(self._frame):
            self._frame.setWidget(cast(QWidget, None))  # no widget: the frame hides
