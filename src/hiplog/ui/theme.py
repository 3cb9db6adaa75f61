"""The light/dark choice: a UI preference kept in QSettings, applied to the running app.

"system" follows the platform's colour scheme. With Qt 6.8 or later the style hints switch the
scheme; on older Qt a palette derived from the style's standard palette is set instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from hiplog.ui.app_identity import ui_settings
from hiplog.ui.common.bordered_style import BorderedStyle, FocusFrames
from hiplog.ui.common.contrast import TEXT_CONTRAST, over, with_contrast
from hiplog.ui.common.translation import N_

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": N_("Follow the system"), "light": N_("Light"), "dark": N_("Dark")}
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


_R = QPalette.ColorRole
#: Text roles and the backgrounds each is drawn on.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, tuple[QPalette.ColorRole, ...]], ...] = (
    (_R.WindowText, (_R.Window,)),
    (_R.Text, (_R.Base, _R.AlternateBase)),
    (_R.ButtonText, (_R.Button,)),
    (_R.HighlightedText, (_R.Highlight,)),
    (_R.PlaceholderText, (_R.Base, _R.AlternateBase, _R.Window)),
    (_R.ToolTipText, (_R.ToolTipBase,)),
    (_R.Link, (_R.Base, _R.Window)),
    (_R.LinkVisited, (_R.Base, _R.Window)),
)


def legible(palette: QPalette) -> QPalette:
    """`palette` with every text role at 4.5:1 against the backgrounds it is drawn on.

    Selected items get white text on a highlight darkened until it reads (on a dark palette the
    inverted text would otherwise be dark on blue); hint text becomes an opaque grey that
    passes; the other roles are pushed lighter or darker only when they fail.
    """
    out = QPalette(palette)
    white = QColor(255, 255, 255)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        out.setColor(group, _R.HighlightedText, white)
        out.setColor(
            group, _R.Highlight, with_contrast(palette.color(group, _R.Highlight), white, 4.6)
        )
        for text, backgrounds in TEXT_PAIRS:
            if text is _R.HighlightedText:
                continue
            colour = over(out.color(group, text), out.color(group, backgrounds[0]))
            for _ in range(2):  # twice: pushing against one background may undo another
                for background in backgrounds:
                    colour = with_contrast(colour, out.color(group, background), TEXT_CONTRAST)
            out.setColor(group, text, colour)
    return out


def install_bordered_style() -> None:
    """Wrap Fusion (the style on Linux without a desktop theme, and of the screenshots) so its
    text fields and check boxes have visible borders and whatever has the focus a visible ring;
    other styles draw their own."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), BorderedStyle):
        return
    if app.style().name().lower() == "fusion":
        app.setStyle(BorderedStyle(QStyleFactory.create("Fusion")))
        FocusFrames(app)


_forced_palette = False  # apply_theme set a palette itself (the platform ignored the scheme)


def apply_theme(theme: str) -> None:
    """Switch the running application to `theme` ("system", "light" or "dark").

    Qt 6.8+ asks the platform for the colour scheme; a platform without a theme plugin (a bare
    X11 session, some window managers) ignores the request, so then a palette is set instead."""
    global _forced_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    install_bordered_style()
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
            app.setPalette(legible(app.palette()))
            _forced_palette = True
            return
    if theme == "system":  # pragma: no cover - Qt before 6.8
        return
    standard = app.style().standardPalette()
    app.setPalette(legible(_inverted(standard) if theme == "dark" else standard))
    _forced_palette = True
