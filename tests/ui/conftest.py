"""Shared fixtures for GUI tests: an offscreen Qt platform and an AppContext on a temp file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from hiplog.services.context import AppContext  # noqa: E402


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_path(tmp_path / "t.db")
    yield context
    context.close()


@pytest.fixture
def events(qtbot: object) -> object:
    from hiplog.ui.data_events import DataEvents

    return DataEvents()


@pytest.fixture
def undo_stack(qtbot: object) -> object:
    from PySide6.QtGui import QUndoStack

    return QUndoStack()
