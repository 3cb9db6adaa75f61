"""The left of the Log: the exercises of this session, with their set counts and PR marks.

Picking one shows its sets (`picked`); Delete asks to take out the selected one
(`remove_requested`), which the Log allows only while it has no saved set.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from hiplog.domain.models import Exercise
from hiplog.ui.common.roles import SLUG_ROLE
from hiplog.ui.common.widgets import delete_key_action


class SessionExerciseList(QListWidget):
    picked = Signal(str)  # slug of the exercise now selected
    remove_requested = Signal(str)  # slug of the exercise Delete was pressed on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            "The exercises of this session; pick one to log its sets. "
            "Delete takes out one you have not started."
        )
        # long names wrap instead of hiding behind a sideways scroll bar in a narrow pane
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.currentItemChanged.connect(self._current_changed)
        self.remove_action = delete_key_action(self, "Take out of this session")
        self.remove_action.triggered.connect(self._remove_current)

    def slugs(self) -> list[str]:
        return [str(self.item(i).data(SLUG_ROLE)) for i in range(self.count())]

    def current_slug(self) -> str | None:
        item = self.currentItem()
        return str(item.data(SLUG_ROLE)) if item is not None else None

    def _item(self, slug: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(SLUG_ROLE) == slug:
                return self.item(i)
        return None

    def add(self, exercise: Exercise) -> None:
        item = QListWidgetItem(exercise.name)
        item.setData(SLUG_ROLE, exercise.slug)
        item.setToolTip(
            f"{exercise.name}: target {exercise.sets} sets of "
            f"{exercise.rep_range[0]}-{exercise.rep_range[1]} reps"
        )
        self.addItem(item)

    def select(self, slug: str) -> None:
        item = self._item(slug)
        if item is not None:
            self.setCurrentItem(item)

    def show_counts(self, exercise: Exercise, done: int, records: int) -> None:
        """The exercise's name with its working sets so far and a PR mark."""
        item = self._item(exercise.slug)
        if item is None:
            return
        text = f"{exercise.name}  ({done} sets)" if done else exercise.name
        if records:
            text += "  PR"
        item.setText(text)

    def take(self, slug: str) -> None:
        item = self._item(slug)
        if item is not None:
            self.takeItem(self.row(item))

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.picked.emit(str(current.data(SLUG_ROLE)))

    def _remove_current(self) -> None:
        slug = self.current_slug()
        if slug is not None:
            self.remove_requested.emit(slug)
