"""Shared fixtures for GUI tests: an offscreen Qt platform and an AppContext on a temp file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from hiplog.services.context import AppContext


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot pass size hints on; that is harmless."""
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


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
