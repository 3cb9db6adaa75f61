"""The main window and start-up: views, menus, remembered window state, import and export,
the error dialog, and `hiplog --view plan`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.past_sessions import add_past_session

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.services.locations import Locations
from hiplog.ui.app import open_window, run_app
from hiplog.ui.error_dialog import ExceptionHook
from hiplog.ui.files.import_dialog import ImportDialog
from hiplog.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

STRONG_NO_UNITS = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2026-10-01 18:00:00,"Glutes",1h,"Hip Thrust (Barbell)",1,60,10,0,0,"","",\n'
    '2026-10-01 18:00:00,"Glutes",1h,"Hip Thrust (Barbell)",2,60,9,0,0,"","",\n'
    '2026-10-01 18:00:00,"Glutes",1h,"Nordic Curl Machine",1,20,8,0,0,"","",\n'
)


_OPEN: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _delete_windows() -> Iterator[None]:
    """Delete every main window at the end of its test, as run_app does, so each test's
    charts are gone before the next test's window is built."""
    yield
    while _OPEN:
        w = _OPEN.pop()
        if Shiboken.isValid(w):
            w.close()
            Shiboken.delete(w)


def keep(w: MainWindow) -> MainWindow:
    _OPEN.append(w)
    return w


def window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    return keep(MainWindow(ctx, settings))


def add_history(ctx: AppContext) -> None:
    """Three sets of 12 hip thrusts at 60 kg three days ago."""
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 12)] * 3)


