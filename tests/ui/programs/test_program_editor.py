"""The program editor: each change is one undoable command, by keyboard or by button."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests.ui.keyboard import press, show_for_typing

from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.programs.entries_model import HIGH, LOW, SETS
from hiplog.ui.programs.program_editor import ProgramEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> Iterator[ProgramEditor]:
    dialog = ProgramEditor(ctx, events, undo_stack)
    qtbot.addWidget(dialog)
    show_for_typing(qtbot, dialog, 1100, 560)
    yield dialog
    dialog.close()


def _mine(editor: ProgramEditor, undo_stack: QUndoStack) -> str:
    """A copy of the first starter, selected; the stack holds that one command."""
    editor.select_program("Bodyweight at home")
    editor.duplicate_button.click()
    assert undo_stack.count() == 1
    return "Bodyweight at home"


def _days(ctx: AppContext, name: str) -> list[str]:
    return [d.name for d in programs.find_program(ctx, name).days]


def _entries(ctx: AppContext, name: str, day: int = 0) -> list[str]:
    return [e.slug for e in programs.find_program(ctx, name).days[day].entries]


def test_starters_are_listed_and_cannot_be_changed_in_place(editor: ProgramEditor) -> None:
    texts = [editor.program_list.item(i).text() for i in range(editor.program_list.count())]
    assert texts == [
        "Bodyweight at home (starter)",
        "Home with kettlebells (starter)",
        "Gym with a barbell (starter)",
    ]
    assert not editor.add_day_button.isEnabled()
    assert not editor.model.flags(editor.model.index(0, SETS)) & Qt.ItemFlag.ItemIsEditable
    assert "bridge" in editor.about_label.text()


def test_copy_a_starter_then_undo_removes_the_copy(
    editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    name = _mine(editor, undo_stack)
    assert programs.find_program(ctx, name).starter is False
    assert editor.current is not None and not editor.current.starter
    undo_stack.undo()
    assert programs.own_programs(ctx) == []


def test_days_by_keyboard_each_one_command(
    qtbot: QtBot, editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    name = _mine(editor, undo_stack)
    editor.day_list.setFocus()
    editor.day_list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Insert)
    assert _days(ctx, name) == ["Day A", "Day B", "Day C"]
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # Day C moves up
    assert _days(ctx, name) == ["Day A", "Day C", "Day B"]
    assert editor.day_list.currentRow() == 1
    press(qtbot, Qt.Key.Key_Delete)
    assert _days(ctx, name) == ["Day A", "Day B"]
    assert undo_stack.count() == 4
    undo_stack.undo()
    assert _days(ctx, name) == ["Day A", "Day C", "Day B"]
    undo_stack.undo()
    undo_stack.undo()
    assert _days(ctx, name) == ["Day A", "Day B"]


def test_entries_add_move_edit_remove(
    qtbot: QtBot, editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    name = _mine(editor, undo_stack)
    editor.day_list.setCurrentRow(0)
    editor.add_combo.setCurrentIndex(editor.add_combo.findText("Romanian deadlift (barbell)"))
    editor.add_entry_button.click()
    qtbot.waitUntil(lambda: _entries(ctx, name)[-1] == "romanian-deadlift")
    assert editor.table.currentIndex().row() == 3
    editor.table.setFocus()
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _entries(ctx, name) == ["bird-dog", "glute-bridge", "romanian-deadlift", "step-up"]
    model = editor.model
    assert model.setData(model.index(2, HIGH), 10)
    assert model.setData(model.index(2, LOW), 6)
    assert model.setData(model.index(2, SETS), 4)
    qtbot.waitUntil(lambda: programs.find_program(ctx, name).days[0].entries[2].sets == 4)
    entry = programs.find_program(ctx, name).days[0].entries[2]
    assert (entry.sets, entry.rep_range) == (4, (6, 10))
    editor.table.setCurrentIndex(model.index(2, 0))
    press(qtbot, Qt.Key.Key_Delete)
    assert "romanian-deadlift" not in _entries(ctx, name)
    texts = [undo_stack.text(i) for i in range(1, undo_stack.count())]
    assert texts[0].startswith("Add Romanian deadlift (barbell)")
    assert len(texts) == 6  # add, move, three cells, remove: one command each
    for _ in texts:
        undo_stack.undo()
    assert _entries(ctx, name) == ["bird-dog", "glute-bridge", "step-up"]


def test_rename_duplicate_delete_and_a_taken_name(
    editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    name = _mine(editor, undo_stack)
    editor.rename_program("Home days")
    assert [p.name for p in programs.own_programs(ctx)] == ["Home days"]
    editor.duplicate_button.click()
    assert [p.name for p in programs.own_programs(ctx)] == ["Home days", "Home days copy"]
    editor.rename_program("Home days")
    assert "already a program called 'Home days'" in editor.message.text()
    editor.delete_button.click()
    assert [p.name for p in programs.own_programs(ctx)] == ["Home days"]
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()
    assert [p.name for p in programs.own_programs(ctx)] == [name]


def test_follow_and_stop_are_undoable(
    editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    editor.select_program("Home with kettlebells")
    editor.follow_button.click()
    run = programs.active_run(ctx)
    assert run is not None and run.program == "Home with kettlebells"
    assert "(following)" in editor.program_list.currentItem().text()
    editor.stop_button.click()
    assert programs.active_run(ctx) is None
    undo_stack.undo()
    again = programs.active_run(ctx)
    assert again is not None and again.started_at == run.started_at
    undo_stack.undo()
    assert programs.active_run(ctx) is None
    assert programs.own_programs(ctx) == []  # the copy made by following goes too


def test_undoing_the_delete_of_the_followed_program_follows_it_again(
    editor: ProgramEditor, ctx: AppContext, undo_stack: QUndoStack
) -> None:
    editor.select_program("Gym with a barbell")
    editor.follow_button.click()
    run = programs.active_run(ctx)
    editor.select_program("Gym with a barbell")
    editor.delete_button.click()
    assert programs.active_run(ctx) is None
    undo_stack.undo()
    assert programs.active_run(ctx) == run
