"""Screenshots of the Log and Plan views on a few months of generated history.

Run under a virtual display (the offscreen platform renders no fonts on some systems):

    xvfb-run -s "-screen 0 1400x900x24" \
        .venv/bin/python -m tests.ui.screenshot_log_plan docs/screenshots

Writes log.png and plan.png. The database and the window settings live in a temp folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.generate_history import generate_sessions, write_database
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from hiplog.services.context import AppContext
from hiplog.ui.app import application, open_window
from hiplog.ui.main_window import MainWindow
from hiplog.ui.sets_table_model import LOAD, REPS, RIR

SIZE = (1300, 820)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def log_two_sets(window: MainWindow) -> None:
    """Start the planned session and do two sets of the first lift: one a personal record."""
    window.plan_view.start_button.click()
    log = window.log_view
    log.show_exercise("barbell-hip-thrust")
    model = log.current_model()
    assert model is not None
    model.setData(model.index(0, LOAD), "52.5")
    model.setData(model.index(0, RIR), "1")
    model.setData(model.index(0, REPS), "12")
    model.setData(model.index(1, RIR), "2")
    model.setData(model.index(1, REPS), "11")
    log.table.setCurrentIndex(model.index(2, LOAD))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for log.png and plan.png")
    parser.add_argument("--sets", type=int, default=900, help="about 15 weeks of training")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
        database = folder / "hiplog.db"
        write_database(database, generate_sessions(args.sets))
        app = application()
        ctx = AppContext.open_path(database)
        window = open_window(ctx, argparse.Namespace(view="plan", exercise=None, db=None))
        window.resize(*SIZE)
        window.show()
        settle(app)
        window.grab().save(str(args.out / "plan.png"))
        log_two_sets(window)
        settle(app)
        window.grab().save(str(args.out / "log.png"))
        window.close()
        from shiboken6 import Shiboken

        Shiboken.delete(window)
        ctx.close()
    print(f"wrote {args.out / 'plan.png'} and {args.out / 'log.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
