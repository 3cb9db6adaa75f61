"""Settings > General > Language: the choice is saved with the settings and said to take effect
after a restart (ui/app.py reads it when the window starts; tests/ui/test_qt_translations.py
covers Qt's own buttons)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from hiplog.domain.translation import current_language, set_language
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.settings.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


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


def test_the_settings_dialog_in_german(qtbot: QtBot, tmp_path: Path, events: DataEvents) -> None:
    set_language("de")  # tests/conftest.py puts English back
    ctx = AppContext.open_path(tmp_path / "t.db")
    ui = QSettings(str(tmp_path / "u.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(ctx, events, ui_settings=ui)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Allgemein", "Ausrüstung", "Übungen"]
    assert dialog.language.combo.itemText(0) == "System"
    dialog.language.combo.setCurrentIndex(dialog.language.combo.findData("fr"))
    assert dialog.language.note.text() == "hiplog spricht die gewählte Sprache nach einem Neustart."
    ctx.close()
