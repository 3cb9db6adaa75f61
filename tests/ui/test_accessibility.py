"""Issue 18 item 4: every view and dialog, on a database holding a real export, can be used with
a screen reader and the keyboard alone. Every control says what it is (its text, an accessible
name or a label that is its buddy); Tab follows reading order; whatever has the focus shows it,
in the light and the dark theme; the charts describe in numbers what they show, and follow the
range and the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui import accessibility_audit as audit
from tests.ui.every_window import REAL_EXPORT, every_window, filled_window, settle

from hiplog.services.charts import ChartRange
from hiplog.ui.common.bordered_style import focus_colour
from hiplog.ui.common.contrast import MIN_CONTRAST, contrast
from hiplog.ui.common.reading_order import tab_buttons_in_reading_order
from hiplog.ui.main_window import MainWindow
from hiplog.ui.progress.progress_view import WEEKLY_TAB
from hiplog.ui.theme import apply_theme

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not REAL_EXPORT.is_file(), reason="../shared/formats is not beside"),
]

#: Every screen the walker must reach (a screen it stops reaching fails here, not silently).
SCREENS = {
    "view/log",
    "view/plan",
    "view/progress",
    "view/progress/compare",
    "view/progress/weekly",
    "view/progress/body",
    "view/history",
    "view/exercises",
    "dialog/import",
    "dialog/restore",
    "dialog/backed-up",
    "dialog/session-editor",
    "dialog/settings/General",
    "dialog/settings/Equipment",
    "dialog/settings/Exercises",
    "dialog/exercise-new",
    "dialog/exercise-edit",
    "dialog/exercise-map",
    "dialog/programs",
    "dialog/body-measurements",
    "dialog/shortcuts",
    "dialog/about",
    "dialog/error-report",
    "dialog/database-problem",
    "dialog/athlete-new",
    "dialog/athlete-rename",
    "dialog/athletes",
    "dialog/athlete-refused",
    "window/athletes",
}


RING_TOLERANCE = 24  # per colour channel: the ring's pixels, antialiased corners aside


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with filled_window(tmp_path) as shown:
        yield shown


def test_every_view_and_dialog_names_its_controls_and_tabs_in_reading_order(
    window: MainWindow,
) -> None:
    problems: dict[str, list[str]] = {}
    seen = set()
    tab_stops = 0
    for name, widget in every_window(window):
        seen.add(name)
        chain = audit.focus_chain(widget)
        tab_stops += len(chain)
        found = audit.unnamed(widget) + audit.labels_without_buddy(widget)
        found += audit.tab_order_breaks(widget)
        if not chain:
            found.append("Tab reaches nothing")
        if found:
            problems[name] = found
    # the window's own parts around the views: the list of views
    window.open_view("log")
    settle()
    found = audit.unnamed(window) + audit.tab_order_breaks(window)
    if found:
        problems["window"] = found
    assert seen == SCREENS
    assert problems == {}
    assert tab_stops > 5 * len(SCREENS)  # the chains were really walked


# --- the focus is visible ------------------------------------------------------------------


def _pixels(image: QImage) -> np.ndarray:
    """An image's pixels as (height, width, 3) RGB."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return raw[:, : width * 4].reshape(height, width, 4)[:, :, 2::-1].astype(int)


def _edge_band(shape: tuple[int, ...], rect: QRect, width: int = 3) -> np.ndarray:
    """A mask of the pixels within `width` of the rectangle's edge, inside and out."""
    band = np.zeros(shape[:2], bool)
    top, left = max(rect.top() - width, 0), max(rect.left() - width, 0)
    band[top : rect.bottom() + width + 1, left : rect.right() + width + 1] = True
    inner_top, inner_left = rect.top() + width, rect.left() + width
    band[inner_top : rect.bottom() - width + 1, inner_left : rect.right() - width + 1] = False
    return band


