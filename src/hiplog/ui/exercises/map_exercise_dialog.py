"""Confirm mapping a custom exercise onto another one: which one, and how many sets move."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.models import Exercise
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.common.translation import _, ngettext


class MapExerciseDialog(QDialog):
    def __init__(
        self,
        custom: Exercise,
        targets: Sequence[Exercise],
        set_count: int,
        suggested: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Map {name} onto another exercise").format(name=custom.name))
        self._custom, self._count = custom, set_count
        self.target_combo = QComboBox()
        for target in targets:
            label = (
                _("{name} (custom)").format(name=target.name)
                if target.custom
                else exercise_name(target.name)
            )
            self.target_combo.addItem(label, target.slug)
        if suggested is not None:
            self.target_combo.setCurrentIndex(max(self.target_combo.findData(suggested), 0))
        self.target_combo.setToolTip(_("The exercise these sets really were"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Same exercise as"), self.target_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = QPushButton(
            ngettext("Move {count} set", "Move {count} sets", set_count).format(count=set_count)
        )
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        tab_buttons_in_reading_order(buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Use this when “{name}” (for example from an import) is an exercise "
                "hiplog already knows."
            ).format(name=custom.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.target_combo.currentIndexChanged.connect(self._update_summary)
        self._update_summary()

    def target_slug(self) -> str:
        return str(self.target_combo.currentData())

    def _update_summary(self) -> None:
        target = self.target_combo.currentText()
        self.summary.setText(
            ngettext(
                "{count} logged set of “{name}” will move to {target}, and “{name}” "
                "is removed from the list. Edit > Undo moves them back.",
                "{count} logged sets of “{name}” will move to {target}, and “{name}” "
                "is removed from the list. Edit > Undo moves them back.",
                self._count,
            ).format(count=self._count, name=self._custom.name, target=target)
        )
