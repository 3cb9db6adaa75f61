"""Which language hiplog speaks, and its translated text (gettext catalogs, no Qt, no Babel).

The catalogs are `hiplog/locale/<lang>/LC_MESSAGES/<domain>.mo`, compiled from the `.po` files
beside them (`make catalogs`). Three domains: `hiplog` (everything outside the window),
`hiplog_ui` (the window) and `hiplog_catalog` (exercise names, cues and mistakes).

The language follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in that order, as gettext
reads them) until `set_language` picks one; a language hiplog has no catalog for is English.
Every lookup happens when it is called, so text made after a change of language is in the new
language: keep constants as `N_("...")` markers and translate them where they are shown.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: The languages hiplog has catalogs for, English first (it needs none). `en_XA` is the
#: pseudo-translation (every text stretched and in markers) that finds text nobody wrapped.
LANGUAGES = ("en", "de", "es", "fr")
PSEUDO = "en_XA"
DOMAINS = ("hiplog", "hiplog_ui", "hiplog_catalog")
CATALOG_DOMAIN = "hiplog_catalog"

#: The territory a language's numbers and dates follow when the system names none for it.
_DEFAULT_TERRITORY = {"en": "US", "de": "DE", "es": "ES", "fr": "FR", PSEUDO: "US"}
_SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None
_system: tuple[str, str] | None = None  # the system's (locale name, language), read once


def N_(message: str) -> str:  # the name every gettext extractor knows
    """Marks `message` for translation without translating it (for constants)."""
    return message


def _language_of(code: str) -> str | None:
    """The language hiplog has for a locale name ('de_DE.UTF-8' -> 'de'), or None."""
    name = code.split(".")[0].split("@")[0].replace("-", "_")
    if name in ("C", "POSIX"):
        return "en"
    if name == PSEUDO:
        return PSEUDO
    language = name.split("_")[0].lower()
    return language if language in LANGUAGES else None


def _system_locale() -> str:
    """The system's locale name for messages ('de_DE.UTF-8', 'C'), as Python's gettext picks it:
    the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set; LANGUAGE is a list ('pt:de'),
    of which the first language hiplog has counts."""
    for variable in _SYSTEM_VARIABLES:
        entries = [entry for entry in os.environ.get(variable, "").split(":") if entry]
        if entries:
            return next((entry for entry in entries if _language_of(entry)), entries[0])
    return "C"


def _system_now() -> tuple[str, str]:
    """The system's locale name and language, read from the environment on first use after
    start or `set_language` (every text asks, so the environment is not read each time)."""
    global _system
    if _system is None:
        name = _system_locale()
        _system = (name, _language_of(name) or "en")
    return _system


def _system_language() -> str:
    return _system_now()[1]


def set_language(code: str | None) -> None:
    """Speak `code` ('de', 'es', 'fr', 'en', 'C', 'de_AT', 'en_XA'), or follow the system for
    None (read from the environment again). A language hiplog has no catalog for is English."""
    global _chosen, _system
    _chosen = None if code is None else (_language_of(code) or "en")
    _system = None


def follow_setting(language: str) -> None:
    """Speak what the language setting says: 'system' follows the system, else 'en', 'de'..."""
    set_language(None if language == "system" else language)


def current_language() -> str:
    """'en', 'de', 'es', 'fr', or 'en_XA' (the pseudo-translation)."""
    return _chosen if _chosen is not None else _system_language()


def current_locale() -> str:
    """The locale numbers and dates follow ('en_US', 'de_DE', 'de_AT'...): the system's when it
    is in the current language, or else the language's usual country."""
    language = current_language()
    system = _system_now()[0].split(".")[0].split("@")[0].replace("-", "_")
    parts = system.split("_")
    if language != PSEUDO and len(parts) == 2 and parts[0].lower() == language:
        return f"{language}_{parts[1].upper()}"
    base = "en" if language == PSEUDO else language
    return f"{base}_{_DEFAULT_TERRITORY[language]}"


@cache
def _catalog(domain: str, language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALE_DIR, languages=[language], fallback=True)


class Translator:
    """One domain's text in whatever language is current when it is asked."""

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def gettext(self, message: str) -> str:
        return _catalog(self.domain, current_language()).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return _catalog(self.domain, current_language()).ngettext(singular, plural, count)


def translator(domain: str) -> Translator:
    """The translator for `domain` ('hiplog', 'hiplog_ui', 'hiplog_catalog')."""
    return Translator(domain)


_ = translator("hiplog").gettext
ngettext = translator("hiplog").ngettext


def exercise_name(name: str) -> str:
    """A catalog exercise's name (or cue, mistake...) in the current language; a person's own
    exercise's name comes back as it is."""
    return _catalog(CATALOG_DOMAIN, current_language()).gettext(name)
