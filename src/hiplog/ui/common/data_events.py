"""One place that tells every view when data changed, so views refresh by signal, not polling."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """Emitted by whoever changed the data (undo commands, dialogs); views connect to it."""

    sessions_changed = Signal()  # sets or sessions were added, edited or removed
    catalog_changed = Signal()  # custom exercises were created, edited or mapped onto another
    settings_changed = Signal()  # settings (unit, rep ranges, ...) changed
    programs_changed = Signal()  # a program was edited, or another one is followed
    body_changed = Signal()  # a body measurement (bodyweight, hip, thigh) was added, changed...
    exercise_requested = Signal(str)  # a view asks to show this exercise slug elsewhere
    body_dialog_requested = Signal()  # a view asks for the Body measurements dialog
