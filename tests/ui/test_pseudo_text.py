"""The pseudo-translation test's reader finds what it is there to find: a word nobody wrapped,
and a label or button too small for its text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.pseudo_text import cut_off, plain, texts, unmarked_words

from hiplog.domain.pseudo_locale import pseudo_translate

pytestmark = pytest.mark.gui


def test_marked_text_data_dates_and_numbers_pass_and_a_plain_english_word_does_not() -> None:
    marked = pseudo_translate("Saved: {count} sets").format(count=3)
    assert unmarked_words(marked, []) == []
    nested = pseudo_translate("Your note: {note}").format(note=pseudo_translate("Day A"))
    assert unmarked_words(nested, []) == []
    with_data = pseudo_translate("Added {name}.").format(name="Barbell hip thrust")
    assert unmarked_words(with_data, ["Barbell hip thrust"]) == []
    assert unmarked_words("Sat 28 Nov 2026 21:54, 62.5 kg, /tmp/x/hiplog.db", []) == []
    assert unmarked_words(f"{pseudo_translate('Target')}: 8 reps", []) == ["reps"]


def test_markup_and_accelerators_are_read_as_a_person_sees_them() -> None:
    assert plain("<b>&Start</b> this") == "Start this"
    assert plain("Fish && chips") == "Fish & chips"


def test_a_label_squeezed_below_its_text_and_a_narrow_button_are_reported(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    layout = QHBoxLayout(top)
    label = QLabel(pseudo_translate("Recovery time (hours)"))
    button = QPushButton(pseudo_translate("Start this session"))
    layout.addWidget(label)
    layout.addWidget(button)
    top.show()
    qtbot.waitExposed(top)
    assert list(cut_off(top)) == []
    button.setFixedWidth(button.minimumSizeHint().width() // 2)
    label.setFixedWidth(label.minimumSizeHint().width() // 2)
    reported = {widget for widget, _why in cut_off(top)}
    assert reported == {label, button}
    shown = {text for _w, _what, text in texts(top)}
    assert label.text() in shown and button.text() in shown


def test_a_placeholder_wider_than_its_field_and_a_list_scrolled_sideways_are_reported(
    qtbot: QtBot,
) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    layout = QHBoxLayout(top)
    field = QLineEdit()
    field.setPlaceholderText(pseudo_translate("optional, kg"))
    views = QListWidget()
    views.addItem(pseudo_translate("Exercises"))
    layout.addWidget(field)
    layout.addWidget(views)
    field.setFixedWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 20)
    views.setFixedWidth(views.sizeHintForColumn(0) + 2 * views.frameWidth() + 16)
    top.show()
    qtbot.waitExposed(top)
    assert list(cut_off(top)) == []
    field.setFixedWidth(60)
    views.setFixedWidth(60)
    qtbot.wait(10)
    assert {widget for widget, _why in cut_off(top)} == {field, views}
