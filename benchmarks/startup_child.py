"""One start of a window, in a process of its own; prints one JSON line and exits.

    python -m benchmarks.startup_child app  --db PATH [--view progress] [--settle-ms N]
    python -m benchmarks.startup_child app  --db-url URL [...]
    python -m benchmarks.startup_child bare [--settle-ms N]

`app` goes through hiplog's real entry point (`hiplog.__main__.main`, as the `hiplog` command
does); the only thing added is an event filter, attached when the main window is built, that
notes the window's first paint. `bare` is the floor: a QMainWindow holding one pyqtgraph plot,
painted the same way.

`painted_at` is time.monotonic() when the event loop is back in control after the first paint
of the window (the person sees it and can use it). The parent subtracts the moment it spawned
this process, so interpreter start and every import count. With --settle-ms, the event loop
then runs that much longer (charts that load after the first paint) before the peak resident
memory is read.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

WINDOW_SIZE = (1200, 780)  # the main window's size on a first start


class FirstPaint(QObject):
    """Notes the first paint of `window`, then quits the event loop once it has settled."""

    def __init__(self, window: QWidget, settle_ms: int) -> None:
        super().__init__()
        self.window = window
        self.settle_ms = settle_ms
        self.first_paint_event: float | None = None
        self.painted_at: float | None = None
        self.settled_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.first_paint_event is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.first_paint_event = time.monotonic()
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.painted_at = time.monotonic()
        QTimer.singleShot(self.settle_ms, self._settled)

    def _settled(self) -> None:
        self.settled_at = time.monotonic()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.quit()

    def report(self) -> dict[str, Any]:
        return {
            "first_paint_event": self.first_paint_event,
            "painted_at": self.painted_at,
            "settled_at": self.settled_at,
        }


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def run_app(db: str, view: str | None, settle_ms: int, db_url: str | None = None) -> dict[str, Any]:
    import hiplog.ui.app as app_module
    from hiplog.__main__ import main

    original = app_module.open_window
    watcher: list[FirstPaint] = []

    def open_window(*args: Any, **kwargs: Any) -> Any:
        window = original(*args, **kwargs)
        spy = FirstPaint(window, settle_ms)
        instance = QApplication.instance()
        assert instance is not None
        instance.installEventFilter(spy)
        watcher.append(spy)
        return window

    app_module.open_window = open_window
    argv = (["--db-url", db_url] if db_url else ["--db", db]) + (["--view", view] if view else [])
    status = main(argv)
    if status != 0 or not watcher:
        raise SystemExit(f"hiplog exited with {status} before its window was painted")
    return watcher[0].report()


def run_bare(settle_ms: int) -> dict[str, Any]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    plot = pg.PlotWidget()
    plot.plot(list(range(100)), [(i * 7) % 13 for i in range(100)])
    window.setCentralWidget(plot)
    window.resize(*WINDOW_SIZE)
    spy = FirstPaint(window, settle_ms)
    app.installEventFilter(spy)
    window.show()
    app.exec()
    window.close()
    return spy.report()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("app", "bare"))
    parser.add_argument("--db")
    parser.add_argument("--db-url")
    parser.add_argument("--view")
    parser.add_argument("--settle-ms", type=int, default=0)
    args = parser.parse_args()
    if args.mode == "app":
        report = run_app(args.db, args.view, args.settle_ms, args.db_url)
    else:
        report = run_bare(args.settle_ms)
    report["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
