"""The light/dark choice: a UI preference kept in QSettings, applied to the running app.

"system" follows the platform's colour scheme. With Qt 6.8 or later the style hints switch the
scheme; on older Qt a palette derived from the style's standard palette is set instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hiplog.ui.app_identity import ui_settings

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
THEME_KEY = "ui/theme"


def load_theme(settings: QSettings | None = None) -> str:
    value = str((settings or ui_settings()).value(THEME_KEY, "system"))
    return value if value in THEMES else "system"


def save_theme(theme: str, settings: QSettings | None = None) -> None:
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}")
    store = settings or ui_settings()
    store.setValue(THEME_KEY, theme)
    store.sync()


_LINKS = (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited)


def _inverted(palette: QPalette) -> QPalette:
    """A dark palette made from a light one by inverting lightness (no fixed colours)."""
    dark = QPalette(palette)
    for group in (
        QPalette.ColorGroup.Active,
        QPalette.ColorGroup.Inactive,
        QPalette.ColorGroup.Disabled,
    ):
        for role in QPalette.ColorRole:
            if role in (QPalette.ColorRole.NColorRoles, QPalette.ColorRole.Highlight):
                continue
            color = palette.color(group, role)
            lightness = 1.0 - color.lightnessF()
            if role in _LINKS:  # a saturated blue is mid-lightness: inverted it stays dark
                lightness = max(lightness, 0.75)
            inverted = QColor.fromHslF(
                max(color.hslHueF(), 0.0), color.hslSaturationF(), lightness, color.alphaF()
            )
            dark.setColor(group, role, inverted)
    return dark


_forced_palette = False  # apply_theme set a palette itself (the platform ignored the scheme)


def apply_theme(theme: str) -> None:
    """Switch the running application to `theme` ("system", "light" or "dark").

    Qt 6.8+ asks the platform for the colour scheme; a platform without a theme plugin (a bare
    X11 session, some window managers) ignores the request, so then a palette is set instead."""
    global _forced_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if _forced_palette:
        app.setPalette(QPalette())  # back to the platform's own before asking again
        _forced_palette = False
    if hasattr(hints, "setColorScheme"):
        if theme == "system":
            hints.unsetColorScheme()
            return
        scheme = Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(scheme)
        if hints.colorScheme() == scheme:
            return
    if theme == "system":  # pragma: no cover - Qt before 6.8
        return
    standard = app.style().standardPalette()
    app.setPalette(_inverted(standard) if theme == "dark" else standard)
    _forced_palette = True
