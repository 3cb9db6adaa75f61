"""Settings dialog: values are saved to the database, survive a restart, bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hiplog.domain.settings import ExerciseOverride, ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.settings import settings_dialog as settings_module
from hiplog.ui.settings.overrides_table_model import REPS, SETS
from hiplog.ui.settings.settings_dialog import SettingsDialog
from hiplog.ui.theme import apply_theme, load_theme

pytestmark = pytest.mark.gui


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _dialog(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> SettingsDialog:
    dialog = SettingsDialog(ctx, events, ui_settings=ui_settings)
    qtbot.addWidget(dialog)
    return dialog


def _row(dialog: SettingsDialog, slug: str) -> int:
    names = [ex.slug for ex in dialog._ctx.catalog()]
    return names.index(slug)


def test_settings_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, events: DataEvents, ui_settings: QSettings
) -> None:
    path = tmp_path / "t.db"
    ctx = AppContext.open_path(path)
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    assert dialog.recovery_edit.text() == "48"
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("lb"))
    dialog.bodyweight_edit.setText("176")
    dialog.recovery_edit.setText("36")
    dialog.sessions_low.setValue(3)
    dialog.sessions_high.setValue(4)
    dialog.step_edits["barbell_step_kg"].setText("1.25")
    dialog.kettlebells_edit.setText("8, 12, 16, 24")
    dialog.bands_edit.setText("mini, loop, heavy loop")
    model = dialog.overrides_model
    row = _row(dialog, "barbell-hip-thrust")
    assert model.index(row, SETS).data() == "3"  # the catalog value, shown in grey
    assert model.setData(model.index(row, SETS), "4")
    assert model.setData(model.index(row, REPS), "6-10")
    with qtbot.waitSignal(events.settings_changed):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    ctx.close()

    again = AppContext.open_path(path)  # a restart
    saved = again.settings()
    assert saved.unit is Unit.LB
    assert saved.bodyweight_kg == pytest.approx(79.832, abs=0.001)
    assert saved.recovery_hours == 36 and saved.sessions_per_week == (3, 4)
    assert saved.barbell_step_kg == 1.25
    assert saved.kettlebells_kg == (8, 12, 16, 24)
    assert saved.bands == ("mini", "loop", "heavy loop")
    assert saved.exercise_overrides == {
        "barbell-hip-thrust": ExerciseOverride(sets=4, rep_range=(6, 10))
    }
    reopened = _dialog(qtbot, again, events, ui_settings)
    assert reopened.bodyweight_edit.text() == "176"
    assert reopened.overrides_model.index(row, REPS).data() == "6-10"
    # clearing the override goes back to the catalog value
    assert reopened.overrides_model.setData(reopened.overrides_model.index(row, SETS), "")
    assert reopened.overrides_model.setData(reopened.overrides_model.index(row, REPS), "")
    reopened.accept()
    assert settings_store.load(again).exercise_overrides == {}
    again.close()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("recovery_edit", "-3", "Recovery time: must be from 0 to 240, not -3"),
        ("recovery_edit", "two days", "Recovery time: 'two days' is not a number"),
        ("bodyweight_edit", "8", "Bodyweight: must be from 20 to 400, not 8"),
        ("kettlebells_edit", "16, 8", "Kettlebells: needs at least one bell, lightest first"),
        ("bands_edit", "light, light", "Bands: needs at least one band name"),
    ],
)
def test_bad_values_are_refused_naming_the_field(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    ui_settings: QSettings,
    field: str,
    value: str,
    message: str,
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    dialog.show()
    getattr(dialog, field).setText(value)
    dialog.accept()
    assert dialog.message.text().startswith(message)
    assert dialog.isVisible()
    assert settings_store.load(ctx) == ProgressionSettings()


def test_bad_step_sessions_and_override_are_refused(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    dialog.step_edits["plate_step_lb"].setText("0")
    dialog.accept()
    assert dialog.message.text().startswith("Held plate step (lb): must be from 0.01")
    dialog.step_edits["plate_step_lb"].setText("5")
    dialog.sessions_low.setValue(4)
    dialog.sessions_high.setValue(2)
    dialog.accept()
    assert dialog.message.text().startswith("Sessions per week:")
    model = dialog.overrides_model
    row = _row(dialog, "good-morning")
    assert not model.setData(model.index(row, REPS), "12-8")
    assert (
        dialog.message.text() == "Good morning, rep range: needs 1 <= low <= high <= 100, not 12-8"
    )
    assert settings_store.load(ctx) == ProgressionSettings()


def test_theme_is_a_ui_preference(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    try:
        dialog.accept()
        assert load_theme(ui_settings) == "dark"
        assert settings_store.load(ctx) == ProgressionSettings()  # not in the database
    finally:
        apply_theme("system")


def test_data_folder_is_shown_and_opened(
    qtbot: QtBot,
    ctx: AppContext,
    events: DataEvents,
    ui_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(settings_module.QDesktopServices, "openUrl", opened.append)
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    folder = ctx.locations.database.parent
    assert dialog.folder_label.text() == str(folder)
    dialog.open_data_folder()
    assert opened == [QUrl.fromLocalFile(str(folder))]


def test_overrides_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    qtmodeltester.check(dialog.overrides_model)  # type: ignore[attr-defined]


def test_switching_unit_keeps_the_typed_bodyweight(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    dialog.bodyweight_edit.setText("80")
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("lb"))
    assert dialog.bodyweight_edit.text() == "176.37"
    dialog.accept()
    assert ctx.settings().bodyweight_kg == pytest.approx(80.0, abs=0.001)


def test_bar_and_plates_are_saved_and_bad_plates_refused(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, ui_settings: QSettings
) -> None:
    dialog = _dialog(qtbot, ctx, events, ui_settings)
    assert dialog.plate_edits["bar_kg"].text() == "20"
    assert dialog.plate_edits["bumpers_kg"].text() == "20x2, 15x2, 10x2, 5x1"
    dialog.plate_edits["plates_lb"].setText("45x2, 25, 10 x 2")
    dialog.accept()
    assert dialog.message.text() == ""
    saved = settings_store.load(ctx)
    assert [(p.weight, p.pairs) for p in saved.plates_lb] == [(45, 2), (25, 1), (10, 2)]

    again = _dialog(qtbot, ctx, events, ui_settings)
    again.show()
    again.plate_edits["bumpers_kg"].setText("20x2, big ones")
    again.accept()
    assert again.message.text().startswith("Bumper plates (pairs) (kg): cannot read 'big ones'")
    again.plate_edits["bumpers_kg"].setText("20")
    again.plate_edits["bar_lb"].setText("145")
    again.accept()
    assert again.message.text() == "Bar (lb): must be from 0 to 100, not 145"
    assert again.isVisible()
    assert settings_store.load(ctx) == saved
