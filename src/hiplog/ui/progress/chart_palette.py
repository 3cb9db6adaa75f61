"""Chart colours derived from the system palette, legible on its base colour.

Series colours start from the palette's highlight, text and link colours, then turn the
highlight around the colour wheel. Each is pushed darker (on a light base) or lighter (on a dark
base) until it reaches a 3:1 contrast ratio with the base, the WCAG minimum for graphics, so
lines stay visible in light and dark themes alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

#: WCAG 2.1 non-text contrast minimum (graphical objects).
MIN_CONTRAST = 3.0
#: Hue turns (degrees) applied to the highlight colour after highlight, text and link.
HUE_TURNS = (150, 60, 210, 300, 100, 30, 250)


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
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


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


def _too_close(a: QColor, b: QColor) -> bool:
    """Hard to tell apart: both grey, or of about the same hue, and of about the same lightness."""
    if abs(a.lightnessF() - b.lightnessF()) >= 0.15:
        return False
    grey_a, grey_b = a.hslSaturationF() < 0.15, b.hslSaturationF() < 0.15
    if grey_a or grey_b:
        return grey_a and grey_b
    dh = abs(a.hslHueF() - b.hslHueF())
    return min(dh, 1.0 - dh) < 0.12


def series_colours(palette: QPalette, count: int) -> list[QColor]:
    """`count` colours for chart lines, each with 3:1 contrast against the palette's base."""
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    h, lightness = highlight.hslHueF(), highlight.lightnessF()
    s = max(highlight.hslSaturationF(), 0.55)  # a grey highlight still gives coloured turns
    turned = [
        QColor.fromHslF(((max(h, 0.0) * 360 + turn) % 360) / 360, s, lightness)
        for turn in HUE_TURNS
    ]
    # The highlight's near-opposite second, so two compared lines differ most.
    candidates = [
        highlight,
        turned[0],
        palette.color(QPalette.ColorRole.Text),
        palette.color(QPalette.ColorRole.Link),
        *turned[1:],
    ]
    chosen: list[QColor] = []
    for candidate in candidates:
        fixed = with_contrast(candidate, base)
        if not any(_too_close(fixed, c) for c in chosen):
            chosen.append(fixed)
    # Past the distinct candidates, repeat them (lines also differ by legend entry).
    out = [chosen[i % len(chosen)] for i in range(count)]
    return out


@dataclass(frozen=True)
class ChartColours:
    """Every colour one chart needs, from one palette."""

    background: QColor
    foreground: QColor  # axes, labels
    grid: QColor
    band: QColor  # the target band fill (translucent)
    band_edge: QColor
    marker: QColor  # ladder lines
    series: tuple[QColor, ...]

    @classmethod
    def from_palette(cls, palette: QPalette, count: int = 8) -> ChartColours:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = with_contrast(palette.color(QPalette.ColorRole.Highlight), base)
        grid = QColor(text)
        grid.setAlphaF(0.15)
        band = QColor(highlight)
        band.setAlphaF(0.16)
        edge = QColor(highlight)
        edge.setAlphaF(0.5)
        marker = with_contrast(palette.color(QPalette.ColorRole.PlaceholderText), base)
        return cls(base, text, grid, band, edge, marker, tuple(series_colours(palette, count)))
