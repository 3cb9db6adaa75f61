"""The import dialog keeps its summary once a file is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.files.import_dialog import ImportDialog

pytestmark = pytest.mark.gui

STRONG_KG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE,Weight Unit\n"
    '2026-10-01 18:00:00,"Glutes",1h,"Hip Thrust (Barbell)",1,60,10,0,0,"","",,kg\n'
    '2026-10-01 18:00:00,"Glutes",1h,"Hip Thrust (Barbell)",2,60,9,0,0,"","",,kg\n'
)


def test_the_summary_stays_when_the_file_box_loses_focus_after_the_import(
    qtbot: QtBot, ctx: AppContext, events: DataEvents, tmp_path: Path
) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(STRONG_KG, encoding="utf-8")
    dialog = ImportDialog(ctx, events)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(source)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.summary is not None
    summary = dialog.preview.toPlainText()
    assert "imported 2 sets" in summary
    dialog.path_edit.editingFinished.emit()  # what leaving the file box does
    assert dialog.preview.toPlainText() == summary
