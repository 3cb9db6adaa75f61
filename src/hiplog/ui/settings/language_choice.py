"""The Settings dialog's Language box: System, or one of the languages hiplog speaks.

Each language is named in itself (a person who cannot read the current one still finds theirs).
The choice is a setting (domain.setting_fields "language"); hiplog reads it when it starts, so a
new choice takes effect after a restart, which the note under the box says.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from hiplog.domain.setting_fields import LANGUAGE_CHOICES, LANGUAGE_NAMES
from hiplog.ui.common.translation import _


class LanguageChoice(QWidget):
    """A combo box of the languages and a note that shows once the choice differs from the
    language hiplog started with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        for code in LANGUAGE_CHOICES:  # "system" follows the computer's locale
            self.combo.addItem(_("System") if code == "system" else LANGUAGE_NAMES[code], code)
        self.combo.setToolTip(
            _(
                "The language of the window, the messages and the suggestions; "
                "System follows your computer's language"
            )
        )
        self.combo.setAccessibleName(_("Language"))
        self.setFocusProxy(self.combo)  # the form's "Language" label is the box's buddy
        self.note = QLabel(_("hiplog speaks the chosen language after a restart."), self)
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.note)
        self._started_with = "system"
        self.combo.currentIndexChanged.connect(self._changed)

    def set_value(self, value: str, started_with: bool = False) -> None:
        """Show `value`; `started_with`: it is the stored setting hiplog started with."""
        if started_with:
            self._started_with = value
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
        self._changed()

    def value(self) -> str:
        return str(self.combo.currentData())

    def _changed(self) -> None:
        self.note.setVisible(self.value() != self._started_with)
