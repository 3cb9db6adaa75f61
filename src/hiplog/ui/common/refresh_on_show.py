"""A view that reads the data again only when someone can see it.

A change to the data (any DataEvents signal) marks the view stale; a visible view reloads at
once, a hidden one when it is next shown, so a view nobody looks at costs nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents


class LazyView(QWidget):
    """Base of the views that show the data; a subclass fills in `reload`."""

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
        self._dirty = True
        for signal in (
            events.sessions_changed,
            events.catalog_changed,
            events.settings_changed,
            events.programs_changed,
            events.body_changed,
        ):
            signal.connect(self._data_changed)

    def reload(self) -> None:
        """Read the data again and show it; clears the stale mark."""
        raise NotImplementedError

    def reload_if_stale(self) -> None:
        if self._dirty:
            self.reload()

    def _data_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_if_stale()
