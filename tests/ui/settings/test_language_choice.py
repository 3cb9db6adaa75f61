"""Settings > General > Language: the choice is saved with the settings and said to take effect
after a restart; the window started on a database speaks what its setting says (hiplog's text,
Qt's standard buttons, Qt's dates)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from hiplog.domain.translation import current_language
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.ui.app_language import apply_language
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.settings.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield None
    apply_language("system")  # under LANG=C: English, no Qt translator, the US locale


def test_the_language_chosen_is_saved_and_said_to_need_a_restart(
    qtbot: QtBot, tmp_path: Path, events: DataEvents
) -> None:
    ctx = AppContext.open_path(tmp_path / "t.db")
    ui = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(ctx, events, ui_settings=ui)
    qtbot.addWidget(dialog)
    names = [dialog.language.combo.itemText(i) for i in range(dialog.language.combo.count())]
    assert names == ["System", "English", "Deutsch", "Español", "Français"]
    assert dialog.language.value() == "system" and not dialog.language.note.isVisibleTo(dialog)
    dialog.language.combo.setCurrentIndex(dialog.language.combo.findData("de"))
    assert dialog.language.note.isVisibleTo(dialog)
    assert "after a restart" in dialog.language.note.text()
    dialog.accept()
    assert settings_store.load(ctx).language == "de"
    assert current_language() == "en"  # this window stays English until it starts again
    again = SettingsDialog(ctx, events, ui_settings=ui)
    qtbot.addWidget(again)
    assert again.language.value() == "de" and not again.language.note.isVisibleTo(again)
    again.restore_defaults()  # defaults include following the system again: a change to say
    assert again.language.value() == "system" and again.language.note.isVisibleTo(again)
    ctx.close()


def test_a_window_set_to_german_speaks_german_down_to_qts_own_buttons(
    qtbot: QtBot, tmp_path: Path, events: DataEvents, english_afterwards: object
) -> None:
    assert apply_language("de") == "de"
    assert QLocale().language() == QLocale.Language.German
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    ctx = AppContext.open_path(tmp_path / "t.db")
    dialog = SettingsDialog(
        ctx, events, ui_settings=QSettings(str(tmp_path / "u.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Allgemein", "Ausrüstung", "Übungen"]
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Abbrechen"
    ctx.close()
    assert apply_language("system") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
