"""The running application's identity on the desktop: its names, desktop file id, icon and
the place of its window preferences.

Docks and task bars match a window to its menu entry through the desktop file name (the Wayland
app_id is taken from it), so it must be the same id as resources/desktop/<APP_ID>.desktop and the
AppStream metainfo. Call `apply_identity` once, right after creating the QApplication.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication, QIcon

from hiplog import APP_ID, APP_NAME, __version__
from hiplog.resources import resource_path

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """hiplog's icon from the pre-rendered PNGs (no SVG plugin needed at run time)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"hiplog-{size}.png")), QSize(size, size))
    return icon


def ui_settings() -> QSettings:
    """The window's own preferences (theme, geometry, last view), in the platform's usual
    place for them; the training settings are in the database."""
    return QSettings("hiplog", "hiplog")


def apply_identity(app: QGuiApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
