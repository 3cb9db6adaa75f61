"""The exercise picker of the Log view: an editable combo box over the catalog and the person's
own exercises. Type part of a name (or an alias) and press Enter: a name that fits one exercise
picks it; one that fits several opens the list of those (arrows and Enter choose), never
silently the first."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from hiplog.domain.models import Exercise
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.translation import _


def custom_name(name: str) -> str:
    return _("{name} (custom)").format(name=name)


def other_name(name: str) -> str:
    return _("{name} (other training)").format(name=name)


def _decorated(e: Exercise) -> tuple[str, ...]:
    """The names the list shows for `e` (in English too), for looking a typed name up."""
    names = {e.name, exercise_name(e.name)}
    return (*(custom_name(n) for n in names), *(other_name(n) for n in names))


class ExercisePicker(QComboBox):
    """An editable combo box over the catalog: type part of a name and press Enter."""

    picked = Signal(str)  # slug
    not_found = Signal(str)  # what was typed
    ambiguous = Signal(str, int)  # what was typed, how many exercises it fits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setToolTip(_("Type part of an exercise's name or alias, then press Enter"))
        self.setAccessibleName(_("Add an exercise"))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line = self.lineEdit()
        assert line is not None
        # On the line edit, not the combo box: the combo would also pick the row of the choice
        # in the list filtered again after the text is cleared (another exercise).
        line.setCompleter(completer)
        completer.activated.connect(self._pick_text)
        self._completer = completer
        line.setPlaceholderText(_("Add an exercise: type its name and press Enter"))
        line.returnPressed.connect(lambda: self._pick_text(line.text()))
        self.activated.connect(self._pick_index)
        self._exercises: list[Exercise] = []
        self._picking: str | None = None
        self._lookup: dict[str, str] = {}

    def set_exercises(self, exercises: list[Exercise]) -> None:
        """The hip exercises first, then (after a line) other training, marked as such."""
        hip = [e for e in exercises if not e.is_other]
        other = [e for e in exercises if e.is_other]
        exercises = hip + other
        if exercises == self._exercises:
            return  # the same catalog: keep what is typed
        self._exercises = exercises
        with QSignalBlocker(self):
            self.clear()
            for e in hip:
                self.addItem(custom_name(e.name) if e.custom else exercise_name(e.name), e.slug)
            if hip and other:
                self.insertSeparator(self.count())
            for e in other:
                self.addItem(other_name(exercise_name(e.name)), e.slug)
            self.setCurrentIndex(-1)
        self._lookup = {}
        for e in exercises:
            for name in (e.name, exercise_name(e.name), e.slug, *_decorated(e), *e.aliases):
                self._lookup.setdefault(name.casefold(), e.slug)

    def _pick_index(self, index: int) -> None:
        slug = self.itemData(index)
        if isinstance(slug, str):
            self._done(slug)

    def _pick_text(self, text: str) -> None:
        key = text.strip().casefold()
        if not key:
            return
        slug = self._lookup.get(key)
        if slug is None:
            matches = [
                e.slug
                for e in self._exercises
                if key in e.name.casefold() or key in exercise_name(e.name).casefold()
            ]
            if len(matches) > 1:
                self.show_choices(text.strip())
                self.ambiguous.emit(text.strip(), len(matches))
                return
            slug = matches[0] if matches else None
        if slug is None:
            self.not_found.emit(text.strip())
            return
        self._done(slug)

    def show_choices(self, text: str) -> None:
        """Open the list of the exercises whose name contains `text`, the first one current."""
        completer = self._completer
        completer.setCompletionPrefix(text)
        completer.complete()
        popup = completer.popup()
        if popup is not None:
            popup.setCurrentIndex(completer.completionModel().index(0, 0))

    def choices_shown(self) -> list[str]:
        """The names in the open list of choices ([] when it is closed)."""
        popup = self._completer.popup()
        if popup is None or not popup.isVisible():
            return []
        model = self._completer.completionModel()
        return [str(model.index(i, 0).data()) for i in range(model.rowCount())]

    def _done(self, slug: str) -> None:
        """Pick `slug` once: Enter on a choice in the list reaches both the line edit and the
        list. The box is emptied after the key is handled: emptied at once, the list would be
        filtered again under the key and report another row as chosen."""
        if self._picking == slug:
            return
        self._picking = slug
        QTimer.singleShot(0, self._empty)
        self.picked.emit(slug)

    def _empty(self) -> None:
        self._picking = None
        self.setCurrentIndex(-1)
        self.setEditText("")
