"""What a person sees when hiplog hits an error it did not expect: a short message, the report
to copy into a bug report, and where the log file is. Never a bare traceback in the window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiplog.services.error_log import error_report, log_exception
from hiplog.services.locations import Locations
from hiplog.ui.common.translation import _


class ErrorDialog(QDialog):
    """A short explanation, a read-only copyable report and a Copy button."""

    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("hiplog ran into a problem"))
        layout = QVBoxLayout(self)
        where = (
            " " + _("The details were also written to {path}.").format(path=log_file)
            if log_file
            else ""
        )
        self.message = QLabel(
            _(
                "Something went wrong that hiplog did not expect. Sets that were already saved "
                "are safe; the last thing you did may not have finished."
            )
            + where
            + " "
            + _("If it happens again, copy the report below into a bug report."),
            self,
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(_("Error report"))
        self.report.setPlainText(report)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("Copy report"), self)
        self.copy_button.setToolTip(_("Copy the report to the clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_report(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.report.toPlainText())

    def add_report(self, report: str) -> None:
        """Another error while the dialog is open: add its report below the first."""
        self.report.appendPlainText("\n" + report)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ExceptionHook:
    """sys.excepthook for the desktop app: log the error, then show it in an ErrorDialog."""

    def __init__(
        self, locations: Locations, parent: Callable[[], QWidget | None] = lambda: None
    ) -> None:
        self.locations = locations
        self.parent = parent
        self.dialog: ErrorDialog | None = None
        self.previous: ExceptHook = sys.excepthook

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        try:
            log_file: Path | None = log_exception(self.locations, exc)
        except Exception:  # the log itself failed (read-only folder): still tell the person
            log_file = None
        report = error_report(exc)
        if QApplication.instance() is None:
            self.previous(kind, exc, tb)
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        self.dialog = ErrorDialog(report, log_file, self.parent())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.show()

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous
