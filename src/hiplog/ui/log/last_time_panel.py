"""The Log's "Last time" pane: the sets of the previous session of the exercise being logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiplog.domain.models import Session
from hiplog.domain.units import Unit
from hiplog.domain.wording import set_text


class LastTimePanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Last time", parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.label)

    def show_session(self, last: Session | None, unit: Unit) -> None:
        """The sets of `last` (the exercise's sets only); None: nothing was logged before."""
        if last is None:
            self.label.setText("Nothing logged before. Start light and count clean reps.")
            return
        lines = [f"<b>{last.started_at:%a %d %b %Y}</b>"]
        lines.extend(set_text(entry, unit) for entry in last.sets)
        self.label.setText("<br>".join(lines))
