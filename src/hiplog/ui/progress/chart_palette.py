"""Chart colours derived from the system palette, legible on its base colour.

Series colours start from the palette's highlight, text and link colours, then turn the
highlight around the colour wheel. Each is pushed darker (on a light base) or lighter (on a dark
base) until it reaches a 3:1 contrast ratio with the base, the WCAG minimum for graphics, so
lines stay visible in light and dark themes alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from hiplog.ui.common.contrast import with_contrast

#: Hue turns (degrees) applied to the highlight colour after highlight, text and link.
HUE_TURNS = (150, 60, 210, 300, 100, 30, 250)


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
