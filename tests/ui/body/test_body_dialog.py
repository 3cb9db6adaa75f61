"""The Body measurements dialog: entries added, changed and deleted from the form, each one undo
step; bad values keep their text and say what is wrong; lb goes with inches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack

from hiplog.domain.models import SetEntry
from hiplog.domain.translation import set_language
from hiplog.domain.units import Unit
from hiplog.services import body, plan, settings_store, training_log
from hiplog.services.context import AppContext
from hiplog.ui.body.body_dialog import EMPTY_TEXT, BodyDialog
from hiplog.ui.body.body_table_model import BODYWEIGHT, DATE, HIP, THIGH
from hiplog.ui.common.widgets import is_marked_invalid

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot: Any, ctx: AppContext, events: Any, undo_stack: QUndoStack) -> BodyDialog:
    widget = BodyDialog(ctx, events, undo_stack)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _fill(dialog: BodyDialog, day: date, bw: str = "", hip: str = "", thigh: str = "") -> None:
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.bodyweight_edit.setText(bw)
    dialog.hip_edit.setText(hip)
    dialog.thigh_edit.setText(thigh)


def _row(dialog: BodyDialog, row: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, c).data()) for c in (DATE, BODYWEIGHT, HIP, THIGH)]


def test_an_empty_dialog_says_how_to_add_one(dialog: BodyDialog) -> None:
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.isVisible() and dialog.empty_label.text() == EMPTY_TEXT
    assert not dialog.save_button.isEnabled() and not dialog.delete_button.isEnabled()


def test_add_change_delete_each_one_undo_step(
    qtbot: Any, dialog: BodyDialog, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    _fill(dialog, date(2026, 11, 20), "81,5", "104")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert _row(dialog, 0) == ["Fri 20 Nov 2026", "81.5", "104", ""]
    assert not dialog.empty_label.isVisible()
    dialog.table.selectRow(0)
    dialog.thigh_edit.setText("61")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _row(dialog, 0) == ["Fri 20 Nov 2026", "81.5", "104", "61"]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and body.list_measurements(ctx) == []
    assert [undo_stack.text(i) for i in range(undo_stack.count())] == [
        "Add body measurements of Fri 20 Nov 2026",
        "Change body measurements of Fri 20 Nov 2026",
        "Delete body measurements of Fri 20 Nov 2026",
    ]
    undo_stack.undo()
    assert _row(dialog, 0)[3] == "61"
    undo_stack.undo()
    assert _row(dialog, 0)[3] == ""
    undo_stack.undo()
    assert dialog.model.rowCount() == 0
    undo_stack.redo()
    assert _row(dialog, 0) == ["Fri 20 Nov 2026", "81.5", "104", ""]


def test_a_bad_value_keeps_its_text_marks_its_field_and_says_why(
    qtbot: Any, dialog: BodyDialog, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    _fill(dialog, date(2026, 11, 20), "7o")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible()
    assert "Bodyweight: '7o' is not a number." in dialog.message.text()
    assert dialog.bodyweight_edit.text() == "7o" and is_marked_invalid(dialog.bodyweight_edit)
    _fill(dialog, date(2026, 11, 20), "81", "300")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Hip circumference: must be from 20 to 250 cm, not 300." in dialog.message.text()
    assert is_marked_invalid(dialog.hip_edit) and dialog.hip_edit.text() == "300"
    assert body.list_measurements(ctx) == [] and undo_stack.count() == 0


def test_a_refusal_names_the_field_in_german_and_marks_it(
    qtbot: Any, ctx: AppContext, events: Any, undo_stack: QUndoStack
) -> None:
    set_language("de")  # tests/conftest.py puts the language back afterwards
    dialog = BodyDialog(ctx, events, undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, date(2026, 11, 20), "7o")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Körpergewicht: „7o“ ist keine Zahl." in dialog.message.text()
    assert is_marked_invalid(dialog.bodyweight_edit)
    _fill(dialog, date(2026, 11, 20), "81", "", "300,5")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert (
        "Oberschenkelumfang: muss zwischen 20 und 250 cm liegen, nicht 300,5."
        in dialog.message.text()
    )
    assert is_marked_invalid(dialog.thigh_edit) and dialog.thigh_edit.text() == "300,5"
    assert body.list_measurements(ctx) == [] and undo_stack.count() == 0


def test_a_second_entry_on_a_day_is_refused_with_a_message(
    qtbot: Any, dialog: BodyDialog, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    _fill(dialog, date(2026, 11, 20), "81")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    _fill(dialog, date(2026, 11, 20), "80")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "There is an entry on Fri 20 Nov 2026 already" in dialog.message.text()
    assert undo_stack.count() == 1 and len(body.list_measurements(ctx)) == 1


def test_lb_shows_and_takes_inches(
    qtbot: Any, ctx: AppContext, events: Any, undo_stack: QUndoStack
) -> None:
    settings_store.save(ctx, replace(ctx.settings(), unit=Unit.LB))
    dialog = BodyDialog(ctx, events, undo_stack)
    qtbot.addWidget(dialog)
    header = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert header == ["Date", "Bodyweight (lb)", "Hip (in)", "Thigh (in)"]
    _fill(dialog, date(2026, 11, 20), "180", "41", "24")
    dialog.add_entry()
    (entry,) = body.list_measurements(ctx)
    assert entry.hip_cm == pytest.approx(104.14)
    assert _row(dialog, 0) == ["Fri 20 Nov 2026", "180", "41", "24"]


def test_an_entry_added_in_the_dialog_changes_the_next_suggestion(
    dialog: BodyDialog, ctx: AppContext
) -> None:
    """The latest bodyweight feeds the bodyweight share: at 25 kg, the next pair of dumbbells
    on a step-up is a large jump (at the reference 70 kg it is not)."""
    for day in (16, 18):
        training_log.log_sets(
            ctx,
            [SetEntry("step-up", n, 15, 6.0) for n in (1, 2, 3)],
            datetime(2026, 11, day, 18),
        )
    as_of = datetime(2026, 11, 21, 12)
    before = plan.suggest_exercise(ctx, "step-up", as_of)
    assert before is not None and before.load_kg == 8.0
    _fill(dialog, date(2026, 11, 20), "25")
    dialog.add_entry()
    after = plan.suggest_exercise(ctx, "step-up", as_of)
    assert after is not None and (after.rule, after.load_kg) == ("add-reps", 6.0)
