"""The window's language: the Settings choice (else the system's), Qt's own translations for
its standard buttons and dialogs (qtbase), and the locale of Qt's dates and numbers.

Read once when the window starts: a new choice in Settings takes effect after a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hiplog.domain.translation import PSEUDO, current_language, current_locale, follow_setting

_installed: list[QTranslator] = []  # kept alive while installed


def apply_language(setting: str) -> str:
    """Speak `setting` ('system', 'en', 'de', 'es', 'fr'); returns the language now spoken."""
    follow_setting(setting)
    language = current_language()
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        if language in ("en", PSEUDO)
        else QLocale(current_locale())
    )
    app = QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
        _installed.clear()
        if language not in ("en", PSEUDO):
            qt = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", folder):
                app.installTranslator(qt)
                _installed.append(qt)
    return language
