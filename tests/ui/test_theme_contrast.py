"""WCAG 2.1 contrast in the light and the dark theme: text 4.5:1 against its background and the
borders of controls 3:1, over the palette of every widget of every view (and the settings
dialog), and in pixels for a text field and a check box as they are drawn."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from tests.ui.past_sessions import add_past_session

from hiplog.services.context import AppContext
from hiplog.ui.app import open_window
from hiplog.ui.common.bordered_style import control_border
from hiplog.ui.common.contrast import MIN_CONTRAST, TEXT_CONTRAST, contrast, over
from hiplog.ui.main_window import VIEW_NAMES, MainWindow
from hiplog.ui.settings.settings_dialog import SettingsDialog
from hiplog.ui.theme import TEXT_PAIRS, apply_theme

pytestmark = pytest.mark.gui

THEMES = ("light", "dark")
_R = QPalette.ColorRole
_ACTIVE = QPalette.ColorGroup.Active


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    apply_theme(request.param)
    try:
        yield str(request.param)
    finally:
        apply_theme("system")


def _palette_problems(where: str, palette: QPalette) -> list[str]:
    problems = []
    for text, backgrounds in TEXT_PAIRS:
        for background in backgrounds:
            bg = palette.color(_ACTIVE, background)
            ratio = contrast(over(palette.color(_ACTIVE, text), bg), bg)
            if ratio < TEXT_CONTRAST:
                problems.append(f"{where}: {text.name} on {background.name} {ratio:.2f}")
    border = control_border(palette)
    for background in (_R.Base, _R.Window, _R.Button):
        ratio = contrast(border, palette.color(_ACTIVE, background))
        if ratio < MIN_CONTRAST:
            problems.append(f"{where}: control border on {background.name} {ratio:.2f}")
    return problems


def _label_problem(where: str, label: QLabel) -> str | None:
    """A label's own text colour (a grey hint, a disabled look) against what is behind it."""
    group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
    behind: QWidget | None = label
    while behind is not None and not behind.autoFillBackground():
        behind = behind.parentWidget()
    bg_role = behind.backgroundRole() if behind is not None else _R.Window
    palette = label.palette()
    bg = palette.color(group, bg_role)
    ratio = contrast(over(palette.color(group, label.foregroundRole()), bg), bg)
    if ratio < TEXT_CONTRAST:
        return f"{where}: label {label.text()[:40]!r} {ratio:.2f}"
    return None


def _widget_problems(name: str, root: QWidget) -> list[str]:
    problems = _palette_problems(name, root.palette())
    seen: set[int] = {root.palette().cacheKey()}
    for child in root.findChildren(QWidget):
        if not child.isVisible():
            continue
        where = f"{name} {type(child).__name__} {child.objectName()}".strip()
        if child.palette().cacheKey() not in seen:
            seen.add(child.palette().cacheKey())
            problems += _palette_problems(where, child.palette())
        if isinstance(child, QLabel) and child.text():
            problem = _label_problem(where, child)
            if problem:
                problems.append(problem)
    return problems


def _window(ctx: AppContext, tmp_path: Path) -> MainWindow:
    ui = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    args = argparse.Namespace(view="log", exercise=None, db=None)
    window = open_window(ctx, args, ui)
    window.resize(1200, 800)
    window.show()
    return window


def test_every_view_passes_in_both_themes(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, theme: str
) -> None:
    sets: list[tuple[str, float | None, int]] = [("barbell-hip-thrust", 60.0, 10)] * 3
    sets += [("glute-bridge", None, 15)] * 3
    for days in (10, 7, 3):
        add_past_session(ctx, days, sets)
    window = _window(ctx, tmp_path)
    try:
        dark = window.palette().color(_R.Window).lightnessF() < 0.5
        assert dark == (theme == "dark")
        problems: list[str] = []
        for name in VIEW_NAMES:
            window.open_view(name)
            QApplication.processEvents()
            problems += _widget_problems(name, window)
        dialog = SettingsDialog(ctx, window.events, window)
        dialog.show()
        problems += _widget_problems("settings", dialog)
        dialog.close()
        assert problems == []
    finally:
        window.close()
        Shiboken.delete(window)


def _grab(widget: QWidget) -> QImage:
    widget.resize(160, 32)
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def _strongest_edge(image: QImage, background: QColor, xs: range, y: int) -> float:
    return max(contrast(QColor(image.pixel(x, y)), background) for x in xs)


def test_text_fields_and_check_boxes_have_visible_borders(qtbot: QtBot, theme: str) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    edit = QLineEdit(page)
    palette = edit.palette()
    image = _grab(edit)
    field = QColor(image.pixel(80, 16))
    assert contrast(field, palette.color(_R.Base)) < 1.05  # the middle is the field itself
    # the left edge, from outside the frame into the field
    assert _strongest_edge(image, field, range(0, 4), 16) >= MIN_CONTRAST
    box = QCheckBox("Warm-up", page)
    image = _grab(box)
    window = palette.color(_R.Window)
    indicator = range(0, 8)  # the box's left edge
    assert _strongest_edge(image, window, indicator, image.height() // 2) >= MIN_CONTRAST


def test_selected_items_are_light_text_on_a_dark_enough_highlight(theme: str) -> None:
    palette = QApplication.palette()
    text, highlight = palette.color(_R.HighlightedText), palette.color(_R.Highlight)
    assert text.lightnessF() > 0.9  # white, not dark text on blue
    assert contrast(text, highlight) >= TEXT_CONTRAST
