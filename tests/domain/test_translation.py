"""The translation API: the language follows the system until chosen, plurals follow each
language's rule, and a language hiplog has no catalog for is English."""

from __future__ import annotations

import json

import pytest

from hiplog.domain.catalog import Catalog
from hiplog.domain.translation import (
    LOCALE_DIR,
    current_language,
    current_locale,
    exercise_name,
    set_language,
    translator,
)
from hiplog.domain.wording import sets_text
from hiplog.resources import resource_path


def test_english_under_lang_c() -> None:
    assert current_language() == "en"
    assert current_locale() == "en_US"
    assert sets_text(1) == "1 set"
    assert sets_text(3) == "3 sets"


@pytest.mark.parametrize(
    ("code", "one", "three"),
    [("de", "1 Satz", "3 Sätze"), ("es", "1 serie", "3 series"), ("fr", "1 série", "3 séries")],
)
def test_set_language_translates_with_plural_forms(code: str, one: str, three: str) -> None:
    set_language(code)
    assert current_language() == code
    assert sets_text(1) == one
    assert sets_text(3) == three


def test_plural_rules_differ_by_language_for_zero() -> None:
    set_language("fr")
    assert sets_text(0) == "0 série"  # French counts 0 as one
    set_language("de")
    assert sets_text(0) == "0 Sätze"


def test_a_change_of_language_takes_effect_for_new_text() -> None:
    gettext = translator("hiplog").ngettext
    set_language("de")
    assert gettext("{count} set", "{count} sets", 2) == "{count} Sätze"
    set_language("en")
    assert gettext("{count} set", "{count} sets", 2) == "{count} sets"


@pytest.mark.parametrize("code", ["pt", "pt_BR.UTF-8", "zz", "", "C", "POSIX", "en_GB"])
def test_languages_without_a_catalog_are_english(code: str) -> None:
    set_language(code)
    assert current_language() == "en"
    assert sets_text(2) == "2 sets"


def test_unknown_text_comes_back_unchanged() -> None:
    set_language("de")
    assert translator("hiplog").gettext("No such text anywhere") == "No such text anywhere"
    assert translator("no-such-domain").gettext("Back squat") == "Back squat"


@pytest.mark.parametrize(
    ("variables", "language", "locale"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de", "de_DE"),
        ({"LANG": "de_AT.UTF-8"}, "de", "de_AT"),
        ({"LANG": "C", "LC_ALL": "es_MX.UTF-8"}, "es", "es_MX"),
        ({"LANG": "fr_CA.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr", "fr_FR"),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "pt:fr"}, "fr", "fr_FR"),
        ({"LANG": "pt_BR.UTF-8"}, "en", "en_US"),
    ],
)
def test_none_follows_the_system(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], language: str, locale: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    set_language(None)
    assert current_language() == language
    assert current_locale() == locale


def test_a_chosen_language_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    set_language("es")
    assert current_language() == "es"
    assert current_locale() == "es_ES"
    set_language("de")
    assert current_locale() == "de_AT"  # the system's country, in the chosen language


def test_pseudo_locale_wraps_and_stretches() -> None:
    set_language("en_XA")
    assert current_language() == "en_XA"
    assert current_locale() == "en_US"
    text = sets_text(3)
    assert text.startswith("⟦3 sets") and text.endswith("⟧")
    assert len(text) >= 1.4 * len("3 sets")


def test_every_language_has_compiled_catalogs_for_every_domain() -> None:
    for language in ("de", "es", "fr", "en_XA"):
        for domain in ("hiplog", "hiplog_ui", "hiplog_catalog"):
            assert (LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.mo").is_file()


def test_catalog_text_is_translated_where_shown_and_data_stays_english() -> None:
    catalog = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))
    thrust = catalog["barbell-hip-thrust"]
    assert thrust.name == "Barbell hip thrust"
    set_language("de")
    assert exercise_name(thrust.name) == "Hip Thrust mit Langhantel"
    assert exercise_name("Rumänisches Kreuzheben (Langhantel)") == (
        "Rumänisches Kreuzheben (Langhantel)"
    )  # a person's own name comes back as it is
    set_language("es")
    assert exercise_name("Romanian deadlift (barbell)") == "Peso muerto rumano (barra)"
    set_language("fr")
    assert exercise_name("Romanian deadlift (barbell)") == "Soulevé de terre roumain (barre)"


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("de", "hip thrust mit langhantel"),
        ("es", "Hip thrust con barra"),
        ("en", "barbell hip thrust"),
    ],
)
def test_exercises_are_found_by_their_name_in_the_current_language(
    language: str, typed: str
) -> None:
    catalog = Catalog.from_json_list(json.loads(resource_path("catalog.json").read_text("utf-8")))
    set_language(language)
    found = catalog.resolve(typed)
    assert found is not None and found.slug == "barbell-hip-thrust"
