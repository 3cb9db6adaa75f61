"""Qt's own text in the person's language: the standard dialogs' and buttons' words (OK,
Cancel, the file dialog...) come from Qt's qtbase catalogs, and Qt's number and date widgets
follow the locale. English needs neither: Qt is English, and its locale stays as it was."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hiplog.domain.translation import PSEUDO, current_language, current_locale

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # kept alive while installed (Qt holds no reference)


def qt_translations_dir() -> str:
    """Where PySide6 (or the bundle) keeps Qt's .qm catalogs."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(app: QCoreApplication) -> bool:
    """Load qtbase's catalog for the current language in place of any loaded before, and make
    the locale Qt's default. True when a catalog was loaded (False in English)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = current_language()
    if language in ("en", PSEUDO):
        return False
    QLocale.setDefault(QLocale(current_locale()))
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", qt_translations_dir()):
        log.warning("Qt's qtbase_%s.qm is not in %s", language, qt_translations_dir())
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
