"""The program story in the main window, typed like a person would: choose a starter, log its
Day A, find Day B in the Plan, log that, find Day A again with higher targets; then change the
program in the editor and take the change back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.keyboard import focused, press, show_for_typing, type_text

from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.sets_table_model import SetsTableModel
from hiplog.ui.log.log_view import LogView
from hiplog.ui.main_window import MainWindow
from hiplog.ui.plan.plan_view import PlanView
from hiplog.ui.programs.program_editor import ProgramEditor

pytestmark = pytest.mark.gui

STARTER = "Gym with a barbell"


@pytest.fixture
def window(qtbot: QtBot, ui_settings: QSettings, tmp_path: Path) -> Iterator[MainWindow]:
    ctx = AppContext.open_path(tmp_path / "hiplog.db")
    w = MainWindow(ctx, ui_settings)
    show_for_typing(qtbot, w, 1200, 780)
    yield w
    w.close()
    Shiboken.delete(w)
    ctx.close()


def _cards(plan: PlanView) -> list[tuple[str, float | None, tuple[int, ...]]]:
    return [(c.suggestion.exercise, c.suggestion.load_kg, c.suggestion.reps) for c in plan.cards]


def _log_day(qtbot: QtBot, w: MainWindow) -> None:
    """'Start this session', then every pre-filled set confirmed by typing its reps."""
    plan = w.plan_view
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    plan.start_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert w.current_view_name() == "log"
    log: LogView = w.log_view
    for card in plan.cards:
        log.show_exercise(card.suggestion.exercise)  # as a click in the session's list
        qtbot.waitUntil(lambda: focused() is log.table)
        model = log.current_model()
        assert model is not None
        targets = [r.target_reps for r in model.rows() if not r.saved and r.target_reps]
        assert len(targets) >= len(card.suggestion.reps)  # one-sided work: a row per side
        for reps in targets:
            row = log.table.currentIndex().row()
            # the load is filled in from the plan (none for bodyweight work): type the reps
            log.table.setCurrentIndex(model.index(row, SetsTableModel.REPS))
            type_text(qtbot, str(reps))
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda row=row: log.table.currentIndex().row() == row + 1)
    assert log.message_text() == ""


def _editor(qtbot: QtBot, w: MainWindow) -> ProgramEditor:
    w.open_view("plan")
    w.plan_view.programs_button.click()
    editor = w.findChild(ProgramEditor)
    assert isinstance(editor, ProgramEditor)
    qtbot.waitExposed(editor)
    return editor


def test_follow_a_starter_log_both_days_and_undo_an_edit(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    editor = _editor(qtbot, w)
    editor.select_program(STARTER)
    assert "(starter)" in editor.program_list.currentItem().text()
    assert not editor.add_day_button.isEnabled()  # a starter is a template
    editor.follow_button.click()
    assert "Following Gym with a barbell" in editor.message.text()
    editor.close()

    plan = w.plan_view
    assert plan.program_label.text() == f"<b>Day A</b> of {STARTER}; next: Day B"
    day_a = _cards(plan)
    assert day_a == [
        ("bird-dog", None, (8, 8)),
        ("barbell-hip-thrust", 20.0, (8, 8, 8)),
        ("romanian-deadlift", 20.0, (8, 8, 8)),
    ]
    _log_day(qtbot, w)
    w.log_view.new_session_button.click()

    w.open_view("plan")
    assert plan.program_label.text() == f"<b>Day B</b> of {STARTER}; next: Day A"
    assert [c[0] for c in _cards(plan)] == [
        "horizontal-back-extension",
        "deep-squat",
        "cable-pull-through",
    ]
    assert all(len(c.suggestion.reason) > 20 for c in plan.cards)
    _log_day(qtbot, w)
    w.log_view.new_session_button.click()

    w.open_view("plan")
    assert plan.program_label.text() == f"<b>Day A</b> of {STARTER}; next: Day B"
    again = {c[0]: c[2] for c in _cards(plan)}
    assert again["barbell-hip-thrust"] == (9, 9, 9)  # one more rep on every set
    assert again["romanian-deadlift"] == (9, 9, 9)
    marks = sorted(programs.session_days(w.ctx).values())
    assert marks == [f"Day A of {STARTER}", f"Day B of {STARTER}"]

    # --- edit the program (one more set of hip thrusts), then Ctrl+Z ------------------
    editor = _editor(qtbot, w)
    editor.select_program(STARTER)
    editor.day_list.setCurrentRow(0)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(1, 1))  # hip thrust, sets
    assert focused() is editor.table
    press(qtbot, Qt.Key.Key_F2)
    focused().selectAll()  # type: ignore[attr-defined]
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    # stored (one command) once the cell's editor has closed
    qtbot.waitUntil(lambda: programs.find_program(w.ctx, STARTER).days[0].entries[1].sets == 4)
    assert len(w.plan_view.cards[1].suggestion.reps) == 4
    editor.table.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert programs.find_program(w.ctx, STARTER).days[0].entries[1].sets == 3
    assert editor.model.data(editor.model.index(1, 1)) == 3
    editor.close()
