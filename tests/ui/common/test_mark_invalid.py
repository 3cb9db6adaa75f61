"""A marked field is tinted from the palette it inherits and unmarked back to it, so a field in
the dark theme never turns white (white text on the style's light standard base)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from hiplog.ui.common.widgets import is_marked_invalid, mark_invalid

pytestmark = pytest.mark.gui


def test_marking_and_unmarking_follow_a_dark_parent(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dark = QPalette(parent.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    dark.setColor(QPalette.ColorRole.Text, QColor(240, 240, 240))
    parent.setPalette(dark)
    field = QLineEdit(parent)
    QVBoxLayout(parent).addWidget(field)
    mark_invalid(field, True)
    tinted = field.palette().color(QPalette.ColorRole.Base)
    assert is_marked_invalid(field)
    assert tinted.red() > tinted.green() and tinted.lightness() < 100  # dark red, not pink
    mark_invalid(field, False)
    assert not is_marked_invalid(field)
    assert field.palette().color(QPalette.ColorRole.Base) == QColor(20, 20, 20)
    assert field.palette().color(QPalette.ColorRole.Text) == QColor(240, 240, 240)
