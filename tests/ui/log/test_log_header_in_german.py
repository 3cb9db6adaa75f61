"""The Log's session header in German: the bodyweight shows and is typed with a decimal comma."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from hiplog.domain.translation import set_language
from hiplog.domain.units import Unit
from hiplog.ui.log.log_session_header import SessionHeader

pytestmark = pytest.mark.gui


def test_a_bodyweight_reads_and_is_typed_with_a_comma_in_german(qtbot: QtBot) -> None:
    set_language("de")  # tests/conftest.py puts English back
    header = SessionHeader()
    qtbot.addWidget(header)
    started = datetime(2026, 11, 28, 18, 0)
    header.show_details(started, 72.5, Unit.KG)
    assert header.bodyweight_edit.text() == "72,5"
    assert header.bodyweight_edit.placeholderText() == "optional, kg"
    header.bodyweight_edit.setText("80,25")
    assert header.typed_details(Unit.KG) == (started, 80.25)
    assert header.session_status.text() == ""
    header.show_saved_count(3)
    assert header.session_status.text() == "Gespeichert: 3 Sätze"
