"""Screenshots of every view for the README, on ten years of generated history.

Run under a virtual display (the offscreen platform renders no fonts on some systems):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshots docs/screenshots

Writes plan, progress, progress-weekly, exercises, history, session_editor, settings and log
.png at 1300 x 820 (the editor and settings at their own size), in the light theme. The
database and the window settings live in a temp folder; `--db` uses a copy of an existing one.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate_history import generate_sessions, write_database
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from hiplog.services.context import AppContext
from hiplog.ui.app import application, open_window
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.main_window import MainWindow
from hiplog.ui.progress.progress_view import WEEKLY_TAB
from hiplog.ui.settings.settings_dialog import SettingsDialog
from hiplog.ui.theme import apply_theme

_T = SetsTableModel
LOAD, REPS, RIR = _T.LOAD, _T.REPS, _T.RIR

SIZE = (1300, 820)
TEN_YEARS = 30_000  # sets: 1,166 sessions from 2017 to yesterday


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def log_two_sets(window: MainWindow) -> None:
    """Start the planned session and do two sets of the first lift at the planned load."""
    window.plan_view.start_button.click()
    log = window.log_view
    log.show_exercise("barbell-hip-thrust")
    model = log.current_model()
    assert model is not None
    load = model.row_at(0).load_kg or 60.0
    model.setData(model.index(0, LOAD), f"{load:g}")
    model.setData(model.index(0, RIR), "2")
    model.setData(model.index(0, REPS), "12")
    model.setData(model.index(1, RIR), "1")
    model.setData(model.index(1, REPS), "11")
    log.table.setCurrentIndex(model.index(2, LOAD))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--sets", type=int, default=TEN_YEARS, help="size of the history")
    parser.add_argument("--db", type=Path, help="use a copy of this database instead")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
        database = folder / "hiplog.db"
        if args.db:
            shutil.copy(args.db, database)
        else:
            write_database(database, generate_sessions(args.sets))
        app = application()
        apply_theme("light")
        ctx = AppContext.open_path(database)
        window = open_window(ctx, argparse.Namespace(view="plan", exercise=None, db=None))
        window.resize(*SIZE)
        window.show()

        def save(widget: QWidget, name: str) -> None:
            settle(app)
            widget.grab().save(str(args.out / f"{name}.png"))
            written.append(name)

        def view(name: str, prepare: Callable[[], object] | None = None) -> None:
            window.open_view(name)
            if prepare is not None:
                prepare()
            save(window, name)

        view("plan")
        window.open_view("progress")
        view("progress", lambda: window.progress_view.show_exercise("barbell-hip-thrust"))
        window.progress_view.mode.setCurrentIndex(WEEKLY_TAB)
        save(window, "progress-weekly")
        window.progress_view.mode.setCurrentIndex(0)
        view("exercises", lambda: window.exercises_view.show_exercise("barbell-hip-thrust"))
        view("history")
        editor = window.history_view.open_selected()
        assert editor is not None
        save(editor, "session_editor")
        editor.close()
        settings = SettingsDialog(ctx, window.events, window)
        settings.show()
        save(settings, "settings")
        settings.close()
        window.open_view("plan")
        settle(app)
        log_two_sets(window)
        save(window, "log")

        window.close()
        Shiboken.delete(window)
        ctx.close()
    print(f"wrote {', '.join(f'{n}.png' for n in written)} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
