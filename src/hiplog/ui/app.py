"""Start the desktop application, in this order: where the files are, the log file, the Qt
application and its identity, the error hook, one window per database, the database (asking
what to do when it cannot be used), the language of the settings, then the main window at the
requested view. Until the database is open the window speaks the system's language."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from hiplog.domain.errors import HiplogError
from hiplog.domain.translation import follow_setting
from hiplog.services.context import AppContext
from hiplog.services.error_log import configure_file_log
from hiplog.services.locations import resolve_locations
from hiplog.ui.common.translation import _
from hiplog.ui.main_window import MainWindow
from hiplog.ui.qt_translations import install_qt_translations

ORGANIZATION = "hiplog"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with hiplog's names, desktop file id, icon and theme."""
    from hiplog.ui.app_identity import apply_identity
    from hiplog.ui.theme import apply_theme, load_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    apply_identity(app)
    apply_theme(load_theme())
    install_qt_translations(app)
    return app


def use_language_setting(app: QApplication, ctx: AppContext) -> None:
    """Speak the language the settings of `ctx` choose ('system' follows the system), Qt's
    standard dialogs included."""
    follow_setting(ctx.settings().language)
    install_qt_translations(app)


def open_window(
    ctx: AppContext, args: argparse.Namespace, settings: QSettings | None = None
) -> MainWindow:
    """The main window on `ctx`, at --view (else the last view used) and --exercise."""
    window = MainWindow(ctx, settings)
    view = getattr(args, "view", None)
    exercise = getattr(args, "exercise", None)
    if view:
        window.open_view(view, exercise)
    elif exercise:
        window.open_view(window.current_view_name(), exercise)
    return window


def _destroy(window: MainWindow) -> None:
    """Delete the window's C++ side now, while Python and Qt are both still whole: leaving it to
    interpreter shutdown crashes in the chart widgets' teardown."""
    from shiboken6 import Shiboken

    window.close()
    Shiboken.delete(window)


def run_app(args: argparse.Namespace) -> int:
    """Open the desktop window; returns the exit status."""
    from hiplog.ui.database_problem_dialog import open_context_or_ask
    from hiplog.ui.error_dialog import ExceptionHook
    from hiplog.ui.single_instance import SingleInstance

    if getattr(args, "db", None) and getattr(args, "db_url", None):
        sys.stderr.write("hiplog: give --db or --db-url, not both (see hiplog --help)\n")
        return 2
    locations = resolve_locations(getattr(args, "db", None), db_url=getattr(args, "db_url", None))
    configure_file_log(locations)
    app = application()
    window: MainWindow | None = None
    hook = ExceptionHook(locations, lambda: window)
    hook.install()
    try:
        guard = SingleInstance(app)
        if not guard.claim(locations.database):
            # The window already open on this database was asked to come forward.
            already = _("hiplog is already open on {path}; showing it.")
            sys.stderr.write(already.format(path=locations.database) + "\n")
            return 0
        ctx = open_context_or_ask(locations)
        if ctx is None:
            return 1
        try:
            athlete = getattr(args, "athlete", None)
            if athlete is not None:
                try:
                    ctx.use_athlete(athlete)
                except HiplogError as exc:  # an unknown name: the known ones, exit 2
                    sys.stderr.write(f"hiplog: {exc}\n")
                    return 2
            use_language_setting(app, ctx)
            window = open_window(ctx, args)
            guard.activation_requested.connect(window.bring_to_front)
            window.show()
            status = app.exec()
        finally:
            guard.release()
            if window is not None:
                _destroy(window)
                window = None
            ctx.close()
        return int(status)
    finally:
        hook.uninstall()
