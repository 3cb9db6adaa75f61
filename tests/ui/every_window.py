"""Every view of the main window and every dialog hiplog opens, on a database with real data.

For tests that must hold for every screen a person can reach (the accessibility test, the
pseudo-translation test). `filled_window` opens a window on a temp database into which a real
Hevy export from ../shared/formats was imported (tables, the Plan and the charts are filled, a
backup exists to restore); `every_window` then shows each screen in turn, yields it, and closes
it when the caller moves on:

    with filled_window(tmp_path) as window:
        for name, widget in every_window(window):
            ...  # `widget` is shown and laid out: a view (inside the window) or a dialog

The names are stable ("view/log", "dialog/settings/Equipment"...) so a failure says where. A
dialog is opened the way the menu or its button opens it wherever the window gives a handle to
it. Not walked: the export's file chooser (Qt's standard file dialog; the export itself has no
dialog of hiplog's), and the blocking questions and warnings of QMessageBox.question/warning
(before replacing a file, an export that failed). There is no bad-rows dialog in the window
yet: bad rows are reported by `hiplog check`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import Shiboken

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.errors import DatabaseError
from hiplog.services import athletes, backups, body, import_export
from hiplog.services.context import AppContext
from hiplog.ui.app import open_window
from hiplog.ui.error_dialog import ErrorDialog
from hiplog.ui.files.backup_actions import BackupActions
from hiplog.ui.main_window import MainWindow
from hiplog.ui.settings.settings_dialog import SettingsDialog

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "formats"
#: 68 sessions from 2023-2024 with barbell hip thrusts and dumbbell RDLs among full-body work,
#: in lb: charts, history and custom exercises all get rows.
REAL_EXPORT = FORMATS / "hevy" / "Jake-Leicht__Hevy-Dashboard-App__HevyData_20240912.csv"
CHARTED = "barbell-hip-thrust"
COMPARED = ("barbell-hip-thrust", "dumbbell-romanian-deadlift")
#: The athlete the walk adds for File > Athletes... (the window keeps showing the first one).
SECOND_ATHLETE = "Sam"

W = TypeVar("W", bound=QWidget)


def settle() -> None:
    """Let layouts, deferred refreshes and deletions run."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(4):
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def filled_context(folder: Path) -> AppContext:
    """An AppContext on `folder`/hiplog.db holding the real Hevy export (and its backup)."""
    if not REAL_EXPORT.is_file():
        raise FileNotFoundError(f"{REAL_EXPORT} is missing: ../shared/formats must be beside")
    ctx = AppContext.open_path(folder / "hiplog.db")
    import_export.import_file(ctx, REAL_EXPORT)
    for day, kg, hip, thigh in ((1, 82.0, 101.0, 58.0), (29, 81.2, 102.5, 58.5)):
        entry = BodyMeasurement(datetime(2024, 8, day, 7), kg, hip, thigh)  # so Body has charts
        body.add_measurement(ctx, entry)
    return ctx


@contextmanager
def filled_window(folder: Path) -> Iterator[MainWindow]:
    """The main window on a filled database, shown; window settings kept in `folder`."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "qsettings"))
    ctx = filled_context(folder)
    window = open_window(ctx, argparse.Namespace(view="plan", exercise=None, db=None))
    window.show()
    settle()
    try:
        yield window
    finally:
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.close()
        window.close()
        Shiboken.delete(window)
        settle()
        ctx.close()


def every_window(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each view and dialog of `window` in turn and yield (name, widget) while it shows."""
    yield from _views(window)
    yield from _dialogs(window)


# --- views ---------------------------------------------------------------------------------


