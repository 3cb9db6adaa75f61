"""The window with several athletes: the switcher, File > New athlete... and File > Athletes..."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.past_sessions import add_past_session

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.translation import set_language
from hiplog.services import athletes, body, import_export
from hiplog.services.context import AppContext
from hiplog.ui.athletes.athletes_dialog import AthletesDialog
from hiplog.ui.body.body_dialog import BodyDialog
from hiplog.ui.main_window import (
    EXPORT_ALL_FILTER,
    EXPORT_CSV_FILTER,
    EXPORT_JSON_FILTER,
    MainWindow,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, ui_settings: QSettings) -> Iterator[MainWindow]:
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 12)] * 3)
    w = MainWindow(ctx, ui_settings)
    w.show()
    w.open_view("history")
    yield w
    if Shiboken.isValid(w):
        w.close()
        Shiboken.delete(w)


def _history_rows(w: MainWindow) -> int:
    w.history_view.reload_if_stale()
    return w.history_view.model.rowCount()


def test_with_one_athlete_there_is_no_switcher(window: MainWindow) -> None:
    assert not window.athlete_switcher.isVisible()
    assert not window.athlete_actions.list_action.isVisible()
    assert window.athlete_actions.new_action.text().replace("&", "") == "New athlete..."
    assert window.windowTitle() == "hiplog - t.db"


def test_a_new_athlete_is_shown_at_once_with_nothing_of_the_others(
    window: MainWindow, ctx: AppContext
) -> None:
    assert _history_rows(window) == 1
    window.undo_stack.push(QUndoCommand("Log a set"))
    dialog = window.athlete_actions.ask_new_athlete()
    dialog.setTextValue("Sam")
    dialog.accept()
    assert ctx.athlete == "Sam"
    assert window.athlete_switcher.isVisible()
    assert [window.athlete_switcher.itemText(i) for i in range(2)] == ["Me", "Sam"]
    assert window.athlete_switcher.currentText() == "Sam"
    assert window.athlete_actions.list_action.isVisible()
    assert "Sam" in window.windowTitle()
    assert _history_rows(window) == 0
    assert window.undo_stack.count() == 0  # Me's steps are not undone on Sam's data
    assert window.log_view.session_exercises() == []


def test_switching_back_reloads_every_view(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    window.athlete_actions.add_athlete("Sam")
    assert _history_rows(window) == 0
    with qtbot.waitSignal(window.events.athlete_changed):
        window.athlete_switcher.activated.emit(window.athlete_switcher.findText("Me"))
    assert ctx.athlete == "Me"
    assert _history_rows(window) == 1
    window.open_view("plan")
    assert window.stack.currentWidget() is window.plan_view


@pytest.mark.parametrize(("name", "says"), [("", "needs a name"), ("Me", "already")])
def test_an_empty_or_taken_name_is_refused_with_a_message(
    window: MainWindow, ctx: AppContext, name: str, says: str
) -> None:
    assert not window.athlete_actions.add_athlete(name)
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert says in box.text()
    box.close()
    assert ctx.athlete_names() == ["Me"] and ctx.athlete == "Me"


def test_the_athletes_dialog_lists_them_and_shows_the_chosen_one(
    window: MainWindow, ctx: AppContext
) -> None:
    window.athlete_actions.add_athlete("Sam")
    dialog = window.athlete_actions.open_list()
    assert isinstance(dialog, AthletesDialog)
    model = dialog.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert rows == [["Me", "kg", "1 session"], ["Sam (shown now)", "kg", "0 sessions"]]
    dialog.table.selectRow(0)
    dialog.show_selected()
    assert ctx.athlete == "Me"
    assert model.index(0, 0).data() == "Me (shown now)"
    assert _history_rows(window) == 1
    dialog.close()
    assert not [d for d in window.findChildren(QInputDialog) if d.isVisible()]


def test_the_window_opens_on_the_athlete_shown_last(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, ui_settings: QSettings
) -> None:
    window.athlete_actions.add_athlete("Sam")
    window.close()
    restarted = AppContext.open_path(ctx.locations.database)  # nobody names an athlete
    assert restarted.athlete == "Me"
    again = MainWindow(restarted, ui_settings)
    try:
        assert restarted.athlete == "Sam"
        assert again.athlete_switcher.currentText() == "Sam"
    finally:
        again.close()
        Shiboken.delete(again)
        restarted.close()


def test_an_import_of_every_athletes_backup_brings_the_switcher(
    window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    other = AppContext.open_path(tmp_path / "family.db")
    try:
        athletes.add_athlete(other, "Sam")
        import_export.export_json(other, tmp_path / "family.json", everyone=True)
    finally:
        other.close()
    import_export.import_file(ctx, tmp_path / "family.json")
    window.events.sessions_changed.emit()  # as the Import dialog does after an import
    assert window.athlete_switcher.isVisible()
    assert window.athlete_actions.list_action.isVisible()


def test_export_offers_a_backup_of_every_athlete_once_there_are_two(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window._export_filters() == [EXPORT_CSV_FILTER, EXPORT_JSON_FILTER]
    window.athlete_actions.add_athlete("Sam")
    assert window._export_filters()[-1] == EXPORT_ALL_FILTER
    window.export_to(tmp_path / "family.json", json_backup=True, everyone=True)
    doc = json.loads((tmp_path / "family.json").read_text("utf-8"))
    assert [(a["name"], len(a["sessions"])) for a in doc["athletes"]] == [("Me", 1), ("Sam", 0)]
    assert "backup of every athlete with 3 sets" in window.statusBar().currentMessage()


def test_the_body_dialog_shows_the_athlete_shown(window: MainWindow, ctx: AppContext) -> None:
    body.add_measurement(ctx, BodyMeasurement(datetime(2026, 11, 20, 7), bodyweight_kg=81.5))
    dialog = window.open_body_measurements()
    assert isinstance(dialog, BodyDialog) and dialog.model.rowCount() == 1
    window.athlete_actions.add_athlete("Sam")  # Sam is shown: none of Me's entries
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.isVisible()
    window.athlete_actions.switch_to("Me")
    assert dialog.model.rowCount() == 1
    dialog.close()


@pytest.mark.parametrize("language", ["de", "en_XA"])
def test_the_athletes_table_shows_its_headers_whole_in_a_longer_language(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """German 'Gewichtseinheit' (and the pseudo-language, 40% longer) was cut at the default
    column width."""
    set_language(language)  # tests/conftest.py puts the language back afterwards
    window.athlete_actions.add_athlete("Sam")
    dialog = window.athlete_actions.open_list()
    assert isinstance(dialog, AthletesDialog)
    qtbot.waitExposed(dialog)
    header = dialog.table.horizontalHeader()
    for column in range(dialog.model.columnCount()):
        text = str(dialog.model.headerData(column, Qt.Orientation.Horizontal))
        needed = header.fontMetrics().horizontalAdvance(text)
        assert header.sectionSize(column) >= needed, f"{text!r} is cut off"
    dialog.close()


def test_the_athletes_dialog_renames_the_selected_athlete(
    window: MainWindow, ctx: AppContext
) -> None:
    window.athlete_actions.add_athlete("Sam")
    assert window.athlete_switcher.label.isVisible()  # "Athlete:" says what the box is
    dialog = window.athlete_actions.open_list()
    assert isinstance(dialog, AthletesDialog)
    dialog.table.selectRow(0)
    dialog.rename_selected()
    (asking,) = [d for d in window.findChildren(QInputDialog) if d.isVisible()]
    assert asking.textValue() == "Me"
    asking.setTextValue("Alex")
    asking.accept()
    assert dialog.model.index(0, 0).data() == "Alex"
    assert [window.athlete_switcher.itemText(i) for i in range(2)] == ["Alex", "Sam"]
    assert window.windowTitle() == "hiplog - Sam - t.db"
    # A taken name is refused, saying so, and nothing changes.
    assert not window.athlete_actions.rename_athlete("Alex", "sam")
    assert ctx.athlete_names() == ["Alex", "Sam"]
    refusals = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert refusals and "There is already an athlete called 'sam'." in refusals[-1].text()
    for box in refusals:
        box.close()
    dialog.close()
