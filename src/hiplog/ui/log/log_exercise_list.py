"""The left of the Log: the exercises of this session, with their set counts and PR marks.

Picking one shows its sets (`picked`); Delete, the context menu or the button under the list ask
to take out the selected one (`remove_requested`): the Log deletes its sets with it, undoably.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from hiplog.domain.models import Exercise
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.roles import SLUG_ROLE
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.widgets import delete_key_action


class SessionExerciseList(QListWidget):
    picked = Signal(str)  # slug of the exercise now selected
    remove_requested = Signal(str)  # slug of the exercise Delete was pressed on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(
            _(
                "The exercises of this session; pick one to log its sets. "
                "Delete (or the right-click menu) takes out the selected one, with its sets; "
                "Ctrl+Z puts it back."
            )
        )
        self.setAccessibleName(_("Exercises of this session"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # long names wrap instead of hiding behind a sideways scroll bar in a narrow pane
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.currentItemChanged.connect(self._current_changed)
        self.remove_action = delete_key_action(self, _("Take out of this session"))
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

    def add(self, exercise: Exercise, position: int | None = None) -> None:
        item = QListWidgetItem(exercise_name(exercise.name))
        item.setData(SLUG_ROLE, exercise.slug)
        item.setToolTip(
            ngettext(
                "{name}: target {count} set of {low}-{high} reps",
                "{name}: target {count} sets of {low}-{high} reps",
                exercise.sets,
            ).format(
                name=exercise_name(exercise.name),
                count=exercise.sets,
                low=exercise.rep_range[0],
                high=exercise.rep_range[1],
            )
        )
        self.insertItem(self.count() if position is None else position, item)

    def select(self, slug: str) -> None:
        item = self._item(slug)
        if item is not None:
            self.setCurrentItem(item)

    def show_counts(self, exercise: Exercise, done: int, records: int) -> None:
        """The exercise's name with its working sets so far and a PR mark."""
        item = self._item(exercise.slug)
        if item is None:
            return
        text = exercise_name(exercise.name)
        if done:
            sets = ngettext("{count} set", "{count} sets", done).format(count=done)
            text = f"{exercise_name(exercise.name)}  ({sets})"
        if records:
            text += "  " + _("PR")
        item.setText(text)

    def take(self, slug: str) -> int:
        """Remove the exercise's line; returns where it was (-1 if it was not listed)."""
        item = self._item(slug)
        if item is None:
            return -1
        row = self.row(item)
        self.takeItem(row)
        return row

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.picked.emit(str(current.data(SLUG_ROLE)))

    def _remove_current(self) -> None:
        slug = self.current_slug()
        if slug is not None:
            self.remove_requested.emit(slug)
