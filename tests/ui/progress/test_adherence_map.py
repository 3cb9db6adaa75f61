"""The adherence calendar: a year of days, program days apart from other sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot
from tests.ui.past_sessions import add_past_session

from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.progress.adherence_map import WEEKS, AdherenceMap, summary

pytestmark = pytest.mark.gui


def test_a_square_a_day_coloured_by_what_the_day_held(qtbot: QtBot, ctx: AppContext) -> None:
    add_past_session(ctx, 20, [("barbell-hip-thrust", 60.0, 10)])
    programs.use_program(ctx, "Gym with a barbell", at=datetime.now() - timedelta(days=10))
    add_past_session(ctx, 3, [("barbell-hip-thrust", 60.0, 10)])
    today = date.today()
    days = programs.adherence(ctx, today)
    widget = AdherenceMap()
    qtbot.addWidget(widget)
    widget.set_days(days, today)
    widget.show()
    assert summary(days) == "1 program day and 1 other training day in the last year"
    assert (today - widget.first_monday).days < WEEKS * 7
    program_day, other, rest = (today - timedelta(days=d) for d in (3, 20, 4))
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    assert widget.colour(program_day) == highlight
    assert widget.colour(other).alphaF() < 1.0
    assert widget.colour(rest) == widget.palette().color(QPalette.ColorRole.Midlight)
    centre = widget.cell_rect(program_day).center()
    assert widget.day_at(centre) == program_day
    assert widget.text_at(centre).endswith("Day A of Gym with a barbell")
    assert widget.text_at(widget.cell_rect(rest).center()).endswith("no session")
    assert not widget.grab().isNull()
