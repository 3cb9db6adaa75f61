"""A second start on the same database brings the first window forward instead of opening."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiplog.ui.single_instance import SingleInstance, server_name

pytestmark = pytest.mark.gui


def test_the_second_claim_on_a_database_asks_the_first_to_come_forward(
    qtbot: QtBot, tmp_path: Path
) -> None:
    database = tmp_path / "hiplog.db"
    first, second = SingleInstance(), SingleInstance()
    try:
        assert first.claim(database)
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not second.claim(database)
    finally:
        first.release()
        second.release()


def test_windows_on_different_databases_do_not_interfere(qtbot: QtBot, tmp_path: Path) -> None:
    first, second = SingleInstance(), SingleInstance()
    try:
        assert first.claim(tmp_path / "a.db")
        assert second.claim(tmp_path / "b.db")
    finally:
        first.release()
        second.release()


def test_after_the_first_window_closes_a_new_one_may_open(qtbot: QtBot, tmp_path: Path) -> None:
    database = tmp_path / "hiplog.db"
    first = SingleInstance()
    assert first.claim(database)
    first.release()
    later = SingleInstance()
    try:
        assert later.claim(database)
    finally:
        later.release()


def test_the_name_is_the_same_for_the_same_file_however_it_is_written(tmp_path: Path) -> None:
    database = tmp_path / "hiplog.db"
    assert server_name(database) == server_name(tmp_path / "sub" / ".." / "hiplog.db")
    assert server_name(database) != server_name(tmp_path / "other.db")
