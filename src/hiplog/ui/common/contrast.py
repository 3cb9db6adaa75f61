"""WCAG 2.1 contrast: relative luminance, contrast ratios, and colours pushed until they pass.

Text needs 4.5:1 against its background; graphics and the borders of controls need 3:1.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

#: WCAG 2.1 minimum for normal text (1.4.3).
TEXT_CONTRAST = 4.5
#: WCAG 2.1 non-text minimum (1.4.11): graphical objects and the borders of controls.
MIN_CONTRAST = 3.0


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of a colour."""
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """The opaque colour a translucent `colour` shows on `background`."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * a + background.redF() * (1 - a),
        colour.greenF() * a + background.greenF() * (1 - a),
        colour.blueF() * a + background.blueF() * (1 - a),
    )


def with_contrast(colour: QColor, base: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """`colour` made darker or lighter, keeping its hue, until it contrasts with `base`."""
    out = QColor(colour)
    dark_base = luminance(base) < 0.5
    h, s, lightness, a = out.hslHueF(), out.hslSaturationF(), out.lightnessF(), out.alphaF()
    steps = 0
    while contrast(out, base) < minimum and steps < 40:
        lightness = min(1.0, lightness + 0.025) if dark_base else max(0.0, lightness - 0.025)
        out = QColor.fromHslF(max(h, 0.0), s, lightness, a)
        steps += 1
    return out