def test_window_size_and_last_view_survive_a_restart(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    first = window(qtbot, ctx, ui_settings)
    first.show()
    first.resize(700, 530)  # inside the offscreen platform's 800 x 800 screen
    first.open_view("history")
    size = (first.width(), first.height())
    first.close()

    second = window(qtbot, ctx, QSettings("hiplog", "hiplog"))
    second.show()
    assert second.current_view_name() == "history"
    # Not the first-start default of 1200 x 780: the saved size.
    assert (second.width(), second.height()) == size == (700, 530)


def test_view_plan_option_opens_at_the_plan(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    args = argparse.Namespace(db=None, view="plan", exercise=None)
    w = keep(open_window(ctx, args, ui_settings))
    assert w.current_view_name() == "plan"
    assert w.stack.currentWidget() is w.plan_view


def test_exercise_option_selects_it_in_the_log(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    args = argparse.Namespace(db=None, view="log", exercise="romanian-deadlift")
    w = keep(open_window(ctx, args, ui_settings))
    assert w.log_view.session_exercises() == ["romanian-deadlift"]


def test_view_menu_switches_views_with_ctrl_numbers(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    w = window(qtbot, ctx, ui_settings)
    for number, name in enumerate(("log", "plan", "progress", "history", "exercises"), 1):
        action = w.view_actions[name]
        assert action.shortcut().toString() == f"Ctrl+{number}"
        action.trigger()
        assert w.current_view_name() == name


def test_start_this_session_fills_the_log_from_the_plan(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    add_history(ctx)
    w = window(qtbot, ctx, ui_settings)
    w.show()
    w.open_view("plan")
    assert [c.suggestion.exercise for c in w.plan_view.cards] == ["barbell-hip-thrust"]
    assert "3 x 8 at 62.5 kg" in w.plan_view.cards[0].prescription.text()
    w.plan_view.start_button.click()
    assert w.current_view_name() == "log"
    model = w.log_view.model_for("barbell-hip-thrust")
    assert model is not None
    assert [(r.load_kg, r.target_reps, r.saved) for r in model.rows()[:3]] == [(62.5, 8, False)] * 3


def test_plan_without_history_explains_what_to_do_first(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    w = window(qtbot, ctx, ui_settings)
    w.show()
    w.open_view("plan")
    assert w.plan_view.empty.isVisible()
    assert "Open the Log" in w.plan_view.empty_label.text()
    assert not w.plan_view.start_button.isEnabled()
    w.plan_view.go_log_button.click()
    assert w.current_view_name() == "log"


def test_undo_and_redo_in_the_edit_menu_share_one_stack(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    w = window(qtbot, ctx, ui_settings)
    w.open_view("log", "glute-bridge")
    model = w.log_view.current_model()
    assert model is not None
    model.setData(model.index(0, model.REPS), "15")
    assert w.undo_action.isEnabled()
    w.undo_action.trigger()
    assert model.saved_rows() == []
    w.redo_action.trigger()
    assert [r.reps for r in model.saved_rows()] == [15]


def test_import_asks_for_the_unit_previews_and_imports(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings, tmp_path: Path
) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(STRONG_NO_UNITS, encoding="utf-8")
    w = window(qtbot, ctx, ui_settings)
    dialog = ImportDialog(ctx, w.events, w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(source)
    assert dialog.unit_combo.isVisible()
    assert "kg or lb" in dialog.message.text()
    assert not dialog.import_button.isEnabled()

    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("kg"))
    preview = dialog.preview.toPlainText()
    assert "Strong" in preview
    assert "1 session, 3 sets" in preview
    review = dialog.review.model
    groups = {review.item(g).text(): review.item(g) for g in range(review.rowCount())}
    catalog, other = groups["Catalog exercises: 1"], groups["Other training: 1"]
    assert catalog.child(0).text() == "Barbell hip thrust   (in the file: Hip Thrust (Barbell))"
    assert other.child(0).text() == "Nordic Curl Machine"  # a new exercise: a leg curl
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignals([w.events.sessions_changed, w.events.catalog_changed]):
        dialog.import_button.click()
    assert dialog.summary is not None
    assert dialog.summary.sets_imported == 3
    assert "imported 3 sets in 1 session " in dialog.preview.toPlainText()
    assert "nordic-curl-machine" in {e.slug for e in ctx.catalog() if e.custom}


def test_export_writes_csv_or_json_by_the_chosen_filter(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings, tmp_path: Path
) -> None:
    add_history(ctx)
    w = window(qtbot, ctx, ui_settings)
    w.export_to(tmp_path / "sets", json_backup=False)
    lines = (tmp_path / "sets.csv").read_text("utf-8").splitlines()
    assert lines[0].startswith("date,exercise,set,load_kg,reps")
    assert len(lines) == 4
    w.export_to(tmp_path / "all.json", json_backup=True)
    assert (tmp_path / "all.json").read_text("utf-8").lstrip().startswith("{")
    assert "Wrote a full backup with 3 sets" in w.statusBar().currentMessage()


def test_about_names_the_version_and_every_file(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    w = window(qtbot, ctx, ui_settings)
    text = w.about_text()
    loc = ctx.locations
    for expected in ("0.1.0", str(loc.database), str(loc.backups), str(loc.log_file)):
        assert expected in text


def test_unexpected_error_is_logged_and_shown_with_a_copyable_report(
    qtbot: QtBot, tmp_path: Path
) -> None:
    locations = Locations(
        database=tmp_path / "t.db",
        backups=tmp_path / "backups",
        config_dir=tmp_path / "config",
        log_dir=tmp_path / "log",
    )
    hook = ExceptionHook(locations)
    logger = logging.getLogger("hiplog")
    handlers = list(logger.handlers)
    for handler in handlers:
        logger.removeHandler(handler)
    try:
        try:
            raise ValueError("the bar fell off the rack")
        except ValueError:
            hook(*sys.exc_info())  # type: ignore[arg-type]
        dialog = hook.dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        assert "did not expect" in dialog.message.text()
        assert "Traceback" not in dialog.message.text()
        assert dialog.report.isReadOnly()
        assert "ValueError: the bar fell off the rack" in dialog.report.toPlainText()
        dialog.copy_button.click()
        assert "the bar fell off the rack" in QGuiApplication.clipboard().text()
        for handler in logger.handlers:
            handler.flush()
        assert "the bar fell off the rack" in locations.log_file.read_text("utf-8")
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        for handler in handlers:
            logger.addHandler(handler)


def test_run_app_opens_the_window_at_the_view_and_exits_cleanly(
    qtbot: QtBot,
    tmp_path: Path,
    ui_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    seen: list[str] = []

    def close_soon() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                seen.append(widget.current_view_name())
                widget.close()

    QTimer.singleShot(200, close_soon)
    args = argparse.Namespace(db=str(tmp_path / "app.db"), view="history", exercise=None)
    logger = logging.getLogger("hiplog")
    handlers = list(logger.handlers)
    try:
        assert run_app(args) == 0
    finally:
        for handler in list(logger.handlers):
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
    assert seen == ["history"]
    assert sys.excepthook is sys.__excepthook__ or not isinstance(sys.excepthook, ExceptionHook)
    assert (tmp_path / "app.db").exists()


def test_a_view_asking_for_an_exercise_opens_progress_on_it(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    add_history(ctx)
    w = window(qtbot, ctx, ui_settings)
    w.show()
    w.events.exercise_requested.emit("barbell-hip-thrust")
    assert w.current_view_name() == "progress"
    assert w.progress_view.selected_exercises() == ["barbell-hip-thrust"]


def test_import_of_a_file_hiplog_cannot_read_says_why_and_imports_nothing(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings, tmp_path: Path
) -> None:
    source = tmp_path / "notes.csv"
    source.write_text("this is not,a training log\n1,2\n", encoding="utf-8")
    w = window(qtbot, ctx, ui_settings)
    dialog = ImportDialog(ctx, w.events, w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(source)
    assert "notes.csv" in dialog.message.text()
    assert "header" in dialog.message.text()
    assert not dialog.import_button.isEnabled()


def test_a_refused_undo_is_said_in_the_status_bar_on_any_view(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    w = window(qtbot, ctx, ui_settings)
    w.show()
    w.open_view("exercises")
    dialog = w.exercises_view.new_custom()
    dialog.name_edit.setText("Frog pump")
    dialog.accept()
    training_log.log_sets(ctx, [SetEntry("frog-pump", 0, 25)], when=datetime(2026, 11, 2, 18))
    w.open_view("plan")  # a view with no message label of its own
    assert w.statusBar().isVisible()
    w.undo_action.trigger()
    assert "frog-pump" in ctx.catalog()
    assert w.statusBar().currentMessage() == (
        "Could not undo Create exercise Frog pump: 'Frog pump' has logged sets now, so it stays."
    )


def test_help_lists_every_menu_shortcut_and_ctrl_l_is_one(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    window = MainWindow(ctx, ui_settings)
    qtbot.addWidget(window)
    window.open_view("plan")
    window.log_exercise_action.trigger()
    assert window.current_view_name() == "log"
    dialog = window.show_shortcuts()
    rows = dict(dialog.rows())
    assert rows["Ctrl+L"] == "View > Log an exercise"
    assert rows["Ctrl+Z"] == "Edit > Undo"
    assert rows["Ctrl+1"] == "View > Log"
    assert any(keys.startswith("Tab") for keys in rows)
    dialog.close()


def test_body_measurements_open_from_the_edit_menu_and_from_progress(
    qtbot: QtBot, ctx: AppContext, ui_settings: QSettings
) -> None:
    from hiplog.ui.body.body_dialog import BodyDialog

    w = window(qtbot, ctx, ui_settings)
    w.show()
    edit = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Edit")
    item = next(a for a in edit.actions() if a.text() == "&Body measurements...")
    item.trigger()
    dialogs = w.findChildren(BodyDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()
    w.open_view("progress")
    w.progress_view.body_button.click()  # the same dialog, one at a time
    assert len([d for d in w.findChildren(BodyDialog) if d.isVisible()]) == 1
    # an entry made there reaches the undo stack of the window (Edit > Undo)
    dialog = next(d for d in w.findChildren(BodyDialog) if d.isVisible())
    dialog.bodyweight_edit.setText("80")
    dialog.add_entry()
    assert w.undo_action.text().startswith("&Undo Add body measurements of")
