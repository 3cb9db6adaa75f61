"""Qt's standard buttons and dialogs in the person's language, from the qtbase catalogs that
PySide6 ships; English leaves Qt as it is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hiplog.domain.translation import current_language, set_language
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.ui.app import use_language_setting
from hiplog.ui.qt_translations import install_qt_translations, qt_translations_dir


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    before = QLocale()
    yield qapp
    set_language("en")
    install_qt_translations(qapp)
    QLocale.setDefault(before)


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    text = button.text()
    box.deleteLater()
    return text.replace("&", "")


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_pyside_ships_qtbase_for_each_language(language: str) -> None:
    assert (Path(qt_translations_dir()) / f"qtbase_{language}.qm").is_file()


@pytest.mark.parametrize(
    ("language", "cancel", "decimal"),
    [("de", "Abbrechen", ","), ("es", "Cancelar", ","), ("fr", "Annuler", ",")],
)
def test_standard_buttons_and_numbers_follow_the_language(
    app: QApplication, language: str, cancel: str, decimal: str
) -> None:
    set_language(language)
    assert install_qt_translations(app)
    assert _cancel_text() == cancel
    assert QLocale().decimalPoint() == decimal
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel


def test_english_removes_the_translation_again(app: QApplication) -> None:
    set_language("de")
    install_qt_translations(app)
    set_language("en")
    assert not install_qt_translations(app)
    assert _cancel_text() == "Cancel"


def test_the_window_start_follows_the_language_setting(
    app: QApplication, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    settings_store.save(ctx, replace(ctx.settings(), language="de"))
    use_language_setting(app, ctx)
    assert current_language() == "de"
    assert _cancel_text() == "Abbrechen"
    settings_store.save(ctx, replace(ctx.settings(), language="system"))
    use_language_setting(app, ctx)
    assert current_language() == "es"
    assert _cancel_text() == "Cancelar"
