"""The per-exercise and weekly charts do not invent trends: lines break across long gaps, only the
range chosen is drawn with its axes fitted, volume and counts start at zero, legends never
cover a data point, stacked plots line up, date labels never collide, and the charts scroll
rather than being cut off in a small window."""

from __future__ import annotations

import itertools
import math
from datetime import datetime, timedelta
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.charts import ChartRange
from hiplog.services.context import AppContext
from hiplog.ui.progress.chart_items import DAY, gap_limit, stamp, with_breaks
from hiplog.ui.progress.exercise_charts import ExerciseChartsWidget
from hiplog.ui.progress.progress_view import EXERCISE_TAB, WEEKLY_TAB, ProgressView
from hiplog.ui.progress.weekly_charts import WeeklyChartsWidget

pytestmark = pytest.mark.gui

BHT, GB = "barbell-hip-thrust", "glute-bridge"
NOW = datetime.now().replace(hour=18, minute=0, second=0, microsecond=0)
#: Two sessions in 2017, then nothing until a year ago; then three a week, with a three-month
#: hole from 20 to 8 weeks ago.
OLD = (datetime(2017, 3, 6, 18), datetime(2017, 3, 9, 18))
RECENT = [NOW - timedelta(days=d) for d in range(360, 0, -3) if not 56 <= d <= 140]


def _sessions(ctx: AppContext) -> None:
    for i, when in enumerate([*OLD, *RECENT]):
        load = 40 + (i % 30)
        sets = [SetEntry(exercise=BHT, order=n, reps=10, load_kg=load) for n in (1, 2, 3)]
        sets += [SetEntry(exercise=GB, order=n, reps=12 + i % 5) for n in (4, 5)]
        training_log.log_sets(ctx, sets, when=when)


