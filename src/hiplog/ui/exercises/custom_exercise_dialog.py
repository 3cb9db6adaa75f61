"""Create or edit a custom exercise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Length, LoadKind, Role, StepKind
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.common.translation import _
from hiplog.ui.common.vocabulary import capitalized, length_text
from hiplog.ui.exercises.exercise_details import LENGTH_WORDS, STEP_WORDS

#: Saves the exercise; returns None on success or the message to show.
SaveExercise = Callable[[Exercise], str | None]


class CustomExerciseDialog(QDialog):
    def __init__(
        self, existing: Exercise | None, on_save: SaveExercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._existing = existing
        self._on_save = on_save
        self.setWindowTitle(_("Edit exercise") if existing else _("New exercise"))
        self._build_fields()
        form = self._build_form()
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        tab_buttons_in_reading_order(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if existing is not None:
            self._fill(existing)

    def _build_fields(self) -> None:
        """One field per part of the exercise, with its choices."""
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("For example: Cable kickback (kneeling)"))
        self.role_combo = QComboBox()
        self.role_combo.addItem(_("Hip work: in the Plan, the charts and the weekly counts"), "hip")
        self.role_combo.addItem(_("Other training: kept, left out of every hip figure"), "other")
        self.load_combo = QComboBox()
        for kind, label in (
            (LoadKind.BODYWEIGHT, _("Bodyweight")),
            (LoadKind.EXTERNAL, _("Loaded (barbell, dumbbells, machine, bell)")),
            (LoadKind.ACTIVATION, _("Warm-up drill")),
        ):
            self.load_combo.addItem(label, kind.value)
        self.loadable_check = QCheckBox(_("Can take added load (a plate, dumbbell or band)"))
        self.step_combo = QComboBox()
        self.step_combo.addItem(_("No added load"), None)
        for step in StepKind:
            self.step_combo.addItem(capitalized(_(STEP_WORDS[step])), step.value)
        self.step_combo.setToolTip(_("Decides the next load hiplog suggests when you add weight"))
        self.length_combo = QComboBox()
        for length in Length:
            self.length_combo.addItem(capitalized(length_text(length)), length.value)
            self.length_combo.setItemData(
                self.length_combo.count() - 1,
                _(LENGTH_WORDS[length]),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.length_combo.setToolTip(_("Where along the movement it is hardest for the hips"))
        self.muscles_edit = QLineEdit()
        self.muscles_edit.setPlaceholderText(_("glute max, hamstrings (main muscle first)"))
        self.unilateral_check = QCheckBox(_("One side at a time"))
        self.sets_spin = QSpinBox()
        self.sets_spin.setRange(1, 10)
        self.sets_spin.setValue(3)
        self.low_spin, self.high_spin = QSpinBox(), QSpinBox()
        for spin, value in ((self.low_spin, 8), (self.high_spin, 12)):
            spin.setRange(1, 100)
            spin.setValue(value)

    def _build_form(self) -> QFormLayout:
        reps = QHBoxLayout()
        self.low_spin.setAccessibleName(_("Fewest reps"))
        self.high_spin.setAccessibleName(_("Most reps"))
        reps.addWidget(self.low_spin)
        to = QLabel(_("to"))
        to.setBuddy(self.high_spin)
        reps.addWidget(to)
        reps.addWidget(self.high_spin)
        reps.addStretch(1)

        form = QFormLayout()
        form.addRow(_("Name"), self.name_edit)
        form.addRow(_("Counts as"), self.role_combo)
        form.addRow(_("Load"), self.load_combo)
        form.addRow("", self.loadable_check)
        form.addRow(_("Load steps"), self.step_combo)
        form.addRow(_("Length"), self.length_combo)
        form.addRow(_("Muscles"), self.muscles_edit)
        form.addRow("", self.unilateral_check)
        form.addRow(_("Sets"), self.sets_spin)
        rep_range = QLabel(_("Rep range"))
        rep_range.setBuddy(self.low_spin)
        form.addRow(rep_range, reps)
        return form

    def _fill(self, ex: Exercise) -> None:
        self.name_edit.setText(ex.name)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(ex.role.value), 0))
        self.load_combo.setCurrentIndex(max(self.load_combo.findData(ex.load_kind.value), 0))
        self.loadable_check.setChecked(ex.loadable)
        step = ex.step_kind.value if ex.step_kind else None
        self.step_combo.setCurrentIndex(max(self.step_combo.findData(step), 0))
        self.length_combo.setCurrentIndex(max(self.length_combo.findData(ex.length.value), 0))
        self.muscles_edit.setText(", ".join(ex.muscles))
        self.unilateral_check.setChecked(ex.unilateral)
        self.sets_spin.setValue(ex.sets)
        self.low_spin.setValue(ex.rep_range[0])
        self.high_spin.setValue(ex.rep_range[1])

    def exercise(self) -> Exercise:
        """The exercise as entered; raises InputError naming the field that is wrong."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            raise InputError(_("give the exercise a name"), _("Name"))
        low, high = self.low_spin.value(), self.high_spin.value()
        if low > high:
            raise InputError(
                _("the low end ({low}) is above the high end ({high})").format(low=low, high=high),
                _("Rep range"),
            )
        muscles = tuple(m.strip().lower() for m in self.muscles_edit.text().split(",") if m.strip())
        step = self.step_combo.currentData()
        load_kind = LoadKind(self.load_combo.currentData())
        loadable = self.loadable_check.isChecked() and load_kind is LoadKind.BODYWEIGHT
        if load_kind is LoadKind.EXTERNAL and step is None:
            raise InputError(
                _("a loaded exercise needs the kind of load steps it uses"), _("Load steps")
            )
        base = self._existing or Exercise(
            slug="",
            name=name,
            load_kind=load_kind,
            length=Length.SHORT,
            muscles=(),
            sets=3,
            rep_range=(low, high),
            custom=True,
        )
        return replace(
            base,
            name=name,
            load_kind=load_kind,
            length=Length(self.length_combo.currentData()),
            muscles=muscles,
            sets=self.sets_spin.value(),
            rep_range=(low, high),
            loadable=loadable,
            step_kind=StepKind(step) if step else None,
            unilateral=self.unilateral_check.isChecked(),
            role=Role(self.role_combo.currentData()),
        )

    def accept(self) -> None:
        try:
            exercise = self.exercise()
        except InputError as exc:
            self.message.setText(str(exc))
            return
        problem = self._on_save(exercise)
        if problem is not None:
            self.message.setText(problem)
            return
        super().accept()