def ring_pixels(top: QWidget, widget: QWidget, unfocused: np.ndarray) -> int:
    """How many pixels along `widget`'s edge turn the focus colour when Tab gives it focus."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    focused = _pixels(top.grab().toImage())
    ring = focus_colour(widget.palette())
    colour = np.array([ring.red(), ring.green(), ring.blue()])
    is_ring = np.abs(focused - colour).max(axis=2) <= RING_TOLERANCE
    was_ring = np.abs(unfocused - colour).max(axis=2) <= RING_TOLERANCE
    return int((is_ring & ~was_ring & _edge_band(focused.shape, audit.widget_rect(widget))).sum())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_whatever_has_the_focus_shows_it(window: MainWindow, theme: str) -> None:
    """Each Tab stop of every screen gets a ring of the focus colour (3:1 against the page, the
    field and a button) along at least two of its sides."""
    apply_theme(theme)
    try:
        palette = QApplication.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast(focus_colour(palette), palette.color(role)) >= MIN_CONTRAST
        hidden: dict[str, list[str]] = {}
        for name, widget in every_window(window):
            top = widget.window()
            focus = QApplication.focusWidget()
            if focus is not None:
                focus.clearFocus()
            settle()
            unfocused = _pixels(top.grab().toImage())
            missing = []
            for stop in audit.focus_chain(widget):
                rect = audit.widget_rect(stop)
                if ring_pixels(top, stop, unfocused) < 4 * min(rect.width(), rect.height()):
                    missing.append(audit.describe(stop))
            if missing:
                hidden[name] = missing
        assert hidden == {}
    finally:
        apply_theme("system")


# --- charts ------------------------------------------------------------------------------


def test_the_charts_describe_their_numbers_and_follow_range_and_data(
    window: MainWindow,
) -> None:
    window.open_view("progress", "barbell-hip-thrust")
    progress = window.progress_view
    settle()
    chart = progress.exercise_charts
    assert chart.accessibleName() == "Strength and volume chart"
    described = chart.accessibleDescription()
    # the export's four sessions of hip thrusts, in August 2024, in lb (the file's unit)
    assert described.startswith(
        "Barbell hip thrust, 4 sessions from Tue 06 Aug 2024 to Thu 22 Aug 2024: estimated "
        "one-rep max rose from 198 to 258 lb over 16 days"
    )
    progress.range_box.setCurrentIndex(progress.range_box.findData(ChartRange.WEEKS_4))
    assert chart.accessibleDescription() == "Barbell hip thrust: no sessions in this range."
    progress.mode.setCurrentIndex(WEEKLY_TAB)
    assert progress.weekly_charts.accessibleDescription() == "No hip sessions in this range."
    progress.range_box.setCurrentIndex(progress.range_box.findData(ChartRange.ALL))
    weekly = progress.weekly_charts.accessibleDescription()
    assert weekly.startswith("Hip sessions per week over 8 weeks from the week of Mon 22 Jul")
    assert "Hard sets per week on average: glute max" in weekly

    # a set logged today: the chart, drawn again when shown, says so
    window.open_view("log", "barbell-hip-thrust")
    model = window.log_view.current_model()
    assert model is not None
    model.setData(model.index(0, model.REPS), "10")
    progress.mode.setCurrentIndex(0)
    window.open_view("progress", "barbell-hip-thrust")
    settle()
    assert "5 sessions from Tue 06 Aug 2024 to " in chart.accessibleDescription()
    assert "personal record" in chart.accessibleDescription()


# --- the checks themselves ------------------------------------------------------------------


def test_the_audit_finds_an_unnamed_field_a_label_without_buddy_and_tab_going_back(
    qtbot: QtBot,
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout()
    bare = QLineEdit()
    form.addRow(QLabel("Load"), bare)  # a label widget: no buddy unless one is set
    named = QLineEdit()
    named.setAccessibleName("Reps")
    form.addRow("Reps", named)  # a text label: Qt makes it the buddy
    table = QTableView()
    spins = QHBoxLayout()
    low, high = QSpinBox(), QSpinBox()
    spins.addWidget(low)
    spins.addWidget(high)
    button = QPushButton("Save")
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(table)
    layout.addLayout(spins)
    layout.addWidget(button)
    QWidget.setTabOrder(high, low)  # right to left
    dialog.show()
    settle()

    unnamed = "\n".join(audit.unnamed(dialog))
    assert unnamed.count("no name") == 4  # the load, the table and both spin boxes
    assert "QTableView" in unnamed and "QSpinBox" in unnamed
    assert [f.split(" is ")[0] for f in audit.labels_without_buddy(dialog)] == ["label 'Load'"]
    assert len(audit.tab_order_breaks(dialog)) == 1


def test_tab_visits_a_button_row_as_it_is_drawn(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    box.addButton("Restore defaults", QDialogButtonBox.ButtonRole.ResetRole)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit())
    layout.addWidget(box)
    tab_buttons_in_reading_order(box)
    dialog.show()
    settle()
    chain = audit.focus_chain(dialog)
    assert isinstance(chain[0], QLineEdit)
    buttons = chain[1:]
    xs = [w.mapTo(dialog, w.rect().topLeft()).x() for w in buttons]
    assert len(buttons) == 3 and xs == sorted(xs)
    assert buttons[0].text() == "Restore defaults"  # drawn on the left
