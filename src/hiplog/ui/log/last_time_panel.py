"""The Log's "Last time" pane: the sets of the previous session of the exercise being logged,
under the person's note on the exercise (bench height, foot stance...) when there is one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiplog.domain.models import Session
from hiplog.domain.units import Unit
from hiplog.domain.wording import date_text, set_text
from hiplog.ui.common.translation import _


class LastTimePanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Last time"), parent)
        layout = QVBoxLayout(self)
        self.note_label = QLabel(self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.label)

    def show_session(self, last: Session | None, unit: Unit) -> None:
        """The sets of `last` (the exercise's sets only); None: nothing was logged before."""
        if last is None:
            self.label.setText(_("Nothing logged before. Start light and count clean reps."))
            return
        lines = [f"<b>{date_text(last.started_at)}</b>"]
        lines.extend(set_text(entry, unit) for entry in last.sets)
        self.label.setText("<br>".join(lines))

    def show_note(self, note: str) -> None:
        """The person's note on the exercise above its last session; hidden when empty."""
        self.note_label.setText(_("Your note: {note}").format(note=note))
        self.note_label.setToolTip(_("Edit it in the Exercises view"))
        self.note_label.setVisible(bool(note))
