"""Session history view (being built: replaced by its owner in this session)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hiplog.services.context import AppContext
from hiplog.ui.data_events import DataEvents


class HistoryView(QWidget):
    """Session history."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._events = events
        self._undo_stack = undo_stack
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Session history"))

    def show_exercise(self, slug: str) -> None:
        """Focus this view on one exercise (used by --exercise and by other views)."""
