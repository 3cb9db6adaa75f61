"""Screenshots of every view for the README, on ten years of generated history.

Run under a virtual display (the offscreen platform renders no fonts on some systems):

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshots docs/screenshots

Writes plan, log, progress, progress-compare, progress-weekly, progress-body, history,
exercises, session_editor, settings, settings-equipment and body in the light and the dark
theme, the views at 1400 x 900 and at 900 x 600 (the dialogs at their own size): `plan.png` is
light at 1400 x 900, `plan-dark.png` dark, and `-900x600` marks the small window. The database
and the window settings live in a temp folder; `--db` uses a copy of an existing one. A new
database gets two years of made-up body measurements for the Body tab.

`--language de` (or es, fr, en_XA) writes the Plan and the Log in that language instead, light at
1400 x 900: `plan-de.png` and `log-de.png`; then, with a second athlete added, the window with
the athlete switcher (`athletes-de.png`), File > New athlete... (`athlete-new-de.png`) and File >
Athletes... (`athletes-list-de.png`).
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from benchmarks.generate_history import generate_sessions, write_database
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from hiplog.domain.translation import set_language
from hiplog.domain.units import Unit
from hiplog.services import athletes, body
from hiplog.services.context import AppContext
from hiplog.ui.app import application, open_window
from hiplog.ui.body.body_dialog import BodyDialog
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.main_window import MainWindow
from hiplog.ui.progress.progress_view import BODY_TAB, WEEKLY_TAB, ProgressView
from hiplog.ui.qt_translations import install_qt_translations
from hiplog.ui.settings.settings_dialog import SettingsDialog
from hiplog.ui.theme import apply_theme

_T = SetsTableModel
LOAD, REPS, RIR = _T.LOAD, _T.REPS, _T.RIR

SIZES = ((1400, 900), (900, 600))
THEMES = ("light", "dark")
TEN_YEARS = 30_000  # sets: 1,166 sessions from 2017 to yesterday
SECOND_ATHLETE = "Sam"


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


def _suffix(theme: str, size: tuple[int, int] | None) -> str:
    dark = "-dark" if theme == "dark" else ""
    small = f"-{size[0]}x{size[1]}" if size is not None and size != SIZES[0] else ""
    return dark + small


def _save(app: QApplication, widget: QWidget, out: Path, name: str) -> str:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    return name


def add_body_measurements(ctx: AppContext) -> None:
    """Two years of made-up measurements: bodyweight most weeks (a slow drift down and back),
    hip and thigh once a month, and a gap of two months in the first year."""
    today = date.today()
    for week in range(104, 0, -1):
        if 70 <= week <= 78:
            continue  # a break: the chart's lines stop here
        day = today - timedelta(days=7 * week)
        drift = 3.0 * math.sin(week / 16.0) + 0.4 * math.sin(week * 1.7)
        monthly = week % 4 == 0
        body.add_measurement(
            ctx,
            body.from_input(
                day,
                round(80.0 + drift, 1),
                round(103.0 + drift / 2, 1) if monthly else None,
                round(60.0 + drift / 3 + (104 - week) / 60, 1) if monthly else None,
                Unit.KG,
            ),
        )


def _views(
    app: QApplication, window: MainWindow, out: Path, suffix: str, size: tuple[int, int]
) -> list[str]:
    """Every view of the main window at `size`."""
    window.resize(*size)
    written = []

    def view(name: str, prepare: Callable[[], object] | None = None, shot: str = "") -> None:
        window.open_view(name)
        if prepare is not None:
            prepare()
        written.append(_save(app, window, out, (shot or name) + suffix))

    progress = window.progress_view
    view("plan")
    view("log", lambda: window.log_view.show_exercise("barbell-hip-thrust"))
    view("progress", lambda: progress.show_exercise("barbell-hip-thrust"))
    view("progress", lambda: _compare(progress), "progress-compare")
    view("progress", lambda: progress.mode.setCurrentIndex(WEEKLY_TAB), "progress-weekly")
    view("progress", lambda: progress.mode.setCurrentIndex(BODY_TAB), "progress-body")
    progress.mode.setCurrentIndex(0)
    view("exercises", lambda: window.exercises_view.show_exercise("barbell-hip-thrust"))
    view("history")
    return written


def _in_language(app: QApplication, window: MainWindow, out: Path, suffix: str) -> list[str]:
    """The Plan and the Log (on the first lift, two sets done) at 1400 x 900, light."""
    apply_theme("light")
    window.resize(*SIZES[0])
    window.open_view("plan")
    written = [_save(app, window, out, "plan" + suffix)]
    window.open_view("log")
    window.log_view.show_exercise("barbell-hip-thrust")
    written.append(_save(app, window, out, "log" + suffix))
    return written + _athletes(app, window, out, suffix)


def _athletes(app: QApplication, window: MainWindow, out: Path, suffix: str) -> list[str]:
    """A second athlete: the window with the switcher over the view list, File > New athlete...
    and File > Athletes... (the window keeps showing the first athlete)."""
    athletes.add_athlete(window.ctx, SECOND_ATHLETE)
    window.events.athletes_listed.emit()
    written = [_save(app, window, out, "athletes" + suffix)]
    asking = window.athlete_actions.ask_new_athlete()
    asking.setTextValue(SECOND_ATHLETE[:1])
    written.append(_save(app, asking, out, "athlete-new" + suffix))
    asking.close()
    listed = window.athlete_actions.open_list()
    written.append(_save(app, listed, out, "athletes-list" + suffix))
    listed.close()
    return written


def _compare(progress: ProgressView) -> None:
    progress.show_exercise("barbell-hip-thrust")
    rows = [progress.model.row_of(s) for s in ("barbell-hip-thrust", "romanian-deadlift")]
    progress._select_rows([r for r in rows if r >= 0])
    progress._redraw()


def _dialogs(
    app: QApplication, ctx: AppContext, window: MainWindow, out: Path, suffix: str
) -> list[str]:
    """The session editor, the settings and the body measurements dialogs, at their own size."""
    window.open_view("history")
    settle(app)
    editor = window.history_view.open_selected()
    assert editor is not None
    written = [_save(app, editor, out, "session_editor" + suffix)]
    editor.close()
    settings = SettingsDialog(ctx, window.events, window)
    settings.show()
    written.append(_save(app, settings, out, "settings" + suffix))
    settings.tabs.setCurrentIndex(1)  # the load steps, bar and plates
    written.append(_save(app, settings, out, "settings-equipment" + suffix))
    settings.close()
    measurements = BodyDialog(ctx, window.events, window.undo_stack, window)
    measurements.show()
    measurements.table.selectRow(0)
    written.append(_save(app, measurements, out, "body" + suffix))
    measurements.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--sets", type=int, default=TEN_YEARS, help="size of the history")
    parser.add_argument("--db", type=Path, help="use a copy of this database instead")
    parser.add_argument("--language", help="only the Plan and the Log, in this language")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
        if args.language:  # before the database is made: its first athlete is named in it
            set_language(args.language)
        database = folder / "hiplog.db"
        if args.db:
            shutil.copy(args.db, database)
        else:
            write_database(database, generate_sessions(args.sets))
        app = application()
        if args.language:
            install_qt_translations(app)
        ctx = AppContext.open_path(database)
        if not args.db:
            add_body_measurements(ctx)
        window = open_window(ctx, argparse.Namespace(view="plan", exercise=None, db=None))
        window.show()
        settle(app)
        log_two_sets(window)
        if args.language:
            written += _in_language(app, window, args.out, f"-{args.language}")
        for theme in () if args.language else THEMES:
            apply_theme(theme)
            for size in SIZES:
                written += _views(app, window, args.out, _suffix(theme, size), size)
            written += _dialogs(app, ctx, window, args.out, _suffix(theme, None))
        apply_theme("light")
        window.close()
        Shiboken.delete(window)
        ctx.close()
    print(f"wrote {', '.join(f'{n}.png' for n in written)} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
