"""Edit > Settings: unit, bodyweight, timing, equipment, per-exercise numbers, theme, data folder.

Progression settings go to the database through services.settings_store; the theme is a UI
preference kept in QSettings. Nothing is saved unless every field is valid.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import InputError
from hiplog.domain.plates import parse_stock, stock_text
from hiplog.domain.setting_fields import EQUIPMENT_LABELS, FIELDS
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit, from_kg, to_kg
from hiplog.domain.wording import trim_number
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.common.translation import N_, _
from hiplog.ui.settings.language_choice import LanguageChoice
from hiplog.ui.settings.overrides_table_model import EXERCISE, OverridesTableModel
from hiplog.ui.theme import THEME_LABELS, THEMES, apply_theme, load_theme, save_theme

EQUIPMENT = tuple(EQUIPMENT_LABELS)
#: The rows of the load-step grid, as shown (the domain's labels are English).
EQUIPMENT_NAMES = {
    "barbell": N_("Barbell"),
    "dumbbell": N_("Dumbbell (each)"),
    "stack": N_("Machine or cable stack"),
    "plate": N_("Held plate"),
}
#: The bar and plate rows of the Equipment tab: settings key stem -> row label.
PLATE_ROWS = {  # translated where shown
    "bar": N_("Bar"),
    "plates": N_("Plates (pairs)"),
    "bumpers": N_("Bumper plates (pairs)"),
}


def field_label(key: str) -> str | None:
    """The name of a setting's field in a message ('Recovery time'), in the window's language."""
    field = FIELDS.get(key)
    return field.title if field is not None else None


def _number(text: str, key: str, scale: float = 1.0) -> float:
    """A typed number inside the setting's declared range (domain.setting_fields.FIELDS)."""
    return FIELDS[key].check(text, FIELDS[key].title, scale)


class SettingsDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        ui_settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._events = ctx, events
        self._ui_settings = ui_settings
        self._settings = settings_store.load(ctx)
        self.setWindowTitle(_("Settings"))
        self.resize(760, 560)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), _("General"))
        self.tabs.addTab(self._equipment_tab(), _("Equipment"))
        self.tabs.addTab(self._exercises_tab(), _("Exercises"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        defaults = buttons.addButton(_("Restore defaults"), QDialogButtonBox.ButtonRole.ResetRole)
        defaults.setToolTip(_("Fill in hiplog's defaults (keeps your unit); Save to keep them"))
        defaults.clicked.connect(self.restore_defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        tab_buttons_in_reading_order(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill(self._settings)
        self.language.set_value(self._settings.language, started_with=True)

    # --- building --------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(_("Kilograms (kg)"), Unit.KG.value)
        self.unit_combo.addItem(_("Pounds (lb)"), Unit.LB.value)
        self.unit_combo.setToolTip(_("How loads are shown and typed; they are stored in kg"))
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self._shown_unit = Unit.KG
        self.bodyweight_edit = QLineEdit()
        self.bodyweight_edit.setPlaceholderText(_("not set: the last logged bodyweight is used"))
        self.bodyweight_edit.setToolTip(
            _("Counts toward the volume of exercises that move part of your body")
        )
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setToolTip(_("Rest between two sessions for the same muscles, in hours"))
        self.sessions_low, self.sessions_high = QSpinBox(), QSpinBox()
        for spin in (self.sessions_low, self.sessions_high):
            low, high = FIELDS["sessions_per_week"].low, FIELDS["sessions_per_week"].high
            spin.setRange(int(low or 0), int(high or 0))
            spin.setToolTip(_("How many hip sessions a week you aim for"))
        self.sessions_low.setAccessibleName(_("Fewest sessions per week"))
        self.sessions_high.setAccessibleName(_("Most sessions per week"))
        per_week = QHBoxLayout()
        per_week.addWidget(self.sessions_low)
        to = QLabel(_("to"))
        to.setBuddy(self.sessions_high)
        per_week.addWidget(to)
        per_week.addWidget(self.sessions_high)
        per_week.addStretch(1)
        self.theme_combo = QComboBox()
        for theme in THEMES:
            self.theme_combo.addItem(_(THEME_LABELS[theme]), theme)
        self.theme_combo.setCurrentIndex(THEMES.index(load_theme(self._ui_settings)))
        self.language = LanguageChoice()
        folder = self._ctx.locations.database.parent
        self.folder_label = QLabel(str(folder))
        self.folder_label.setToolTip(_("The database and its backups live here"))
        open_folder = QPushButton(_("Open"))
        open_folder.setToolTip(_("Show the folder in your file manager"))
        open_folder.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_folder)

        form = QFormLayout()
        form.addRow(_("Unit"), self.unit_combo)
        self._bodyweight_label = QLabel(_("Bodyweight"))
        self._bodyweight_label.setBuddy(self.bodyweight_edit)
        form.addRow(self._bodyweight_label, self.bodyweight_edit)
        form.addRow(_("Recovery time (hours)"), self.recovery_edit)
        per_week_label = QLabel(_("Sessions per &week"))
        per_week_label.setBuddy(self.sessions_low)
        form.addRow(per_week_label, per_week)
        form.addRow(_("Theme"), self.theme_combo)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Data folder"), folder_row)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def _equipment_tab(self) -> QWidget:
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>{}</b>".format(_("Load step"))), 0, 0)
        grid.addWidget(QLabel("<b>kg</b>"), 0, 1)
        grid.addWidget(QLabel("<b>lb</b>"), 0, 2)
        grid.setColumnStretch(3, 1)
        self.step_edits: dict[str, QLineEdit] = {}
        for row, kind in enumerate(EQUIPMENT, start=1):
            shown = EQUIPMENT_NAMES.get(kind)
            equipment = _(shown) if shown else EQUIPMENT_LABELS[kind]
            name = QLabel(equipment)
            grid.addWidget(name, row, 0)
            for column, unit in enumerate(("kg", "lb"), start=1):
                edit = QLineEdit()
                edit.setMaximumWidth(120)
                edit.setToolTip(
                    _("The smallest jump in load on this equipment, in {unit}").format(unit=unit)
                )
                edit.setAccessibleName(
                    _("Load step, {equipment}, {unit}").format(equipment=equipment, unit=unit)
                )
                if column == 1:
                    name.setBuddy(edit)
                self.step_edits[f"{kind}_step_{unit}"] = edit
                grid.addWidget(edit, row, column)
        self.kettlebells_edit = QLineEdit()
        self.kettlebells_edit.setPlaceholderText("8, 12, 16, 20, 24")
        self.kettlebells_edit.setToolTip(_("The bells you can use, in kg, lightest first"))
        self.bands_edit = QLineEdit()
        self.bands_edit.setPlaceholderText(_("light, medium, heavy"))
        self.bands_edit.setToolTip(_("Your bands by name, lightest first, separated by commas"))
        form = QFormLayout()
        form.addRow(_("Kettlebells (kg)"), self.kettlebells_edit)
        form.addRow(_("Bands"), self.bands_edit)
        note = QLabel(
            _(
                "hiplog rounds suggested loads to what this equipment allows. A dumbbell step is "
                "per dumbbell."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(self._plates_grid())
        plates_note = QLabel(
            _(
                "The Log and the Plan say which plates make each barbell load. Write a plate and "
                "how many pairs you have (20x4); a hip thrust starts with a bumper on each side."
            )
        )
        plates_note.setWordWrap(True)
        layout.addWidget(plates_note)
        layout.addStretch(1)
        tab = QWidget()
        tab.setLayout(layout)
        return tab

    def _plates_grid(self) -> QGridLayout:
        """The bar and the plates the Log and the Plan load a barbell from."""
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>{}</b>".format(_("Bar and plates"))), 0, 0)
        grid.addWidget(QLabel("<b>kg</b>"), 0, 1)
        grid.addWidget(QLabel("<b>lb</b>"), 0, 2)
        self.plate_edits: dict[str, QLineEdit] = {}
        tips = {
            "bar": _("What the empty bar weighs, in {unit}"),
            "plates": _("Plates in {unit} and how many pairs, e.g. 20x4, 10x2, 1.25x2"),
            "bumpers": _("Full-size plates in {unit} (pairs): a hip thrust starts with one"),
        }
        for row, (stem, label) in enumerate(PLATE_ROWS.items(), start=1):
            name = QLabel(_(label))
            grid.addWidget(name, row, 0)
            for column, unit in enumerate(("kg", "lb"), start=1):
                edit = QLineEdit()
                edit.setToolTip(tips[stem].format(unit=unit))
                edit.setAccessibleName(f"{_(label)}, {unit}")
                if column == 1:
                    name.setBuddy(edit)
                self.plate_edits[f"{stem}_{unit}"] = edit
                grid.addWidget(edit, row, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return grid

    def _plate_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, edit in self.plate_edits.items():
            if key.startswith("bar_"):
                out[key] = _number(edit.text(), key)
                continue
            try:
                out[key] = parse_stock(edit.text(), bumper=key.startswith("bumpers_"))
            except ValueError as exc:
                raise InputError(str(exc), field_label(key)) from None
        return out

    def _exercises_tab(self) -> QWidget:
        self.overrides_model = OverridesTableModel(self)
        self.overrides_model.refused.connect(self.message.setText)
        self.overrides_table = QTableView()
        self.overrides_table.setAccessibleName(_("Progression numbers per exercise"))
        self.overrides_table.setModel(self.overrides_model)
        self.overrides_table.verticalHeader().hide()
        self.overrides_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.overrides_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXERCISE, QHeaderView.ResizeMode.Stretch)
        hint = QLabel(
            _(
                "Grey values come from the catalog. Type your own to change them for one "
                "exercise; clear a cell to go back to the catalog value."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(hint)
        layout.addWidget(self.overrides_table, 1)
        tab = QWidget()
        tab.setLayout(layout)
        return tab

    # --- values ----------------------------------------------------------------------------

    def _fill(self, settings: ProgressionSettings) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(settings.unit.value))
        self.unit_combo.blockSignals(False)
        self._shown_unit = settings.unit
        self._bodyweight_label.setText(_("Bodyweight ({unit})").format(unit=settings.unit.value))
        bodyweight = settings.bodyweight_kg
        self.bodyweight_edit.setText(
            "" if bodyweight is None else trim_number(from_kg(bodyweight, settings.unit))
        )
        self.recovery_edit.setText(trim_number(settings.recovery_hours))
        self.sessions_low.setValue(settings.sessions_per_week[0])
        self.sessions_high.setValue(settings.sessions_per_week[1])
        for key, edit in self.step_edits.items():
            edit.setText(trim_number(getattr(settings, key)))
        self.kettlebells_edit.setText(", ".join(trim_number(k) for k in settings.kettlebells_kg))
        for key, edit in self.plate_edits.items():
            value = getattr(settings, key)
            edit.setText(trim_number(value) if key.startswith("bar_") else stock_text(value))
        self.bands_edit.setText(", ".join(settings.bands))
        self.language.set_value(settings.language)
        self.overrides_model.set_rows(
            list(self._ctx.catalog()), settings.exercise_overrides, settings
        )

    def _unit_changed(self) -> None:
        """Keep the typed bodyweight the same weight when the unit changes."""
        new = Unit(self.unit_combo.currentData())
        text = self.bodyweight_edit.text().strip().replace(",", ".")
        try:
            value = float(text) if text else None
        except ValueError:
            value = None
        if value is not None:
            self.bodyweight_edit.setText(trim_number(from_kg(to_kg(value, self._shown_unit), new)))
        self._shown_unit = new
        self._bodyweight_label.setText(_("Bodyweight ({unit})").format(unit=new.value))

    def settings_from_form(self) -> ProgressionSettings:
        """The settings as entered; raises InputError naming the field that is wrong."""
        unit = Unit(self.unit_combo.currentData())
        bodyweight_text = self.bodyweight_edit.text().strip()
        bodyweight: float | None = None
        if bodyweight_text:
            value = _number(bodyweight_text, "bodyweight_kg", from_kg(1.0, unit))
            bodyweight = round(to_kg(value, unit), 3)
        recovery = _number(self.recovery_edit.text(), "recovery_hours")
        steps = {key: _number(edit.text(), key) for key, edit in self.step_edits.items()}
        bells_text = [p.strip() for p in self.kettlebells_edit.text().split(",") if p.strip()]
        bells = tuple(_number(p, "kettlebells_kg") for p in bells_text)
        bands = tuple(b.strip() for b in self.bands_edit.text().split(",") if b.strip())
        changes: dict[str, Any] = {
            "unit": unit,
            "bodyweight_kg": bodyweight,
            "recovery_hours": recovery,
            "sessions_per_week": (self.sessions_low.value(), self.sessions_high.value()),
            "kettlebells_kg": bells,
            "bands": bands,
            "language": self.language.value(),
            "exercise_overrides": self.overrides_model.overrides(),
            **steps,
            **self._plate_values(),
        }
        try:
            return replace(self._settings, **changes)
        except InputError as exc:
            key = (exc.where or "").removeprefix("setting ")
            label = field_label(key)
            if label is None and key.startswith("override."):
                slug = key.removeprefix("override.")
                exercise = self._ctx.catalog().get(slug)
                label = exercise_name(exercise.name) if exercise else slug
            raise InputError(exc.message, label or key) from exc

    def accept(self) -> None:
        try:
            settings = self.settings_from_form()
        except InputError as exc:
            self.message.setText(str(exc))
            return
        changed = settings != self._settings
        if changed:
            settings_store.save(self._ctx, settings)
            self._settings = settings
        theme = str(self.theme_combo.currentData())
        if theme != load_theme(self._ui_settings):
            save_theme(theme, self._ui_settings)
            apply_theme(theme)
        if changed:
            self._events.settings_changed.emit()
        super().accept()

    def restore_defaults(self) -> None:
        defaults = ProgressionSettings(unit=Unit(self.unit_combo.currentData()))
        self._fill(defaults)
        self.message.setText(_("Defaults filled in. Save to keep them, Cancel to forget them."))

    def open_data_folder(self) -> None:
        folder = self._ctx.locations.database.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
