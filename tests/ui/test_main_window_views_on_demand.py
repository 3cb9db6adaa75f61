"""Each view is built the first time it is shown (the Progress view brings in the chart
library), so a start pays only for the view it opens on; once built, a view behaves as if it
had always been there."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hiplog.services.context import AppContext
from hiplog.ui.main_window import MainWindow
from hiplog.views import VIEW_NAMES

pytestmark = pytest.mark.gui


@pytest.fixture
def make_window(ctx: AppContext, ui_settings: QSettings) -> Iterator[Callable[[], MainWindow]]:
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(ctx, ui_settings)
        made.append(w)
        return w

    yield make
    for w in made:
        if Shiboken.isValid(w):
            w.close()
            Shiboken.delete(w)


def test_progress_is_built_when_first_shown_and_then_shown(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    w = make_window()
    w.show()
    assert w.current_view_name() == "log"
    assert set(w._built) == {"log"}  # only the view on screen was built

    w.nav.setCurrentRow(VIEW_NAMES.index("progress"))

    assert w.current_view_name() == "progress"
    assert w.stack.currentWidget() is w.progress_view
    assert w.views["progress"] is w.progress_view
    assert w.stack.count() == len(VIEW_NAMES)
    assert [w.stack.indexOf(w.views[name]) for name in VIEW_NAMES] == list(range(len(VIEW_NAMES)))


def test_asking_for_the_view_in_code_builds_it_without_switching(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    w = make_window()
    w.open_view("history")
    view = w.progress_view
    assert w.current_view_name() == "history"
    assert w.stack.currentWidget() is w.history_view
    assert w.progress_view is view  # built once


def test_start_this_session_from_the_plan_reaches_the_log_built_later(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    first = make_window()
    first.open_view("plan")
    first.save_window()

    w = make_window()  # opens where the last one was left: the Plan
    assert set(w._built) == {"plan"}
    w.plan_view.log_requested.emit()
    assert w.current_view_name() == "log"
    assert w.stack.currentWidget() is w.log_view


def test_a_window_remembered_at_progress_opens_there(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    first = make_window()
    first.open_view("progress")
    first.save_window()

    again = make_window()
    assert again.current_view_name() == "progress"
    assert again.stack.currentWidget() is again.progress_view
