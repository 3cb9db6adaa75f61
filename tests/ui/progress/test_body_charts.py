"""The Body tab of Progress: bodyweight from entries and sessions, hip and thigh below, lines
broken across long gaps, the range honoured, and an empty state that says how to add one."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from hiplog.domain.units import Unit
from hiplog.services import body, training_log
from hiplog.services.charts import ChartRange
from hiplog.services.context import AppContext
from hiplog.ui.progress.chart_items import stamp
from hiplog.ui.progress.progress_view import BODY_EMPTY_TEXT, BODY_TAB, ProgressView

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: Any, ctx: AppContext, events: Any, undo_stack: Any) -> ProgressView:
    widget = ProgressView(ctx, events, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _xy(item: Any) -> tuple[list[float], list[float]]:
    x, y = item.getData()
    return [float(v) for v in x], [float(v) for v in y]


def test_no_measurement_says_how_to_add_one(view: ProgressView) -> None:
    view.mode.setCurrentIndex(BODY_TAB)
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text() == BODY_EMPTY_TEXT
    assert "Edit > Body measurements" in BODY_EMPTY_TEXT


def test_bodyweight_joins_entries_and_sessions_and_breaks_across_gaps(
    view: ProgressView, ctx: AppContext, events: Any
) -> None:
    today = date.today()
    long_ago = datetime.combine(today - timedelta(days=600), datetime.min.time())
    training_log.create_session(ctx, long_ago.replace(hour=18), bodyweight_kg=84.0)
    training_log.create_session(ctx, long_ago + timedelta(days=7, hours=18), bodyweight_kg=83.5)
    for back, kg, hip in ((40, 82.0, None), (20, 81.5, 105.0), (10, 81.0, 104.0)):
        entry = body.from_input(today - timedelta(days=back), kg, hip, None, Unit.KG)
        body.add_measurement(ctx, entry)
    events.body_changed.emit()
    view.range_box.setCurrentIndex(view.range_box.findData(ChartRange.ALL))
    view.mode.setCurrentIndex(BODY_TAB)
    charts = view.body_charts
    assert view.stack.currentWidget() is charts
    _xs, ys = _xy(charts.items["Bodyweight"])
    assert [y for y in ys if not math.isnan(y)] == [84.0, 83.5, 82.0, 81.5, 81.0]
    assert sum(math.isnan(y) for y in ys) == 1  # no line across the 550 days without data
    _hx, hip = _xy(charts.items["Hip"])
    assert hip == [105.0, 104.0]
    assert charts.items["Thigh"].getData()[0] is None  # none measured: an empty plot
    assert "Thigh: none measured yet" in charts.thigh_plot.titleLabel.text
    # 4 weeks: only the last two entries are in view, and the y axis fits them
    view.range_box.setCurrentIndex(view.range_box.findData(ChartRange.WEEKS_4))
    low, high = charts.weight_plot.viewRange()[1]
    assert 80.5 < low < 81.0 and 81.5 < high < 82.0
    left, _right = charts.weight_plot.viewRange()[0]
    assert left > stamp(today - timedelta(days=30))
    _xs, ys = _xy(charts.items["Bodyweight"])
    assert ys == [81.5, 81.0]  # only the points in range are drawn: no line from off-chart


def test_lb_draws_pounds_and_inches(view: ProgressView, ctx: AppContext, events: Any) -> None:
    from dataclasses import replace

    from hiplog.services import settings_store

    body.add_measurement(ctx, body.from_input(date(2026, 11, 1), 80.0, 101.6, None, Unit.KG))
    settings_store.save(ctx, replace(ctx.settings(), unit=Unit.LB))
    events.settings_changed.emit()
    view.mode.setCurrentIndex(BODY_TAB)
    _x, weight = _xy(view.body_charts.items["Bodyweight"])
    _x, hip = _xy(view.body_charts.items["Hip"])
    assert weight == [pytest.approx(176.37, abs=0.01)] and hip == [pytest.approx(40.0)]


def test_the_button_asks_for_the_dialog(qtbot: Any, view: ProgressView, events: Any) -> None:
    with qtbot.waitSignal(events.body_dialog_requested, timeout=1000):
        view.body_button.click()
