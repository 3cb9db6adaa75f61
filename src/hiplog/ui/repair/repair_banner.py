"""A non-modal banner over the window, shown once at start when the database holds rows
damaged outside hiplog: it lists them and offers to drop them (after a backup) or keep them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import HiplogError
from hiplog.services import row_repair
from hiplog.services.context import AppContext
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.repair.bad_rows_model import BadRowsModel


class RepairBanner(QFrame):
    """Lists the damaged rows; "Drop these rows" deletes them after a pre-repair backup."""

    rows_dropped = Signal()  # the sets and sessions on disk changed

    def __init__(self, ctx: AppContext, rows: list[row_repair.BadRow], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Damaged rows"))
        self.message = QLabel(
            ngettext(
                "{count} value in the database cannot be read (changed by another tool). Those "
                "rows are left out of every view and export. Drop them (a backup is taken "
                "first), or keep them for now and fix them with a SQLite tool.",
                "{count} values in the database cannot be read (changed by another tool). Those "
                "rows are left out of every view and export. Drop them (a backup is taken "
                "first), or keep them for now and fix them with a SQLite tool.",
                len(rows),
            ).format(count=len(rows)),
            self,
        )
        self.message.setWordWrap(True)
        self.model = BadRowsModel(rows)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(140)
        self.drop_button = QPushButton(_("Drop these rows"), self)
        self.keep_button = QPushButton(_("Keep them for now"), self)
        self.drop_button.clicked.connect(self.drop_rows)
        self.keep_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.drop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def drop_rows(self) -> None:
        """Drop the rows after a backup and say where the backup went; a refusal is shown and
        nothing is dropped."""
        try:
            dropped, saved = row_repair.drop_bad_rows(self.ctx)
        except (HiplogError, OSError) as exc:
            self.message.setText(_("Could not drop the damaged rows: {reason}").format(reason=exc))
            return
        self.model.set_rows([])
        self.table.hide()
        self.drop_button.hide()
        self.keep_button.setText(_("Close"))
        self.message.setText(
            ngettext(
                "Dropped {count} damaged row; the database as it was before is saved as {file}.",
                "Dropped {count} damaged rows; the database as it was before is saved as {file}.",
                dropped,
            ).format(count=dropped, file=saved)
        )
        self.rows_dropped.emit()


def repair_banner(ctx: AppContext, parent: QWidget) -> RepairBanner | None:
    """The banner when the database holds damaged rows, else None (nothing to say)."""
    try:
        rows = row_repair.bad_rows(ctx)
    except (HiplogError, OSError):
        return None
    return RepairBanner(ctx, rows, parent) if rows else None
