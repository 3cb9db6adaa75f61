"""The Progress view draws the numbers of `hiplog stats` and the weekly counts, and saves them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from hiplog.domain.models import Length, SetEntry
from hiplog.services import training_log
from hiplog.services.charts import ChartRange
from hiplog.services.context import AppContext
from hiplog.ui.common.contrast import MIN_CONTRAST, contrast
from hiplog.ui.progress.chart_palette import series_colours
from hiplog.ui.progress.progress_view import WEEKLY_TAB, ProgressView

pytestmark = pytest.mark.gui

S1 = datetime(2026, 1, 5, 18, 0)
S2 = datetime(2026, 1, 8, 18, 0)
S3 = datetime(2026, 1, 19, 18, 0)
BHT, GB = "barbell-hip-thrust", "glute-bridge"


def _set(slug: str, reps: int, kg: float | None = None, **kw: Any) -> SetEntry:
    return SetEntry(exercise=slug, order=1, reps=reps, load_kg=kg, **kw)


def _history(ctx: AppContext) -> None:
    training_log.log_sets(
        ctx,
        [
            _set(BHT, 10, 20, warmup=True),
            _set(BHT, 12, 60),
            _set(BHT, 11, 60),
            _set(BHT, 10, 60),
            _set(GB, 15),
            _set(GB, 14),
            _set(GB, 12),
        ],
        when=S1,
    )
    training_log.log_sets(
        ctx,
        [_set(BHT, 10, 62.5), _set(BHT, 9, 62.5), _set(BHT, 12, 60)]
        + [_set("single-leg-glute-bridge", 12, side=s) for s in ("L", "R")],
        when=S2,
    )
    training_log.log_sets(
        ctx,
        [_set(BHT, 10, 70), _set(BHT, 8, 70), _set(BHT, 15, 40)]
        + [_set(GB, 20), _set(GB, 20), _set(GB, 18)]
        + [_set("romanian-deadlift", 10, 60, rir=2)] * 2,
        when=S3,
    )


@pytest.fixture
def view(qtbot: Any, ctx: AppContext, events: Any, undo_stack: Any) -> ProgressView:
    _history(ctx)
    widget = ProgressView(ctx, events, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _xy(item: Any) -> tuple[list[float], list[float]]:
    x, y = item.getData()
    return [float(v) for v in x], [float(v) for v in y]


def test_strength_and_volume_points_of_one_exercise(view: ProgressView) -> None:
    view.show_exercise(BHT)
    charts = view.exercise_charts
    assert view.selected_exercises() == [BHT]
    x, y = _xy(charts.strength_items[BHT])
    assert x == [S1.timestamp(), S2.timestamp(), S3.timestamp()]
    assert y == pytest.approx([84.0, 84.0, 93.333333])
    assert _xy(charts.top_load_items[BHT])[1] == [60.0, 62.5, 70.0]
    assert _xy(charts.volume_items[BHT])[1] == pytest.approx([1980.0, 1907.5, 1860.0])
    # The third session set a personal record: one star there.
    stars = charts.record_items[BHT].getData()
    assert list(stars[0]) == [S3.timestamp()]
    assert "estimate" in charts.strength_plot.titleLabel.text


def test_weekly_volume_bars_of_one_exercise(view: ProgressView) -> None:
    view.show_exercise(BHT)
    view.volume_box.setCurrentIndex(1)  # per week
    x, y = _xy(view.exercise_charts.volume_items[BHT])
    assert y == pytest.approx([3887.5, 0.0, 1860.0])
    assert x[0] == datetime(2026, 1, 5).timestamp()


def test_bodyweight_exercise_shows_best_reps_and_ladder_lines(view: ProgressView) -> None:
    view.show_exercise(GB)
    charts = view.exercise_charts
    assert _xy(charts.strength_items[GB])[1] == [15.0, 20.0]
    assert _xy(charts.volume_items[GB])[1] == [41.0, 58.0]
    assert "Best reps" in charts.strength_plot.getAxis("left").labelText
    # Single-leg bridge first trained at S2, barbell hip thrust at S1: one line each per plot.
    positions = sorted({line.value() for line in charts.ladder_lines})
    assert positions == [S1.timestamp(), S2.timestamp()]


def test_several_exercises_on_one_chart(view: ProgressView) -> None:
    view.show_exercise(BHT)
    row = view.model.row_of(GB)
    view.table.selectionModel().select(
        view.model.index(row, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    assert view.selected_exercises() == [GB, BHT]
    assert set(view.exercise_charts.strength_items) == {GB, BHT}
    pens = {
        item.opts["pen"].color().name() for item in view.exercise_charts.strength_items.values()
    }
    assert len(pens) == 2  # one colour per exercise


def test_tooltip_lists_the_sessions_sets(view: ProgressView) -> None:
    view.show_exercise(BHT)
    text = view.point_tooltip(BHT, 2)
    assert "Mon 19 Jan 2026, 18:00" in text
    assert "70 kg x 10" in text and "40 kg x 15" in text
    assert "A personal record" in text
    assert "Estimated 1RM: 93.33 kg (an estimate)" in text


def test_weekly_charts_against_their_bands(view: ProgressView) -> None:
    view.mode.setCurrentIndex(WEEKLY_TAB)
    weekly = view.weekly_charts
    assert view.stack.currentWidget() is weekly
    assert weekly.sessions_item is not None
    _x, y = _xy(weekly.sessions_item)
    assert y == [2.0, 0.0, 1.0]
    assert _xy(weekly.muscle_items["glute max"])[1] == [10.0, 0.0, 7.0]
    assert _xy(weekly.muscle_items["hamstrings"])[1] == [0.0, 0.0, 2.0]
    assert [band.getRegion() for band in weekly.bands] == [(2, 3), (10, 20)]
    long_bars = weekly.length_items[Length.LONG].opts
    assert list(long_bars["y1"]) == [10.0, 0.0, 8.0]  # stacked: short + mid + long
    assert list(weekly.length_items[Length.SHORT].opts["y1"]) == [10.0, 0.0, 6.0]


def test_range_limits_the_date_axis(view: ProgressView, qtbot: Any) -> None:
    view.show_exercise(BHT)
    view.range_box.setCurrentIndex(view.range_box.findData(ChartRange.WEEKS_4))
    start, end = view.exercise_charts.strength_plot.viewRange()[0]
    assert end - start == pytest.approx(timedelta(days=28).total_seconds(), rel=0.1)
    assert end >= datetime.now().timestamp() - 60


def test_new_sessions_appear_after_a_change_event(
    view: ProgressView, ctx: AppContext, events: Any
) -> None:
    view.show_exercise(BHT)
    training_log.log_sets(ctx, [_set(BHT, 12, 70)], when=datetime(2026, 1, 22, 18, 0))
    events.sessions_changed.emit()
    assert len([y for y in _xy(view.exercise_charts.strength_items[BHT])[1] if y == y]) == 4
    assert view.selected_exercises() == [BHT]


def test_save_png_svg_and_csv(view: ProgressView, tmp_path: Path) -> None:
    view.show_exercise(BHT)
    png = view.export_image(tmp_path / "chart.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1600
    svg = view.export_image(tmp_path / "chart.svg").read_text("utf-8")
    assert "<svg" in svg and "Barbell hip thrust" in svg
    rows = view.export_csv(tmp_path / "chart.csv")
    lines = (tmp_path / "chart.csv").read_text("utf-8").splitlines()
    assert rows == 3
    assert lines[0].startswith("date,exercise,sets,reps,volume_kg,top_load_kg,e1rm_kg")
    assert lines[3] == "2026-01-19T18:00,barbell-hip-thrust,3,33,1860,70,93.3,10,1"
    view.mode.setCurrentIndex(WEEKLY_TAB)
    view.export_csv(tmp_path / "weekly.csv")
    assert (
        (tmp_path / "weekly.csv").read_text("utf-8").splitlines()[1].startswith("2026-01-05,2,10")
    )


def test_a_bad_file_name_is_refused_with_a_message(view: ProgressView, tmp_path: Path) -> None:
    from hiplog.domain.errors import InputError

    with pytest.raises(InputError, match=r"\.png or \.svg"):
        view.export_image(tmp_path / "chart.gif")


def test_empty_database_explains_what_to_do(
    qtbot: Any, tmp_path: Path, events: Any, undo_stack: Any
) -> None:
    empty = AppContext.open_path(tmp_path / "empty.db")
    try:
        widget = ProgressView(empty, events, undo_stack)
        qtbot.addWidget(widget)
        widget.show()
        assert widget.stack.currentWidget() is widget.empty_label
        assert "Log a few sessions" in widget.empty_label.text()
        widget.show_exercise(BHT)
        assert "No working sets of Barbell hip thrust" in widget.empty_label.text()
    finally:
        empty.close()


def test_exercise_list_model(view: ProgressView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 4


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#000000"), ("#1e1e1e", "#eeeeee")])
def test_series_colours_stand_out_in_light_and_dark(base: str, text: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3daee9"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#2980b9"))
    colours = series_colours(palette, 6)
    assert all(contrast(c, QColor(base)) >= MIN_CONTRAST for c in colours)
    assert len({c.name() for c in colours}) == 6


def test_switching_back_to_one_exercise_leaves_only_its_lines(view: ProgressView) -> None:
    view.show_exercise(BHT)
    sm = view.table.selectionModel()
    sm.select(
        view.model.index(view.model.row_of(GB), 0), sm.SelectionFlag.Select | sm.SelectionFlag.Rows
    )
    view.show_exercise(GB)
    charts = view.exercise_charts
    visible = [
        item for item in charts.strength_plot.listDataItems() if item.isVisible() and item.name()
    ]
    assert [item.name() for item in visible] == ["Glute bridge best reps"]
    labels = [label.text for _sample, label in charts.legend.items]
    assert labels == ["Glute bridge best reps", "personal record"]
    assert _xy(charts.strength_items[GB])[1] == [15.0, 20.0]


def test_loads_follow_the_unit_setting(view: ProgressView, ctx: AppContext, events: Any) -> None:
    from dataclasses import replace

    from hiplog.domain.units import Unit
    from hiplog.services import settings_store

    settings_store.save(ctx, replace(ctx.settings(), unit=Unit.LB))
    events.settings_changed.emit()
    view.show_exercise(BHT)
    charts = view.exercise_charts
    assert _xy(charts.top_load_items[BHT])[1] == pytest.approx([132.277, 137.789, 154.324], 1e-4)
    assert "(lb)" in charts.strength_plot.getAxis("left").labelText
    assert "Top set: 154.32 lb x 10" in view.point_tooltip(BHT, 2)


def test_hovering_a_point_shows_its_session(view: ProgressView) -> None:
    view.show_exercise(BHT)
    points = view.exercise_charts.point_items[BHT]
    tip = points.opts["tip"]
    text = tip(x=S1.timestamp(), y=84.0, data=0)
    assert text.startswith("Barbell hip thrust\nMon 05 Jan 2026, 18:00")
    assert "20 kg x 10, warm-up" in text


def test_reps_get_their_own_axis_beside_kilograms(view: ProgressView) -> None:
    view.show_exercise(BHT)
    sm = view.table.selectionModel()
    sm.select(
        view.model.index(view.model.row_of(GB), 0), sm.SelectionFlag.Select | sm.SelectionFlag.Rows
    )
    charts = view.exercise_charts
    assert charts.strength_items[GB].getViewBox() is charts.strength_right
    assert charts.strength_items[BHT].getViewBox() is charts.strength_plot.vb
    assert charts.volume_items[GB].getViewBox() is charts.volume_right
    assert charts.strength_plot.getAxis("right").isVisible()
    assert "Best reps" in charts.strength_plot.getAxis("right").labelText
    assert "Estimated 1RM (kg)" in charts.strength_plot.getAxis("left").labelText
    labels = [label.text for _sample, label in charts.legend.items]
    assert labels.count("Glute bridge best reps") == 1
    # Back to one exercise: its line returns to the main axis, the right axis goes.
    view.show_exercise(GB)
    assert charts.strength_items[GB].getViewBox() is charts.strength_plot.vb
    assert not charts.strength_plot.getAxis("right").isVisible()


def test_a_dark_palette_recolours_the_charts(view: ProgressView) -> None:
    view.show_exercise(BHT)
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    view.setPalette(dark)
    charts = view.exercise_charts
    assert charts.backgroundBrush().color().name() == "#1e1e1e"
    line = charts.strength_items[BHT].opts["pen"].color()
    assert contrast(line, QColor("#1e1e1e")) >= MIN_CONTRAST


def test_weekly_range_limits_the_date_axis(view: ProgressView) -> None:
    view.mode.setCurrentIndex(WEEKLY_TAB)
    view.range_box.setCurrentIndex(view.range_box.findData(ChartRange.MONTHS_3))
    start, end = view.weekly_charts.sessions_plot.viewRange()[0]
    assert end - start == pytest.approx(timedelta(days=91).total_seconds(), rel=0.1)


def test_a_history_that_ended_long_ago_opens_whole_and_an_empty_range_says_so(
    qtbot: Any, ctx: AppContext, events: Any, undo_stack: Any
) -> None:
    long_ago = datetime.now().replace(second=0, microsecond=0) - timedelta(days=800)
    for days in (0, 3, 7):
        training_log.log_sets(ctx, [_set(BHT, 10, 60)], when=long_ago + timedelta(days=days))
    widget = ProgressView(ctx, events, undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_exercise(BHT)
    assert widget.chart_range() is ChartRange.ALL
    assert widget.status.text() == ""
    widget.range_box.setCurrentIndex(widget.range_box.findData(ChartRange.MONTHS_3))
    assert "No sessions in the last 3 months" in widget.status.text()
    assert (long_ago + timedelta(days=7)).strftime("%d %b %Y") in widget.status.text()
    widget.range_box.setCurrentIndex(widget.range_box.findData(ChartRange.ALL))
    assert widget.status.text() == ""
