"""The running app names itself with the same id as its desktop files, and has its icon."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import hiplog
from hiplog.ui.app_identity import app_icon, apply_identity

pytestmark = pytest.mark.gui


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    """Put the shared test QApplication's names and icon back afterwards."""
    name, version = qapp.applicationName(), qapp.applicationVersion()
    desktop, icon = qapp.desktopFileName(), QIcon(qapp.windowIcon())
    yield qapp
    qapp.setApplicationName(name)
    qapp.setApplicationVersion(version)
    qapp.setDesktopFileName(desktop)
    qapp.setWindowIcon(icon)


def test_the_app_uses_the_desktop_file_id_and_name(restored_app: QApplication) -> None:
    apply_identity(restored_app)
    assert restored_app.desktopFileName() == hiplog.APP_ID
    assert restored_app.applicationName() == hiplog.APP_NAME
    assert restored_app.applicationVersion() == hiplog.__version__
    assert not restored_app.windowIcon().isNull()


def test_the_icon_is_sharp_from_16_to_512_pixels(qapp: QApplication) -> None:
    sizes = app_icon().availableSizes()
    for size in (16, 32, 48, 256, 512):
        assert QSize(size, size) in sizes
