"""The main window: a navigation list over the five views, the menus, and nothing else.

It only wires things together: the views share one DataEvents and one QUndoStack; the Plan's
"Start this session" fills the Log; a view's request to show an exercise opens Progress.
Window geometry and the last view are kept in QSettings.

Over 400 lines because every menu item is declared here, a few lines each, with its shortcut
and tip; the dialogs they open are modules of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hiplog import __version__
from hiplog.domain.errors import HiplogError
from hiplog.domain.plan import Plan
from hiplog.services.context import AppContext
from hiplog.ui.app_identity import ui_settings
from hiplog.ui.athletes.athlete_actions import add_athlete_actions
from hiplog.ui.athletes.athlete_switcher import AthleteSwitcher
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.server_changes import watch_server_changes
from hiplog.ui.common.translation import N_, _, ngettext
from hiplog.ui.common.undo_support import undo_notices
from hiplog.ui.files.backup_actions import add_backup_actions
from hiplog.ui.repair.repair_banner import repair_banner
from hiplog.views import VIEW_NAMES

if TYPE_CHECKING:
    from hiplog.ui.exercises.exercises_view import ExercisesView
    from hiplog.ui.files.import_dialog import ImportDialog
    from hiplog.ui.history.history_view import HistoryView
    from hiplog.ui.log.log_view import LogView
    from hiplog.ui.plan.plan_view import PlanView
    from hiplog.ui.programs.program_editor import ProgramEditor
    from hiplog.ui.progress.progress_view import ProgressView

MIN_WIDTH, MIN_HEIGHT = 700, 500
VIEW_TITLES = {  # translated where shown
    "log": N_("Log"),
    "plan": N_("Plan"),
    "progress": N_("Progress"),
    "history": N_("History"),
    "exercises": N_("Exercises"),
}
VIEW_TIPS = {
    "log": N_("Record today's session, set by set"),
    "plan": N_("What to do next session, and why"),
    "progress": N_("Charts of volume and strength per exercise"),
    "history": N_("Every session you logged"),
    "exercises": N_("The exercise catalog and your own exercises"),
}
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
VIEW_KEY = "window/view"
ATHLETE_KEY = "window/athlete"
REFUSAL_MS = 10_000  # how long a refused undo or redo stays in the status bar
BACK_MS = 10_000  # how long "the connection to the server is back" stays there

EXPORT_CSV_FILTER = N_("hiplog CSV, one row per set (*.csv)")
EXPORT_JSON_FILTER = N_("Full backup as JSON (*.json)")
EXPORT_ALL_FILTER = N_("Full backup of every athlete as JSON (*.json)")


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui_settings = settings if settings is not None else ui_settings()
        self._show_last_athlete()
        self.events = DataEvents(self)
        self.undo_stack = QUndoStack(self)
        # On a server database, other computers' commits show within about a second.
        self.server_changes = watch_server_changes(ctx, self.events, self)
        if self.server_changes is not None:
            self.server_changes.lost.connect(lambda text: self.statusBar().showMessage(text))
            self.server_changes.back.connect(
                lambda text: self.statusBar().showMessage(text, BACK_MS)
            )

        # Each view is built the first time it is shown or asked for; until then a plain widget
        # holds its place in the stack. A start pays only for the view it opens on (the
        # Progress view alone brings in pyqtgraph and numpy: about 0.4 s and 45 MB).
        self.views: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        widgets: list[QWidget] = [QWidget() for _ in VIEW_NAMES]

        central = QWidget(self)
        # Small enough for a 1366x768 laptop at 100 % or a 1920x1080 screen at 150 %; below what
        # a view needs, its charts and lists scroll instead of being cut off.
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.nav = QListWidget(central)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setAccessibleName(_("Views"))
        self.stack = QStackedWidget(central)
        for name, widget in zip(VIEW_NAMES, widgets, strict=True):
            self.views[name] = widget
            item = QListWidgetItem(_(VIEW_TITLES[name]))
            item.setToolTip(_(VIEW_TIPS[name]))
            self.nav.addItem(item)
            self.stack.addWidget(widget)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        # Wide enough for the longest view name in the window's language (German runs longer).
        widest = max(
            self.nav.fontMetrics().horizontalAdvance(self.nav.item(row).text())
            for row in range(self.nav.count())
        )
        self.nav.setFixedWidth(max(130, widest + 2 * self.nav.frameWidth() + 16))
        self.nav.currentRowChanged.connect(self._show_row)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(column)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(self._with_repair_banner(central))

        self._build_menus()
        # Over the view list, once the database holds more than one athlete.
        self.athlete_switcher = AthleteSwitcher(self.athlete_actions, central)
        self.athlete_switcher.setFixedWidth(self.nav.width())
        column.addWidget(self.athlete_switcher.label)
        column.addWidget(self.athlete_switcher)
        column.addWidget(self.nav, 1)
        self.events.athlete_changed.connect(self._athlete_switched)
        self.events.athletes_listed.connect(self._update_title)
        self._update_title()
        self.events.exercise_requested.connect(lambda slug: self.open_view("progress", slug))
        self.events.body_dialog_requested.connect(self.open_body_measurements)
        # An undo or redo can be refused on any view (Ctrl+Z works everywhere): say why.
        undo_notices(self.undo_stack).refused.connect(self.show_refusal)
        # There from the start, so the menus' tips show while the pointer is on an item.
        self.statusBar()
        self.restore_window()
        if self.current_view_name() == "log":  # open ready to type the first exercise
            self.log_view.focus_exercise_box()

    def _with_repair_banner(self, central: QWidget) -> QWidget:
        """`central` under a banner listing damaged rows, when the database holds any."""
        self.repair_banner = repair_banner(self.ctx, self)
        if self.repair_banner is None:
            return central
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.repair_banner)
        column.addWidget(central, 1)
        self.repair_banner.rows_dropped.connect(self.events.sessions_changed.emit)
        self.repair_banner.rows_dropped.connect(self.events.body_changed.emit)
        return page

    # --- menus -----------------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        self._build_file_menu()
        self._build_edit_menu()
        self._build_view_menu()
        self._build_help_menu()

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.import_action = self._action(
            file_menu,
            _("&Import..."),
            self.import_file,
            "Ctrl+I",
            _("Bring in a hiplog, Strong, Hevy or FitNotes file"),
        )
        self.export_action = self._action(
            file_menu,
            _("&Export..."),
            self.export_file,
            "Ctrl+E",
            _("Write every set to a CSV file, or everything to a JSON backup"),
        )
        file_menu.addSeparator()
        self.athlete_actions = add_athlete_actions(file_menu, self.ctx, self.events, self)
        file_menu.addSeparator()
        add_backup_actions(file_menu, self.ctx, self.events, self)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _build_edit_menu(self) -> None:
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        edit_menu.addAction(self.undo_action)
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        settings_action = self._action(
            edit_menu,
            _("&Settings..."),
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            _("Unit, bodyweight, equipment and progression numbers"),
        )
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._action(
            edit_menu,
            _("&Body measurements..."),
            self.open_body_measurements,
            None,
            _("Bodyweight, hip and thigh circumference by date"),
        )

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu(_("&View"))
        self.view_actions: dict[str, QAction] = {}
        for number, name in enumerate(VIEW_NAMES, start=1):
            self.view_actions[name] = self._action(
                view_menu,
                "&" + _(VIEW_TITLES[name]),
                partial(self.open_view, name),
                f"Ctrl+{number}",
                _(VIEW_TIPS[name]),
            )

        view_menu.addSeparator()
        self.log_exercise_action = self._action(
            view_menu,
            _("Log an e&xercise"),
            self.log_exercise,
            "Ctrl+L",
            _("The Log, with the cursor in its exercise box"),
        )

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(_("&Help"))
        self._action(
            help_menu,
            _("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
            _("Every key hiplog answers to"),
        )
        about = self._action(help_menu, _("&About hiplog"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    # --- views -----------------------------------------------------------------------------

    @property
    def log_view(self) -> LogView:
        return cast("LogView", self._view("log"))

    @property
    def plan_view(self) -> PlanView:
        return cast("PlanView", self._view("plan"))

    @property
    def progress_view(self) -> ProgressView:
        return cast("ProgressView", self._view("progress"))

    @property
    def history_view(self) -> HistoryView:
        return cast("HistoryView", self._view("history"))

    @property
    def exercises_view(self) -> ExercisesView:
        return cast("ExercisesView", self._view("exercises"))

    def _view(self, name: str) -> QWidget:
        """The view `name`, built on first use in place of its stand-in."""
        view = self._built.get(name)
        if view is None:
            view = self._make_view(name)
            stand_in = self.views[name]
            was_current = self.stack.currentWidget() is stand_in
            self.stack.insertWidget(VIEW_NAMES.index(name), view)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            if was_current:
                self.stack.setCurrentWidget(view)
            self.views[name] = view
            self._built[name] = view
        return view

    def _make_view(self, name: str) -> QWidget:
        """Build a view; its module is imported here, so a start pays only for the first view."""
        args = (self.ctx, self.events, self.undo_stack)
        if name == "log":
            from hiplog.ui.log.log_view import LogView

            return LogView(*args)
        if name == "plan":
            from hiplog.ui.plan.plan_view import PlanView

            plan = PlanView(*args)
            plan.start_requested.connect(self.start_session)
            plan.log_requested.connect(lambda: self.open_view("log"))
            plan.programs_requested.connect(self.open_programs)
            return plan
        if name == "progress":
            from hiplog.ui.progress.progress_view import ProgressView

            return ProgressView(*args)
        if name == "history":
            from hiplog.ui.history.history_view import HistoryView

            return HistoryView(*args)
        if name == "exercises":
            from hiplog.ui.exercises.exercises_view import ExercisesView

            return ExercisesView(*args)
        raise ValueError(f"unknown view {name!r}")

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(VIEW_NAMES):
            self._view(VIEW_NAMES[row])  # built before it is shown
        self.stack.setCurrentIndex(row)

    def current_view_name(self) -> str:
        return VIEW_NAMES[max(self.stack.currentIndex(), 0)]

    def open_view(self, name: str, exercise: str | None = None) -> None:
        """Show a view (log, plan, progress, history, exercises), on an exercise if given."""
        if name not in self.views:
            raise ValueError(f"unknown view {name!r}")
        self.nav.setCurrentRow(VIEW_NAMES.index(name))
        if exercise:
            show: Callable[[str], None] = getattr(self._view(name), "show_exercise")  # noqa: B009
            show(exercise)

    def log_exercise(self) -> None:
        """Ctrl+L from anywhere: the Log, the cursor in its exercise box."""
        self.open_view("log")
        self.log_view.focus_exercise_box()

    def show_shortcuts(self) -> QDialog:
        from hiplog.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def start_session(self, plan: Plan) -> None:
        """The Plan's "Start this session": the Log, filled with the plan."""
        self.open_view("log")
        self.log_view.start_session(plan)

    def open_programs(self) -> ProgramEditor:
        """The program editor (from the Plan's "Programs..."), over the window."""
        from hiplog.ui.programs.program_editor import ProgramEditor

        editor = ProgramEditor(self.ctx, self.events, self.undo_stack, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.show()
        return editor

    def show_refusal(self, text: str) -> None:
        """A refused undo or redo, in the status bar for long enough to read it."""
        self.statusBar().showMessage(text, REFUSAL_MS)

    # --- file actions ----------------------------------------------------------------------

    def import_file(self) -> ImportDialog:
        from hiplog.ui.files.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_file(self) -> None:
        path_text, chosen_filter = QFileDialog.getSaveFileName(
            self,
            _("Export"),
            str(Path.home() / "hiplog-export.csv"),
            ";;".join(_(name) for name in self._export_filters()),
        )
        if path_text:
            everyone = chosen_filter == _(EXPORT_ALL_FILTER)
            json_backup = everyone or chosen_filter == _(EXPORT_JSON_FILTER)
            self.export_to(Path(path_text), json_backup=json_backup, everyone=everyone)

    def _export_filters(self) -> list[str]:
        """The CSV and the JSON backup are the athlete's; with several athletes, a backup of
        every one of them too."""
        several = len(self.ctx.athlete_names()) > 1
        return [EXPORT_CSV_FILTER, EXPORT_JSON_FILTER] + ([EXPORT_ALL_FILTER] if several else [])

    def export_to(self, path: Path, json_backup: bool, everyone: bool = False) -> None:
        from hiplog.services import import_export

        suffix = ".json" if json_backup else ".csv"
        # The file dialog asked before replacing the name it was given, not one with a suffix
        # added here.
        replace = path.suffix.lower() == suffix
        if not replace:
            path = path.with_name(path.name + suffix)
            if path.exists() and not self._may_replace(path):
                return
            replace = True
        try:
            if json_backup:
                count = import_export.export_json(
                    self.ctx, path, replace=replace, everyone=everyone
                )
                if everyone:
                    wrote = ngettext(
                        "Wrote a full backup of every athlete with {count} set to {path}",
                        "Wrote a full backup of every athlete with {count} sets to {path}",
                        count,
                    )
                else:
                    wrote = ngettext(
                        "Wrote a full backup of {athlete} with {count} set to {path}",
                        "Wrote a full backup of {athlete} with {count} sets to {path}",
                        count,
                    )
                done = wrote.format(count=count, path=path, athlete=self.ctx.athlete)
            else:
                count = import_export.export_csv(self.ctx, path, replace=replace)
                done = ngettext(
                    "Wrote {count} set to {path}", "Wrote {count} sets to {path}", count
                ).format(count=count, path=path)
        except (OSError, HiplogError) as exc:
            QMessageBox.warning(
                self, _("Not exported"), _("Nothing was written: {error}").format(error=exc)
            )
            return
        self.statusBar().showMessage(done, 10_000)

    def _may_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, _("Replace the file?"), _("{path} already exists. Replace it?").format(path=path)
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_body_measurements(self) -> QDialog:
        """The Body measurements dialog (one at a time: asking again brings it forward)."""
        from hiplog.ui.body.body_dialog import BodyDialog

        for found in self.findChildren(BodyDialog):
            if found.isVisible():  # a closed one waits for deletion
                found.raise_()
                found.activateWindow()
                return found
        dialog = BodyDialog(self.ctx, self.events, self.undo_stack, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> None:
        from hiplog.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self.events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about_text(self) -> str:
        loc = self.ctx.locations
        about = _(
            "A training log for the glutes and hamstrings that plans your next session. "
            "It works offline and keeps your data on this computer."
        )
        return (
            f"<h3>hiplog {__version__}</h3><p>{about}</p>"
            "<p><b>{}</b> {}<br><b>{}</b> {}<br><b>{}</b> {}</p>".format(
                _("Database:"),
                loc.database,
                _("Backups:"),
                loc.backups,
                _("Log file:"),
                loc.log_file,
            )
        )

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            _("About hiplog"),
            self.about_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- athletes --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The switcher is drawn over the view list: Tab reaches it first. (Set once shown: Qt
        # 6.11 left the order as it was when this ran in __init__.)
        QWidget.setTabOrder(self.athlete_switcher, self.nav)

    def _show_last_athlete(self) -> None:
        """Open on the athlete shown when the window was last closed, if the database holds
        them (`hiplog --athlete NAME` chose one already: that one)."""
        if self.ctx.athlete_chosen:
            return
        name = str(self.ui_settings.value(ATHLETE_KEY, "") or "")
        try:
            if name and name in self.ctx.athlete_names():
                self.ctx.use_athlete(name)
        except (OSError, HiplogError):
            pass

    def _update_title(self) -> None:
        db = self.ctx.db
        where = db.where if db.server else self.ctx.locations.database.name
        title = f"hiplog - {where}"
        try:
            several = len(self.ctx.athlete_names()) > 1
            if several:
                title = f"hiplog - {self.ctx.athlete} - {where}"
        except (OSError, HiplogError):
            pass
        self.setWindowTitle(title)

    def _athlete_switched(self) -> None:
        """Another athlete is shown: the views read their data (by the same signal), undo
        forgets the last athlete's steps, and a program editor open on their programs closes."""
        from hiplog.ui.programs.program_editor import ProgramEditor

        self.undo_stack.clear()
        self.ui_settings.setValue(ATHLETE_KEY, self.ctx.athlete)
        for editor in self.findChildren(ProgramEditor):
            editor.close()
        self._update_title()
        self.statusBar().showMessage(
            _("Showing the training of {athlete}").format(athlete=self.ctx.athlete), 10_000
        )

    # --- window state ----------------------------------------------------------------------

    def restore_window(self) -> None:
        geometry = self.ui_settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        state = self.ui_settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        view = str(self.ui_settings.value(VIEW_KEY, "log"))
        self.open_view(view if view in VIEW_NAMES else "log")

    def save_window(self) -> None:
        self.ui_settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ui_settings.setValue(STATE_KEY, self.saveState())
        self.ui_settings.setValue(VIEW_KEY, self.current_view_name())
        self.ui_settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window()
        if self.server_changes is not None:
            self.server_changes.close()
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        """Another start on the same database asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.activateWindow()