@pytest.fixture
def view(qtbot: Any, ctx: AppContext, events: Any, undo_stack: Any) -> ProgressView:
    _sessions(ctx)
    widget = ProgressView(ctx, events, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pick(view: ProgressView, rng: ChartRange, *slugs: str) -> ExerciseChartsWidget:
    view.range_box.setCurrentIndex(view.range_box.findData(rng))
    view.show_exercise(slugs[0])
    if len(slugs) > 1:
        view._select_rows([view.model.row_of(s) for s in slugs])
        view._redraw()
    pg.QtWidgets.QApplication.processEvents()
    return view.exercise_charts


def _segments(item: pg.PlotDataItem) -> list[list[float]]:
    """The x values of each unbroken stretch of a line."""
    xs, ys = item.getData()
    out: list[list[float]] = [[]]
    for x, y in zip(xs, ys, strict=True):
        if math.isnan(y):
            out.append([])
        else:
            out[-1].append(float(x))
    return [s for s in out if s]


def test_gap_limit_is_four_weeks_or_three_usual_spacings_not_under_ten_days() -> None:
    every_2_days = [i * 2 * DAY for i in range(10)]
    assert gap_limit(every_2_days) == 10 * DAY  # 3 x 2 days, raised to the 10-day floor
    weekly = [i * 7 * DAY for i in range(10)]
    assert gap_limit(weekly) == 21 * DAY
    monthly = [i * 30 * DAY for i in range(10)]
    assert gap_limit(monthly) == 28 * DAY
    _xs, ys = with_breaks([0, 7 * DAY, 14 * DAY, 60 * DAY], [1.0, 2.0, 3.0, 4.0])
    assert [y for y in ys if math.isnan(y)] != [] and ys.index(4.0) == 4


def test_lines_break_across_years_and_empty_months(view: ProgressView) -> None:
    charts = _pick(view, ChartRange.ALL, BHT)
    for item in (charts.strength_items[BHT], charts.top_load_items[BHT], charts.volume_items[BHT]):
        segments = _segments(item)
        assert len(segments) == 3  # 2017; a year ago to 20 weeks ago; 8 weeks ago to now
        assert segments[0] == [stamp(w) for w in OLD]
        assert segments[1][-1] < stamp(NOW - timedelta(days=140))
        assert segments[2][0] > stamp(NOW - timedelta(days=56))


@pytest.mark.parametrize("rng", [ChartRange.WEEKS_4, ChartRange.MONTHS_3, ChartRange.YEAR])
def test_a_range_draws_only_its_sessions_with_the_axes_fitted(
    view: ProgressView, rng: ChartRange
) -> None:
    charts = _pick(view, rng, BHT)
    start = view.range_start()
    assert start is not None
    xs, ys = charts.strength_items[BHT].getData()
    assert min(xs) >= stamp(start)  # no line comes in from off the chart
    (x0, x1), (y0, y1) = charts.strength_plot.viewRange()
    assert x0 <= stamp(start) + DAY and x1 >= stamp(NOW) - DAY
    _tx, top_ys = charts.top_load_items[BHT].getData()  # the top set shares the axis
    shown = [float(y) for y in [*ys, *top_ys] if not math.isnan(y)]
    assert y0 <= min(shown) and y1 >= max(shown)
    assert y1 - y0 <= (max(shown) - min(shown)) * 1.3 + 2  # fitted, not the all-time range
    points = charts.point_items[BHT].data["x"]
    assert all(x >= stamp(start) for x in points)


@pytest.mark.parametrize("weekly", [False, True])
def test_volume_starts_at_zero(view: ProgressView, weekly: bool) -> None:
    view.volume_box.setCurrentIndex(1 if weekly else 0)
    for rng in (ChartRange.MONTHS_3, ChartRange.ALL):
        charts = _pick(view, rng, BHT)
        assert charts.volume_plot.viewRange()[1][0] == 0
        _xs, ys = charts.volume_items[BHT].getData()
        assert charts.volume_plot.viewRange()[1][1] >= max(y for y in ys if not math.isnan(y))


def _scene_points(plot: Any, view_box: Any, item: Any) -> list[QPointF]:
    if isinstance(item, pg.BarGraphItem):
        rect = item.boundingRect()
        return [view_box.mapViewToScene(QPointF(rect.center().x(), rect.bottom()))]
    xs, ys = item.getData()
    if xs is None:
        return []
    if len(xs) == len(ys) + 1:  # steps: edges around each value
        xs = [(a + b) / 2 for a, b in itertools.pairwise(xs)]
    return [
        view_box.mapViewToScene(QPointF(float(x), float(y)))
        for x, y in zip(xs, ys, strict=True)
        if not math.isnan(y)
    ]


def _legends_clear_of_data(legends: list[Any], plots: list[tuple[Any, Any]]) -> None:
    rects = [legend.sceneBoundingRect() for legend in legends if legend.isVisible()]
    assert rects
    for plot, view_box in plots:
        for item in view_box.addedItems:
            if not item.isVisible() or isinstance(item, (pg.InfiniteLine, pg.LinearRegionItem)):
                continue
            for point in _scene_points(plot, view_box, item):
                hit = [r for r in rects if r.adjusted(-2, -2, 2, 2).contains(point)]
                assert hit == [], f"a legend covers a point of {item} at {point}"


@pytest.mark.parametrize("slugs", [(BHT,), (BHT, GB)])
def test_no_legend_covers_a_data_point(view: ProgressView, slugs: tuple[str, ...]) -> None:
    for rng in (ChartRange.MONTHS_3, ChartRange.ALL):
        charts = _pick(view, rng, *slugs)
        _legends_clear_of_data(
            [charts.legend, charts.volume_legend],
            [
                (charts.strength_plot, charts.strength_plot.vb),
                (charts.strength_plot, charts.strength_right),
                (charts.volume_plot, charts.volume_plot.vb),
                (charts.volume_plot, charts.volume_right),
            ],
        )


def test_every_chart_with_several_series_has_a_legend(view: ProgressView) -> None:
    charts = _pick(view, ChartRange.YEAR, BHT)
    names = [label.text for _sample, label in charts.legend.items]
    assert names == ["Barbell hip thrust e1RM", "personal record", "Barbell hip thrust top set"]
    assert not charts.volume_legend.isVisible()  # one line: nothing to tell apart
    charts = _pick(view, ChartRange.YEAR, BHT, GB)
    volume_names = [label.text for _sample, label in charts.volume_legend.items]
    assert charts.volume_legend.isVisible()
    assert sorted(volume_names) == ["Barbell hip thrust", "Glute bridge"]


def test_stacked_plots_share_their_left_and_right_edges(view: ProgressView) -> None:
    for slugs in ((BHT,), (BHT, GB)):  # (BHT, GB): reps on a right axis of the strength plot
        charts = _pick(view, ChartRange.ALL, *slugs)
        top, bottom = charts.strength_plot.vb, charts.volume_plot.vb
        assert top.sceneBoundingRect().left() == pytest.approx(bottom.sceneBoundingRect().left())
        assert top.sceneBoundingRect().right() == pytest.approx(bottom.sceneBoundingRect().right())
    view.mode.setCurrentIndex(WEEKLY_TAB)
    weekly = view.weekly_charts
    lefts = {round(p.vb.sceneBoundingRect().left()) for p in weekly.plots}
    rights = {round(p.vb.sceneBoundingRect().right()) for p in weekly.plots}
    assert len(lefts) == 1 and len(rights) == 1


def test_weekly_axes_fit_the_range_from_zero(view: ProgressView) -> None:
    view.mode.setCurrentIndex(WEEKLY_TAB)
    weekly: WeeklyChartsWidget = view.weekly_charts
    view.range_box.setCurrentIndex(view.range_box.findData(ChartRange.MONTHS_3))
    for plot in weekly.plots:
        low, _high = plot.viewRange()[1]
        assert low == 0
    # three sessions a week at most; the 2-3 band is the top
    assert weekly.sessions_plot.viewRange()[1][1] <= 4
    # hard sets: no more than the 10-20 band or the busiest week shown, not the all-time stack
    assert weekly.muscles_plot.viewRange()[1][1] <= 20 * 1.2
    assert weekly.lengths_plot.viewRange()[1][1] <= 15 * 1.1  # 5 hard sets, 3 times a week
    _legends_clear_of_data(
        [weekly.muscles_legend, weekly.lengths_legend],
        [(p, p.vb) for p in weekly.plots],
    )


def _label_rects(axis: Any) -> list[QRectF]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [rect for rect, _flags, text in specs[2] if text]


@pytest.mark.parametrize("size", [(1400, 900), (900, 600), (700, 500)])
def test_date_labels_never_collide(view: ProgressView, qtbot: Any, size: tuple[int, int]) -> None:
    view.resize(*size)
    for mode in (EXERCISE_TAB, WEEKLY_TAB):
        view.mode.setCurrentIndex(mode)
        for rng in ChartRange:
            view.range_box.setCurrentIndex(view.range_box.findData(rng))
            pg.QtWidgets.QApplication.processEvents()
            chart = view.exercise_charts if mode == EXERCISE_TAB else view.weekly_charts
            plot = chart.strength_plot if mode == EXERCISE_TAB else chart.sessions_plot
            rects = _label_rects(plot.getAxis("bottom"))
            assert len(rects) >= 2, f"{rng} at {size}: fewer than two date labels"
            for a, b in itertools.pairwise(rects):
                assert not a.intersects(b), f"{rng} at {size}: labels collide"


def test_a_small_window_scrolls_the_charts_instead_of_cutting_them(
    view: ProgressView, qtbot: Any
) -> None:
    charts = _pick(view, ChartRange.YEAR, BHT)
    view.resize(600, 420)
    pg.QtWidgets.QApplication.processEvents()
    assert charts.width() >= charts.minimumWidth() > 0
    assert charts.height() >= charts.minimumHeight() > 0
    area = view.chart_area
    assert area.horizontalScrollBar().maximum() > 0 or area.verticalScrollBar().maximum() > 0
    view.resize(1400, 900)
    pg.QtWidgets.QApplication.processEvents()
    assert area.verticalScrollBar().maximum() == 0  # room enough: no scrolling
