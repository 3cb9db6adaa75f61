"""Issue 15's story: a session of three exercises logged without touching the mouse.

The window opens with the cursor in the Log's exercise box. 'hip thr' fits several exercises, so
Enter opens the list of them and the arrows and Enter choose one; a load typed as '-20' is
refused where it is typed, the cell marked and the set named as the table shows it, and typing
again replaces it; Escape goes back to the exercise box, where a misspelt name is said to fit
nothing and is corrected; Ctrl+L reaches the box from anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.keyboard import focused, press, show_for_typing, type_set, type_text

from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.widgets import is_marked_invalid
from hiplog.ui.log.log_view import LogView
from hiplog.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, ui_settings: QSettings) -> Iterator[MainWindow]:
    w = MainWindow(ctx, ui_settings)
    show_for_typing(qtbot, w, 1200, 780)
    yield w
    w.close()
    Shiboken.delete(w)


def press_in_popup(qtbot: QtBot, key: Qt.Key) -> None:
    """A key while a list pops up goes to the list, as the keyboard's keys do."""
    popup = QApplication.activePopupWidget()
    assert popup is not None, "no list is open"
    qtbot.keyClick(popup, key)


def _in_exercise_box(w: MainWindow) -> bool:
    picker = w.log_view.picker  # the combo box passes its keys on to its line edit
    return focused() in (picker, picker.lineEdit())


def test_three_exercises_logged_from_the_keyboard(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    w, log = window, window.log_view
    assert w.current_view_name() == "log"
    assert _in_exercise_box(w)

    # a misspelt name fits nothing and says so; it is corrected in place
    type_text(qtbot, "kettlebel swing")
    press(qtbot, Qt.Key.Key_Return)
    assert "No exercise is called 'kettlebel swing'" in log.message_text()
    assert log.session_exercises() == []
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "kettlebell swing")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: log.session_exercises() == ["kettlebell-swing"])

    # the cursor is on the load; '-20' is refused and stays, marked; typing again replaces it
    type_text(qtbot, "-20")
    press(qtbot, Qt.Key.Key_Tab)
    assert "Kettlebell swing, next set, load" in log.message_text()
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.text() == "-20"
    assert is_marked_invalid(editor)
    type_set(qtbot, "24", "15")
    assert log.message_text() == ""
    swing = log.model_for("kettlebell-swing")
    assert swing is not None
    qtbot.waitUntil(lambda: [(r.load_kg, r.reps) for r in swing.saved_rows()] == [(24.0, 15)])

    # Escape (no cell being typed in) goes back to the exercise box
    qtbot.waitUntil(lambda: log.table.hasFocus())
    press(qtbot, Qt.Key.Key_Escape)
    assert _in_exercise_box(w)
    type_text(qtbot, "glute bridge")  # a whole name: picked at once, no list
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(log.session_exercises()) == 2)
    type_set(qtbot, "", "20")
    qtbot.waitUntil(lambda: log.session_id is not None and _sets(ctx, log) == 2)

    # Ctrl+L reaches the box from anywhere; 'hip thr' fits several exercises, so Enter opens
    # the list of them and never picks the first silently; the arrows and Enter choose
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _in_exercise_box(w)
    type_text(qtbot, "hip thr")
    press(qtbot, Qt.Key.Key_Return)
    choices = log.picker.choices_shown()
    assert "Barbell hip thrust" in choices and len(choices) > 1
    assert f"'hip thr' fits {len(choices)} exercises" in log.message_text()
    assert len(log.session_exercises()) == 2
    for _ in range(choices.index("Barbell hip thrust")):
        press_in_popup(qtbot, Qt.Key.Key_Down)
    press_in_popup(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(log.session_exercises()) == 3)
    type_set(qtbot, "100", "10")
    qtbot.waitUntil(lambda: _sets(ctx, log) == 3)

    session_id = log.session_id
    assert session_id is not None
    session = training_log.get_session(ctx, session_id)
    assert session is not None
    assert [(e.exercise, e.load_kg, e.reps) for e in session.sets] == [
        ("kettlebell-swing", 24.0, 15),
        ("glute-bridge", None, 20),
        ("barbell-hip-thrust", 100.0, 10),
    ]


def _sets(ctx: AppContext, log: LogView) -> int:
    session = training_log.get_session(ctx, log.session_id) if log.session_id else None
    return len(session.sets) if session else 0
