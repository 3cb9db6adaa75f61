"""Dates outside what a training log holds (1900-2100) are refused where they enter, and every
view survives the ones already in a file (written there by another tool)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from hiplog.cli import main
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.main_window import VIEW_NAMES, MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def odd_dates(tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "hiplog.db"
    ctx = AppContext.open_path(path)
    entry = SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=60.0)
    for day in (1, 2, 3):
        training_log.log_sets(ctx, [entry], datetime(2026, 1, day, 18, 0))
    ctx.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sessions SET started_at = '0001-01-01 00:00:00.000000' WHERE id = 1")
    conn.execute("UPDATE sessions SET started_at = '9999-12-31 23:59:59.000000' WHERE id = 2")
    conn.commit()
    conn.close()
    ctx = AppContext.open_path(path)
    yield ctx
    ctx.close()


def test_every_view_survives_dates_of_year_1_and_9999_stored_in_the_file(
    qtbot: QtBot, odd_dates: AppContext, ui_settings: QSettings
) -> None:
    window = MainWindow(odd_dates, ui_settings)
    try:
        window.show()
        for name in VIEW_NAMES:
            window.nav.setCurrentRow(VIEW_NAMES.index(name))
            qtbot.wait(50)
            assert window.current_view_name() == name
    finally:
        window.close()
        Shiboken.delete(window)


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "glute-bridge", "x10", "--date", "0001-01-01"],
        ["log", "glute-bridge", "x10", "--date", "9999-12-31T23:59:59"],
        ["suggest", "--date", "0001-01-01"],
    ],
)
def test_the_command_line_refuses_dates_outside_1900_to_2100(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "h.db"), *argv]) == 2
    assert "between 1900 and 2100" in capsys.readouterr().err


def test_an_import_refuses_a_date_outside_1900_to_2100(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "old.csv"
    csv.write_text(
        "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
        "0001-01-01T00:00,barbell-hip-thrust,1,60,10,,0,,,,,\n"
    )
    assert main(["--db", str(tmp_path / "h.db"), "import", str(csv)]) == 2
    assert "between 1900 and 2100" in capsys.readouterr().err
