"""File > Import...: pick a file, see what hiplog found in it, import it.

The preview reads the file without touching the database: the detected format, how many rows,
sessions and sets, and the file's exercises grouped as catalog exercises, the person's own hip
exercises, other training and names hiplog is not sure of (import_review_panel), where the
person can move or map any new one before importing.
Strong files that do not say kg or lb ask for the unit first. The import itself runs in one
transaction; the summary lines are the same as the command line's.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import HiplogError, InputError
from hiplog.domain.importers.strong import NO_UNIT_MESSAGE
from hiplog.domain.models import ImportedData
from hiplog.domain.units import Unit
from hiplog.domain.wording import date_text
from hiplog.services import import_export
from hiplog.services.context import AppContext
from hiplog.services.import_export import ImportSummary
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.common.translation import N_, _, ngettext
from hiplog.ui.files.import_review_panel import ImportReviewPanel

FORMAT_LABELS: dict[str, str] = {  # translated where shown
    "auto": N_("Detect from the file"),
    "hiplog": N_("hiplog CSV"),
    "hiplog-json": N_("hiplog full backup (JSON)"),
    "strong": N_("Strong export (CSV)"),
    "hevy": N_("Hevy export (CSV)"),
    "fitnotes": N_("FitNotes export (CSV)"),
    "fitnotes-backup": N_("FitNotes backup (.fitnotes)"),
}

FILE_FILTER = N_(
    "Training logs (*.csv *.json *.fitnotes *.db *.txt);;"
    "CSV files (*.csv);;hiplog backups (*.json);;FitNotes backups (*.fitnotes);;All files (*)"
)


def format_label(fmt: str) -> str:
    label = FORMAT_LABELS.get(fmt)
    return _(label) if label else fmt


def _counts(rows: int, sessions: int, sets: int) -> str:
    return ", ".join(
        (
            ngettext("{count} row", "{count} rows", rows).format(count=rows),
            ngettext("{count} session", "{count} sessions", sessions).format(count=sessions),
            ngettext("{count} set", "{count} sets", sets).format(count=sets),
        )
    )


def preview_html(fmt: str, data: ImportedData) -> str:
    """What the file holds, in words: counts, dates, rows that are not sets."""
    sets = sum(len(s.sets) for s in data.sessions)
    counts = _counts(data.rows_read, len(data.sessions), sets)
    lines = [f"<b>{escape(format_label(fmt))}</b>: {counts}."]
    if data.sessions:
        first = min(s.started_at for s in data.sessions)
        last = max(s.started_at for s in data.sessions)
        lines.append(
            _("From {first} to {last}.").format(first=date_text(first), last=date_text(last))
        )
    skipped = []
    if data.rest_rows:
        skipped.append(
            ngettext("{count} rest-timer row", "{count} rest-timer rows", data.rest_rows).format(
                count=data.rest_rows
            )
        )
    if data.note_rows:
        skipped.append(
            ngettext("{count} note row", "{count} note rows", data.note_rows).format(
                count=data.note_rows
            )
        )
    if data.impossible_bodyweights:
        skipped.append(
            ngettext(
                "{count} impossible bodyweight row",
                "{count} impossible bodyweight rows",
                data.impossible_bodyweights,
            ).format(count=data.impossible_bodyweights)
        )
    if skipped:
        lines.append(_("Not sets, left out: {rows}.").format(rows=_(" and ").join(skipped)))
    if data.flagged_lines:
        flagged = len(data.flagged_lines)
        lines.append(
            ngettext(
                "{count} row looks impossible (kept, but left out of charts and suggestions).",
                "{count} rows look impossible (kept, but left out of charts and suggestions).",
                flagged,
            ).format(count=flagged)
        )
    return "<p>" + "<br>".join(lines) + "</p>"


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._events = events
        self.summary: ImportSummary | None = None
        self.setWindowTitle(_("Import a training log"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Bring in sets from a hiplog CSV or backup, or from a Strong, Hevy or FitNotes "
                "export. Importing the same file twice adds nothing."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._build_form())

        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(_("The preview of the file appears here."))
        self.preview.setMaximumHeight(110)
        self.preview.setAccessibleName(_("Preview of the file"))
        layout.addWidget(self.preview)
        self.review = ImportReviewPanel(self)
        layout.addWidget(self.review, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)
        tab_buttons_in_reading_order(self.buttons)
        layout.addWidget(self.buttons)

    def _build_form(self) -> QFormLayout:
        """The file, its format and (when the file does not say) its unit."""
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(_("Choose the file to import"))
        self.path_edit.editingFinished.connect(self._preview)
        file_row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(_("Choose..."), self)
        self.browse_button.clicked.connect(self._browse)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(_("&File"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        self.format_combo = QComboBox(self)
        for key in import_export.FORMATS:
            self.format_combo.addItem(format_label(key), key)
        self.format_combo.setToolTip(
            _("hiplog recognises the format; change it only if it is wrong")
        )
        self.format_combo.currentIndexChanged.connect(self._preview)
        form.addRow(_("Format"), self.format_combo)
        self.unit_label = QLabel(_("Weights are in"), self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem(_("Choose kg or lb"), None)
        self.unit_combo.addItem("kg", Unit.KG.value)
        self.unit_combo.addItem("lb", Unit.LB.value)
        self.unit_combo.setToolTip(
            _(
                "This file does not say whether its weights are kg or lb; "
                "pick the unit your app used"
            )
        )
        self.unit_combo.currentIndexChanged.connect(self._preview)
        form.addRow(self.unit_label, self.unit_combo)
        self._show_unit(False)
        return form

    # --- steps -----------------------------------------------------------------------------

    def set_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self._preview()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import a training log"), "", _(FILE_FILTER)
        )
        if chosen:
            self.set_file(Path(chosen))

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _format(self) -> str:
        return str(self.format_combo.currentData())

    def _unit(self) -> Unit | None:
        value = self.unit_combo.currentData()
        return Unit(value) if value else None

    def _show_unit(self, visible: bool) -> None:
        self.unit_label.setVisible(visible)
        self.unit_combo.setVisible(visible)

    def _say(self, text: str) -> None:
        self.message.setText(f"⚠ {text}" if text else "")
        self.message.setVisible(bool(text))

    def _preview(self) -> None:
        """Read the file (nothing is written) and show what it holds. After an import the
        summary stays, whatever the file box does (it lost focus and wiped the summary)."""
        if self.summary is not None:
            return
        self.import_button.setEnabled(False)
        self.preview.clear()
        self._say("")
        path = self._path()
        if path is None:
            return
        catalog = self._ctx.catalog()
        try:
            fmt, data = import_export.read_import_file(path, catalog, self._format(), self._unit())
        except InputError as exc:
            if exc.message == NO_UNIT_MESSAGE:
                self._show_unit(True)
                self._say(
                    _(
                        "This Strong file does not say whether its weights are kg or lb: "
                        "choose the unit above."
                    )
                )
            else:
                self._say(str(exc))
            return
        except (OSError, HiplogError) as exc:
            self._say(str(exc))
            return
        if fmt != "strong" and self._unit() is None:
            self._show_unit(False)
        self.preview.setHtml(preview_html(fmt, data))
        self.review.set_data(data, catalog)
        self.import_button.setEnabled(bool(data.sessions))
        if not data.sessions:
            self._say(_("The file holds no sets to import."))

    def run_import(self) -> None:
        path = self._path()
        if path is None:
            return
        busy = QProgressDialog(
            _("Importing... if anything stops it, nothing of the file is added."), "", 0, 0, self
        )
        busy.setWindowTitle(_("Importing"))
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        QApplication.processEvents()
        try:
            summary = import_export.import_file(
                self._ctx,
                path,
                self._format(),
                self._unit(),
                roles=self.review.roles,
                mapped=self.review.mapped,
            )
        except (OSError, HiplogError) as exc:
            self._say(_("Nothing was imported: {error}").format(error=exc))
            return
        finally:
            busy.close()
            busy.deleteLater()
        self.summary = summary
        self._ctx.invalidate()
        self._events.sessions_changed.emit()
        self._events.catalog_changed.emit()
        self._events.settings_changed.emit()
        self.preview.setMaximumHeight(16777215)
        self.review.hide()
        self.preview.setHtml("<br>".join(escape(line) for line in summary.lines()))
        self.import_button.setEnabled(False)
        self.import_button.hide()
        self.close_button.setText(_("Close"))
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)
