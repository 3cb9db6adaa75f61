"""Borders that stay visible: text fields, check boxes, spin boxes, combo boxes and buttons get
an outline with 3:1 contrast against the page and the field (WCAG 2.1, 1.4.11).

Fusion draws these outlines a little darker than the window colour: about 2.3:1 on a light page
and next to nothing on a dark one, where text fields lose their edges and check boxes fade into
the table. The proxy draws Fusion's control and then our outline over its edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

from hiplog.ui.common.contrast import MIN_CONTRAST, over, with_contrast

_R = QPalette.ColorRole
_PRIMITIVES = {
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
}
_COMPLEX = {QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox}


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


class BorderedStyle(QProxyStyle):
    """The base style with legible outlines on input controls."""

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
            self._outline(option, painter, round_=radio)

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

    def _outline(self, option: QStyleOption, painter: QPainter, round_: bool = False) -> None:
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
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
