"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6-Essentials 6.12.0 released a reference to None on every call that returns nothing; on
Python 3.11 the interpreter aborts after a few thousand calls (a crash a person would see minutes
into a session). pyproject.toml pins below it; this test fails if such a build comes back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(200):
        label.setText(str(i))
    assert sys.getrefcount(None) - before > -50