def _views(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    window.open_view("log", CHARTED)
    _log_a_set_today(window)
    settle()
    yield "view/log", window.log_view
    window.open_view("plan")  # the set of today brings the imported exercises back to plan
    settle()
    yield "view/plan", window.plan_view
    yield from _progress(window)
    window.open_view("history")
    settle()
    yield "view/history", window.history_view
    window.open_view("exercises", CHARTED)
    settle()
    yield "view/exercises", window.exercises_view
    yield from _athletes(window)


def _athletes(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The window once the database holds a second athlete: the switcher over the view list,
    File > Athletes... in the menu and the athlete in the title (the window keeps showing the
    first one, so the dialogs after show the real data)."""
    _add_second_athlete(window)
    window.open_view("log", CHARTED)
    settle()
    assert window.athlete_switcher.isVisible(), "two athletes, and no switcher"
    yield "window/athletes", window


def _add_second_athlete(window: MainWindow) -> None:
    if len(window.ctx.athlete_names()) < 2:
        athletes.add_athlete(window.ctx, SECOND_ATHLETE)
        window.events.athletes_listed.emit()
        settle()


def _log_a_set_today(window: MainWindow) -> None:
    """One set of hip thrusts today, typed into the Log's first row (its load is pre-filled
    from the imported history): the real exports all end months ago, and a Plan on them only
    says when the last session was."""
    from hiplog.ui.common.sets_table_model import SetsTableModel

    model = window.log_view.current_model()
    assert model is not None, "the Log shows no sets table"
    model.setData(model.index(0, SetsTableModel.REPS), "10")
    assert model.row_at(0).reps == 10, "the set of today was not saved"


def _progress(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    from hiplog.ui.progress.progress_view import BODY_TAB, EXERCISE_TAB, WEEKLY_TAB

    progress = window.progress_view
    window.open_view("progress", CHARTED)
    settle()
    yield "view/progress", progress
    rows = [progress.model.row_of(slug) for slug in COMPARED]
    progress._select_rows([row for row in rows if row >= 0])
    progress._redraw()
    settle()
    yield "view/progress/compare", progress
    progress.mode.setCurrentIndex(WEEKLY_TAB)
    settle()
    yield "view/progress/weekly", progress
    progress.mode.setCurrentIndex(BODY_TAB)
    settle()
    yield "view/progress/body", progress
    progress.mode.setCurrentIndex(EXERCISE_TAB)
    progress.show_exercise(CHARTED)
    settle()


# --- dialogs -------------------------------------------------------------------------------


def _shown(dialog: W) -> W:
    if not dialog.isVisible():
        dialog.show()
    settle()
    return dialog


def _close(dialog: QWidget) -> None:
    if Shiboken.isValid(dialog):
        dialog.close()
        dialog.deleteLater()
    settle()


def _child(window: QWidget, kind: type[W], opening: Callable[[], object]) -> W:
    """The new `kind` under `window` that `opening` made (for actions that return nothing)."""
    before = set(window.findChildren(kind))
    opening()
    made = [w for w in window.findChildren(kind) if w not in before]
    assert made, f"{opening} opened no {kind.__name__}"
    return made[-1]


def _dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    for name, open_it in _dialog_openers(window):
        dialog = _shown(open_it())
        try:
            if isinstance(dialog, SettingsDialog):
                for tab in range(dialog.tabs.count()):
                    dialog.tabs.setCurrentIndex(tab)
                    settle()
                    yield f"{name}/{dialog.tabs.tabText(tab).replace('&', '')}", dialog
            else:
                yield name, dialog
        finally:
            _close(dialog)


def _dialog_openers(window: MainWindow) -> list[tuple[str, Callable[[], QWidget]]]:
    ctx = window.ctx

    def import_dialog() -> QWidget:
        dialog = window.import_file()
        dialog.set_file(REAL_EXPORT)  # the review of what the file holds
        return dialog

    def restore() -> QWidget:
        actions = window.findChild(BackupActions)
        assert actions is not None, "the File menu has no backup actions"
        return actions.restore_dialog()

    def backed_up() -> QWidget:
        actions = window.findChild(BackupActions)
        assert actions is not None, "the File menu has no backup actions"
        actions.back_up_now()  # File > Backup now, and the message saying where the copy went
        assert actions.last_message is not None
        return actions.last_message

    def session_editor() -> QWidget:
        window.open_view("history")
        settle()
        editor = window.history_view.open_selected()
        assert editor is not None, "History selected no session"
        return editor

    def custom(make: str) -> Callable[[], QWidget]:
        def opener() -> QWidget:
            view = window.exercises_view
            window.open_view("exercises")
            view.select(_a_custom_exercise(ctx))
            dialog = getattr(view, make)()
            assert dialog is not None, f"exercises view: {make} opened nothing"
            return dialog  # type: ignore[no-any-return]

        return opener

    def error_report() -> QWidget:
        report = 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: x'
        return ErrorDialog(report, ctx.locations.log_file, window)

    def athletes_list() -> QWidget:
        _add_second_athlete(window)  # File > Athletes... is there once a second athlete is
        return window.athlete_actions.open_list()

    def athlete_refused() -> QWidget:
        # A name that is taken: the refusal's message box, that names it.
        _add_second_athlete(window)
        actions = window.athlete_actions
        return _child(window, QMessageBox, lambda: actions.add_athlete(SECOND_ATHLETE))

    def database_problem() -> QWidget:
        from hiplog.ui.database_problem_dialog import DatabaseProblemDialog

        loc = ctx.locations
        error = DatabaseError("damaged", path=str(loc.database), kind="damaged")
        return DatabaseProblemDialog(error, loc, backups.newest_good_backup(loc), window)

    return [
        ("dialog/import", import_dialog),
        ("dialog/restore", restore),
        ("dialog/backed-up", backed_up),
        ("dialog/session-editor", session_editor),
        ("dialog/settings", lambda: _child(window, SettingsDialog, window.open_settings)),
        ("dialog/exercise-new", custom("new_custom")),
        ("dialog/exercise-edit", custom("edit_custom")),
        ("dialog/exercise-map", custom("map_custom")),
        ("dialog/programs", window.open_programs),
        ("dialog/body-measurements", window.open_body_measurements),
        ("dialog/shortcuts", window.show_shortcuts),
        ("dialog/about", lambda: _child(window, QMessageBox, window.show_about)),
        ("dialog/error-report", error_report),
        ("dialog/database-problem", database_problem),
        ("dialog/athlete-new", window.athlete_actions.ask_new_athlete),
        ("dialog/athlete-rename", lambda: window.athlete_actions.ask_rename(ctx.athlete)),
        ("dialog/athletes", athletes_list),
        ("dialog/athlete-refused", athlete_refused),
    ]


def _a_custom_exercise(ctx: AppContext) -> str:
    """The first exercise of the person's own (the import made several)."""
    for exercise in ctx.catalog():
        if exercise.custom and not exercise.is_other:
            return exercise.slug
    raise AssertionError("the import made no exercise of the person's own")
