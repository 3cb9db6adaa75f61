"""The one command base: runs when pushed, reports errors one way, and the id map."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from hiplog.domain.errors import InputError
from hiplog.ui.common.undo_support import IdMap, ServiceCommand, push, undo_notices

pytestmark = pytest.mark.gui


class Counter(ServiceCommand):
    """Adds one to a list's only item; can be told to fail on the next run."""

    def __init__(self, box: list[int]) -> None:
        super().__init__("count")
        self.box = box
        self.fail_with: Exception | None = None

    def _fail(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def apply(self) -> None:
        self._fail()
        self.box[0] += 1

    def revert(self) -> None:
        self._fail()
        self.box[0] -= 1


def test_a_pushed_command_runs_once_and_undo_and_redo_reverse_it(
    qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    box = [0]
    assert push(undo_stack, Counter(box)) is None
    assert box == [1] and undo_stack.count() == 1
    undo_stack.undo()
    assert box == [0]
    undo_stack.redo()
    assert box == [1]


@pytest.mark.parametrize("error", [InputError("no"), OSError(28, "No space left on device")])
def test_a_refused_first_run_is_returned_and_nothing_is_pushed(
    qtbot: QtBot, undo_stack: QUndoStack, error: Exception
) -> None:
    box = [0]
    command = Counter(box)
    command.fail_with = error
    assert push(undo_stack, command) is error
    assert box == [0] and undo_stack.count() == 0


def test_a_refused_undo_is_announced_once_with_what_and_why(
    qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    box = [0]
    command = Counter(box)
    push(undo_stack, command)
    heard: list[str] = []
    undo_notices(undo_stack).refused.connect(heard.append)
    command.fail_with = InputError("the set is gone.")
    undo_stack.undo()
    assert heard == ["Could not undo count: the set is gone."]
    assert box == [1]


def test_an_unexpected_error_is_not_swallowed(qtbot: QtBot) -> None:
    command = Counter([0])
    command.fail_with = KeyError("bug")
    with pytest.raises(KeyError):
        command.redo()


def test_the_id_map_follows_a_row_put_back_twice() -> None:
    ids = IdMap()
    ids.moved_set(1, 5)
    ids.moved_set(5, 9)
    ids.moved_session(3, 4)
    assert (ids.set_id(1), ids.set_id(5), ids.set_id(2)) == (9, 9, 2)
    assert ids.session_id(3) == 4
    ids.moved_set(9, 9)  # back where it was: no loop
    assert ids.set_id(9) == 9
