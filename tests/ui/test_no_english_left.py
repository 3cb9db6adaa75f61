"""The window in German, Spanish and French has no English left: every view and dialog is
walked in English and in each language, and no text a person sees in English (data aside) is
still there, unchanged, in the other language.

The pseudo-translation test finds text nobody marked for translation; this one finds text that
is marked but still comes out English (a message missing from a catalog, a name or a word put
on screen without its translation). A text may be the same in both languages when its
catalog says so ("Plan", "Format", "Volume"...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from pytestqt.qtbot import QtBot
from tests.ui.every_window import every_window, filled_window
from tests.ui.pseudo_text import plain, texts, unmarked_words
from tests.ui.test_pseudo_translation import data_strings

from hiplog.domain.translation import DOMAINS, LOCALE_DIR, exercise_name, set_language

pytestmark = pytest.mark.gui
LANGUAGES = ("de", "es", "fr")
_FIELD = re.compile(r"\{[^{}]*\}")


def same_in(language: str) -> list[re.Pattern[str]]:
    """The texts whose translation into `language` is the English text itself, as patterns
    (a placeholder matches anything: 'optional, {unit}')."""
    same: set[str] = set()
    for domain in DOMAINS:
        with (LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
            for message in read_po(po):
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                same.update(plain(s) for s, i in zip(strings, ids, strict=False) if s == i)
    return [re.compile(".*".join(map(re.escape, _FIELD.split(text))) + "$") for text in same]


def walk(folder: Path, language: str) -> tuple[dict[str, set[str]], list[str]]:
    """The texts of every screen in `language` (by screen), and the data among them."""
    set_language(language)
    folder.mkdir()
    screens: dict[str, set[str]] = {}
    with filled_window(folder) as window:
        data = data_strings(window)
        data += [exercise_name(name) for name in data]
        for name, widget in every_window(window):
            screens.setdefault(name.split("/")[0] + "/" + name.split("/")[1], set()).update(
                plain(text) for _w, _what, text in texts(widget) if text
            )
    return screens, data


def english_left(
    english: dict[str, set[str]],
    other: dict[str, set[str]],
    data: list[str],
    allowed: list[re.Pattern[str]],
) -> Iterator[str]:
    for screen, shown in english.items():
        for text in sorted(shown & other.get(screen, set())):
            if unmarked_words(text, data) and not any(p.match(text) for p in allowed):
                yield f"{screen}: {text[:100]!r}"


def test_the_window_in_german_spanish_and_french_has_no_english_left(
    qtbot: QtBot, tmp_path: Path
) -> None:
    english, data = walk(tmp_path / "en", "en")
    problems: list[str] = []
    for language in LANGUAGES:
        other, other_data = walk(tmp_path / language, language)
        allowed = same_in(language)
        found = english_left(english, other, data + other_data, allowed)
        problems.extend(f"{language} {line}" for line in found)
    assert not problems, "\n".join(problems)
