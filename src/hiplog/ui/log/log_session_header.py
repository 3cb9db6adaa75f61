"""The top of the Log: when the session started, the bodyweight that day, how many sets are
saved, and the button that starts a new session."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QSignalBlocker, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.units import Unit
from hiplog.domain.validation import parse_load, validate_bodyweight
from hiplog.domain.wording import DATE_TIME_QT_FORMAT
from hiplog.ui.common.number_text import bodyweight_text
from hiplog.ui.common.translation import _, ngettext


class SessionHeader(QWidget):
    """Shows a session's details and says when the person has edited them."""

    edited = Signal()  # the date and time or the bodyweight were changed by hand
    new_session_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(DATE_TIME_QT_FORMAT)
        self.when_edit.setToolTip(_("When this session started; sets you log join this session"))
        self.when_edit.editingFinished.connect(self.edited)
        # A day picked in the pop-up calendar applies at once, not when the field loses focus.
        popup = self.when_edit.calendarWidget()
        popup.clicked.connect(lambda _day: QTimer.singleShot(0, self.edited.emit))
        popup.activated.connect(lambda _day: QTimer.singleShot(0, self.edited.emit))
        form.addRow(_("Session started"), self.when_edit)
        self.bodyweight_edit = QLineEdit(self)
        self.bodyweight_edit.setMaximumWidth(120)
        self.bodyweight_edit.setToolTip(
            _(
                "Your bodyweight today (optional). It makes bodyweight work count in volume "
                "and e1RM."
            )
        )
        self.bodyweight_edit.editingFinished.connect(self.edited)
        form.addRow(_("Bodyweight"), self.bodyweight_edit)
        top.addLayout(form)
        top.addStretch(1)
        side = QVBoxLayout()
        self.session_status = QLabel(self)
        self.session_status.setAlignment(Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.session_status)
        self.new_session_button = QPushButton(_("New session"), self)
        self.new_session_button.setToolTip(_("Finish this session and start an empty one now"))
        self.new_session_button.clicked.connect(self.new_session_requested)
        side.addWidget(self.new_session_button, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(side)

    def show_details(self, started_at: datetime, bodyweight_kg: float | None, unit: Unit) -> None:
        """Show these details (without announcing them as edited)."""
        with QSignalBlocker(self.when_edit):
            self.when_edit.setDateTime(
                QDateTime(
                    QDate(started_at.year, started_at.month, started_at.day),
                    QTime(started_at.hour, started_at.minute),
                )
            )
        hint = _("optional, {unit}").format(unit=unit.value)
        self.bodyweight_edit.setPlaceholderText(hint)
        # as wide as the hint in the window's language, at least the 120 px of a bodyweight
        need = self.bodyweight_edit.fontMetrics().horizontalAdvance(hint) + 20
        self.bodyweight_edit.setMaximumWidth(max(120, need))
        self.bodyweight_edit.setMinimumWidth(need)
        self.bodyweight_edit.setText(bodyweight_text(bodyweight_kg or None, unit))

    def typed_details(self, unit: Unit) -> tuple[datetime, float | None]:
        """The start (to the minute) and bodyweight in kg as typed; raises InputError."""
        started = self.when_edit.dateTime().toPython()
        assert isinstance(started, datetime)
        weight = parse_load(self.bodyweight_edit.text(), unit, _("bodyweight"))
        validate_bodyweight(weight)
        return started.replace(second=0, microsecond=0), weight

    def show_saved_count(self, saved_sets: int | None) -> None:
        """How many sets of the session are saved; None before the session has a row."""
        if saved_sets is None:
            self.session_status.setText(_("Nothing saved yet"))
        else:
            self.session_status.setText(
                ngettext("Saved: {count} set", "Saved: {count} sets", saved_sets).format(
                    count=saved_sets
                )
            )
