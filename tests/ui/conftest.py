"""Shared fixtures for GUI tests: an offscreen Qt platform and an AppContext on a temp file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests import pg_cluster

from hiplog.services.context import AppContext

#: Harmless warnings of the offscreen platform: it cannot pass size hints on, and it cannot
#: raise windows or grab the keyboard for popups (the exercise picker's completer).
OFFSCREEN_WARNINGS = ("propagateSizeHints", "This plugin does not support")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's warnings in every UI test.

    pytest-qt reads only the closest `qt_log_ignore` marker, so the one added here carries the
    patterns of any marker a module or test sets as well, instead of hiding them."""
    for item in items:
        if "tests/ui/" not in str(item.path).replace("\\", "/"):
            continue
        patterns = [p for m in item.iter_markers("qt_log_ignore") for p in m.args]
        patterns.extend(p for p in OFFSCREEN_WARNINGS if p not in patterns)
        item.add_marker(pytest.mark.qt_log_ignore(*patterns, extend=True))


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """Delete the widgets pytest-qt closed with deleteLater at the end of each test, while Qt
    and Python are whole: chart widgets left to interpreter shutdown crash it now and then."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.open_path(tmp_path / "t.db")
    yield context
    context.close()


@pytest.fixture
def events(qtbot: object) -> object:
    from hiplog.ui.common.data_events import DataEvents

    return DataEvents()


@pytest.fixture
def undo_stack(qtbot: object) -> object:
    from PySide6.QtGui import QUndoStack

    return QUndoStack()


@pytest.fixture
def ui_settings(tmp_path: Path) -> object:
    """The window's QSettings in a temp folder, so tests never touch the home folder's."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    return QSettings("hiplog", "hiplog")


@pytest.fixture
def own_server() -> Iterator[pg_cluster.Cluster]:
    """A PostgreSQL server of this test's own (database `hiplog`), which it may stop (pause)
    and start again."""
    bin_dir = pg_cluster.find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL tests cannot run in CI: no PostgreSQL binaries (initdb)")
        pytest.skip("PostgreSQL tests skipped: no PostgreSQL binaries (initdb) found")
    cluster = pg_cluster.Cluster(bin_dir)
    cluster.start()
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CREATE DATABASE hiplog"))
    engine.dispose()
    yield cluster
    cluster.stop()
