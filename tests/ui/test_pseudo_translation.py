"""Every view and dialog in the pseudo-translation en_XA: no text left unmarked (so none was
missed for translation) and nothing cut off (a language a third longer than English fits).

Under en_XA every translated text is 40% longer and in "⟦...⟧" markers (hiplog.domain.
pseudo_locale); the walker of tests/ui/every_window.py shows each screen on a database holding
a real Hevy export. Data is not text to translate: exercise names (the catalog's and those of
the file), program and day names, paths, dates and numbers are taken out before looking.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from tests.ui.every_window import REAL_EXPORT, SECOND_ATHLETE, every_window, filled_window
from tests.ui.pseudo_text import cut_off, plain, texts, unmarked_words

from hiplog.domain.translation import set_language
from hiplog.services import programs
from hiplog.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def data_strings(window: MainWindow) -> list[str]:
    """Text on screen that is data, not hiplog's own words, longest first."""
    ctx = window.ctx
    data: set[str] = {str(ctx.locations.database.parent), ctx.locations.database.name}
    data.update(str(p) for p in (ctx.locations.backups, ctx.locations.log_file, REAL_EXPORT))
    for exercise in ctx.catalog():
        data.update((exercise.name, exercise.slug, *exercise.aliases))
    with REAL_EXPORT.open(encoding="utf-8") as rows:
        data.update(row["exercise_title"] for row in csv.DictReader(rows))
    data.update((*ctx.athlete_names(), SECOND_ATHLETE))  # the walk adds the second one
    for program in programs.list_programs(ctx):
        data.add(program.name)
        data.update(day.name for day in program.days)
    return sorted(data, key=len, reverse=True)


@pytest.fixture
def pseudo_window(qtbot: object, tmp_path: Path) -> Iterator[MainWindow]:
    set_language("en_XA")  # tests/conftest.py puts the language back afterwards
    with filled_window(tmp_path) as window:
        yield window


def _problems(name: str, widget: QWidget, data: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for shown, what, text in texts(widget):
        words = unmarked_words(plain(text), data)
        key = f"{what}:{text}"
        if words and key not in seen:
            seen.add(key)
            yield f"{name}: {type(shown).__name__} {what} {text[:90]!r}: unmarked {words[:6]}"
    for shown, why in cut_off(widget):
        text = getattr(shown, "text", lambda: "")()
        yield f"{name}: {type(shown).__name__} {str(text)[:60]!r} is cut off: {why}"


def test_every_view_and_dialog_in_the_pseudo_translation_is_marked_and_whole(
    pseudo_window: MainWindow,
) -> None:
    data = data_strings(pseudo_window)
    problems: list[str] = []
    walked = []
    for name, widget in every_window(pseudo_window):
        walked.append(name)
        problems.extend(_problems(name, widget, data))
    assert ("view/plan" in walked and "dialog/settings/⟦General~~~⟧" in walked) or len(walked) > 12
    assert not problems, "\n".join(problems)
