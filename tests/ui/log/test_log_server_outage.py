"""The server goes away while a person logs (issue 17, item 6): the set stays in the editor,
unsaved, with the reason; once the server is back, "Try saving again" saves it, once. Also when
the server committed the set and only its answer was lost: saving again adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from tests import pg_cluster
from tests.lost_acknowledgement import next_commit_unacknowledged
from tests.ui.keyboard import show_for_typing, type_set
from tests.ui.log.test_log_view import current_model

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.storage import session_repo
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.log.log_view import LogView

pytestmark = pytest.mark.gui


def _sets(ctx: AppContext) -> list[SetEntry]:
    with ctx.db.reader() as tx:
        return [e for s in session_repo.sessions_between(tx, None, None) for e in s.sets]


def _logging_hip_thrusts(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, undo_stack: QUndoStack
) -> LogView:
    """The Log on ctx, shown for typing, on barbell hip thrusts."""
    view = LogView(ctx, events, undo_stack)
    qtbot.addWidget(view)
    show_for_typing(qtbot, view, 1100, 600)
    view.show_exercise("barbell-hip-thrust")
    return view


def test_a_set_logged_while_the_server_is_away_is_kept_and_saved_once_it_is_back(
    qtbot: QtBot,
    own_server: pg_cluster.Cluster,
    tmp_path: Path,
    events: DataEvents,
    undo_stack: QUndoStack,
) -> None:
    ctx = AppContext.open_url(own_server.url("hiplog"), local=tmp_path / "local.db")
    try:
        view = _logging_hip_thrusts(qtbot, ctx, events, undo_stack)
        type_set(qtbot, "60", "12")
        qtbot.waitUntil(lambda: len(_sets(ctx)) == 1)

        own_server.pause()
        type_set(qtbot, "62.5", "10")
        qtbot.waitUntil(lambda: "connection to the server was lost" in view.message_text())
        assert "Try saving again" in view.message_text()
        assert view.retry_button.isVisibleTo(view)
        assert "hunter" not in view.message_text()

        own_server.resume()
        qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.message_text() == "")
        assert [(s.load_kg, s.reps) for s in _sets(ctx)] == [(60.0, 12), (62.5, 10)]
    finally:
        ctx.close()


def test_a_set_whose_commit_landed_unheard_stays_unsaved_and_saving_again_adds_it_once(
    qtbot: QtBot,
    pg_url: str,
    tmp_path: Path,
    events: DataEvents,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    try:
        view = _logging_hip_thrusts(qtbot, ctx, events, undo_stack)
        with next_commit_unacknowledged(ctx, pg_url, monkeypatch) as cut:
            type_set(qtbot, "60", "12")
            qtbot.waitUntil(lambda: "lost as the change was committed" in view.message_text())
        assert cut  # the server has the set; this window was told the connection went
        assert len(_sets(ctx)) == 1
        kept = current_model(view).row_at(0)
        assert (kept.load_kg, kept.reps, kept.saved) == (60.0, 12, False)
        assert view.retry_button.isVisibleTo(view) and undo_stack.count() == 0

        qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.message_text() == "")
        assert [(s.load_kg, s.reps) for s in _sets(ctx)] == [(60.0, 12)]
        shown = current_model(view).row_at(0)
        assert shown.saved and shown.set_id == _sets(ctx)[0].id
        assert undo_stack.count() == 1
        undo_stack.undo()  # the one set goes, and no second one is left behind
        assert _sets(ctx) == []
    finally:
        ctx.close()


def test_sets_not_saved_yet_stay_when_another_computer_adds_to_the_session(
    qtbot: QtBot,
    own_server: pg_cluster.Cluster,
    tmp_path: Path,
    events: DataEvents,
    undo_stack: QUndoStack,
) -> None:
    """The session is read again when another computer adds to it (the window hears of it by
    NOTIFY and says sessions_changed): the set that could not be saved stays in the editor,
    unsaved, and is saved, once, when the person tries again."""
    url = own_server.url("hiplog")
    ctx = AppContext.open_url(url, local=tmp_path / "local.db")
    other = AppContext.open_url(url, local=tmp_path / "other.db")
    try:
        view = _logging_hip_thrusts(qtbot, ctx, events, undo_stack)
        type_set(qtbot, "60", "12")
        qtbot.waitUntil(lambda: len(_sets(ctx)) == 1)
        own_server.pause()
        type_set(qtbot, "62.5", "10")
        qtbot.waitUntil(lambda: "connection to the server was lost" in view.message_text())
        own_server.resume()

        with other.db.reader() as tx:
            (session,) = session_repo.sessions_between(tx, None, None)
        assert session.id is not None
        training_log.add_set(other, session.id, SetEntry("glute-bridge", 1, 15))
        events.sessions_changed.emit()  # what the server's NOTIFY makes the window do

        assert view.exercise_list.slugs() == ["barbell-hip-thrust", "glute-bridge"]
        assert view.exercise_list.current_slug() == "barbell-hip-thrust"
        rows = current_model(view).rows()
        assert [(r.load_kg, r.reps, r.saved) for r in rows if r.reps is not None] == [
            (60.0, 12, True),
            (62.5, 10, False),
        ]
        qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.message_text() == "")
        assert sorted((s.exercise, s.load_kg, s.reps) for s in _sets(ctx)) == [
            ("barbell-hip-thrust", 60.0, 12),
            ("barbell-hip-thrust", 62.5, 10),
            ("glute-bridge", None, 15),
        ]
    finally:
        other.close()
        ctx.close()


def test_a_set_that_landed_unheard_is_not_shown_twice_when_the_session_is_read_again(
    qtbot: QtBot,
    pg_url: str,
    tmp_path: Path,
    events: DataEvents,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    try:
        view = _logging_hip_thrusts(qtbot, ctx, events, undo_stack)
        type_set(qtbot, "60", "12")
        qtbot.waitUntil(lambda: len(_sets(ctx)) == 1)
        with next_commit_unacknowledged(ctx, pg_url, monkeypatch) as cut:
            type_set(qtbot, "62.5", "10")
            qtbot.waitUntil(lambda: "lost as the change was committed" in view.message_text())
        assert cut and len(_sets(ctx)) == 2

        events.sessions_changed.emit()  # another computer's commit, say

        rows = [r for r in current_model(view).rows() if r.reps is not None]
        assert [(r.load_kg, r.reps, r.saved) for r in rows] == [(60.0, 12, True), (62.5, 10, True)]
        assert len(_sets(ctx)) == 2
    finally:
        ctx.close()
