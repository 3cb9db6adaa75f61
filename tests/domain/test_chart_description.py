"""The charts' accessible descriptions say in numbers what the lines and bars show, for the
range on screen (no display needed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hiplog.domain.chart_description import (
    describe_exercise_chart,
    describe_exercise_charts,
    describe_weekly_charts,
)
from hiplog.domain.chart_series import (
    LENGTHS,
    MUSCLES,
    ExerciseCharts,
    Series,
    Strength,
    Volume,
    WeeklyCharts,
)
from hiplog.domain.units import Unit

START = datetime(2026, 1, 5, 18, 0)  # a Monday


def _chart(
    e1rm: list[float | None],
    volume: list[float],
    *,
    every_days: int = 7,
    kind: Strength = Strength.E1RM,
    volume_kind: Volume = Volume.LOAD,
    records: tuple[int, ...] = (),
) -> ExerciseCharts:
    dates = tuple(START + timedelta(days=every_days * i) for i in range(len(e1rm)))
    return ExerciseCharts(
        exercise="barbell-hip-thrust",
        name="Barbell hip thrust",
        session_ids=tuple(range(len(dates))),
        stats=(),
        strength_kind=kind,
        volume_kind=volume_kind,
        strength=Series("", dates, tuple(e1rm)),
        top_load=None,
        volume=Series("", dates, tuple(volume)),
        weekly_volume=Series(
            "",
            tuple(datetime.combine(d.date(), datetime.min.time()) for d in dates),
            tuple(volume),
        ),
        records=records,
        ladder=(),
    )


def test_a_rising_estimate_is_said_with_its_first_and_last_value_and_the_weeks_between() -> None:
    chart = _chart([80.0, 85.0, None, 90.0, 95.0] + [95.0] * 8, [1000.0] * 12 + [2400.0])
    text = describe_exercise_chart(chart, Unit.KG)
    assert text.startswith("Barbell hip thrust, 13 sessions from Mon 05 Jan 2026 to Mon 30 Mar")
    assert "estimated one-rep max rose from 80 to 95 kg over 12 weeks" in text
    assert "volume per session went from 1000 to 2400 kg (highest 2400 kg)" in text


def test_a_falling_estimate_in_pounds() -> None:
    text = describe_exercise_chart(_chart([100.0, 90.0], [500.0, 400.0]), Unit.LB)
    assert "estimated one-rep max fell from 220.5 to 198.4 lb over 7 days" in text
    assert "from 1102 to 882 lb" in text


def test_bodyweight_work_is_said_in_reps() -> None:
    chart = _chart(
        [12.0, 12.0, 12.0], [36.0, 40.0, 30.0], kind=Strength.BEST_REPS, volume_kind=Volume.REPS
    )
    text = describe_exercise_chart(chart, Unit.KG)
    assert "most reps in a set stayed at 12 over 14 days" in text
    assert "reps per session went from 36 to 30 (highest 40)" in text


def test_only_the_range_on_screen_is_described_records_included() -> None:
    chart = _chart([80.0, 85.0, 90.0, 95.0], [1.0, 2.0, 3.0, 4.0], records=(1, 3))
    start = START + timedelta(days=10)
    text = describe_exercise_chart(chart, Unit.KG, start=start, end=START + timedelta(days=15))
    assert text == (
        "Barbell hip thrust, 1 session on Mon 19 Jan 2026: estimated one-rep max 90 kg; "
        "volume per session 3 kg."
    )
    text = describe_exercise_chart(chart, Unit.KG, start=start)
    assert "2 sessions" in text and "from 90 to 95 kg" in text and "1 personal record" in text
    empty = describe_exercise_chart(chart, Unit.KG, start=START + timedelta(days=100))
    assert empty == "Barbell hip thrust: no sessions in this range."


def test_weekly_volume_counts_the_week_the_range_starts_in() -> None:
    chart = _chart([80.0, 85.0, 90.0], [100.0, 200.0, 300.0])
    text = describe_exercise_chart(chart, Unit.KG, weekly_volume=True, start=START + timedelta(7))
    assert "volume per week went from 200 to 300 kg" in text


def test_compared_exercises_get_a_sentence_each() -> None:
    charts = [_chart([80.0, 95.0], [1.0, 2.0]), _chart([50.0, 40.0], [1.0, 2.0])]
    text = describe_exercise_charts(charts, Unit.KG)
    assert text.count("Barbell hip thrust,") == 2 and "rose" in text and "fell" in text
    assert describe_exercise_charts([], Unit.KG) == "No exercise is chosen."


def _weekly() -> WeeklyCharts:
    weeks = tuple(date(2026, 1, 5) + timedelta(weeks=i) for i in range(4))
    return WeeklyCharts(
        weeks=weeks,
        sessions=(2, 3, 1, 0),
        muscle_sets={
            m: ((10.0, 12.0, 6.0, 0.0) if m == "glute max" else (4.0, 4.0, 2.0, 0.0))
            for m in MUSCLES
        },
        length_sets=dict.fromkeys(LENGTHS, (5.0, 5.0, 3.0, 0.0)),
        sessions_band=(2, 3),
        sets_band=(10.0, 20.0),
    )


def test_weekly_charts_say_sessions_against_the_target_and_sets_per_muscle() -> None:
    text = describe_weekly_charts(_weekly())
    assert text.startswith(
        "Hip sessions per week over 4 weeks from the week of Mon 05 Jan 2026 to the week of "
        "Mon 26 Jan 2026: 1.5 on average, 0 in the last week; 2 of 4 weeks were in the target "
        "of 2 to 3."
    )
    assert "glute max 7, hamstrings 2.5, adductor magnus 2.5 (target 10 to 20)" in text
    assert "short 3.2, mid 3.2, long 3.2" in text


def test_weekly_charts_follow_the_range() -> None:
    text = describe_weekly_charts(_weekly(), datetime(2026, 1, 14), datetime(2026, 1, 18))
    assert "over the week of Mon 12 Jan 2026: 3 on average" in text
    assert describe_weekly_charts(_weekly(), datetime(2027, 1, 1)) == (
        "No hip sessions in this range."
    )


def test_the_body_charts_say_how_bodyweight_hip_and_thigh_changed() -> None:
    from hiplog.domain.chart_description import describe_body_charts

    weights = [(datetime(2026, 1, 5), 82.0), (datetime(2026, 3, 30), 79.5)]
    hips = [(datetime(2026, 1, 5), 101.0), (datetime(2026, 3, 30), 103.0)]
    text = describe_body_charts(weights, hips, [], Unit.KG)
    assert text == (
        "Body measurements: bodyweight fell from 82 to 79.5 kg over 12 weeks (2 entries); "
        "hip rose from 101 to 103 cm over 12 weeks (2 entries)."
    )
    inches = describe_body_charts([], hips, [], Unit.LB, start=datetime(2026, 2, 1))
    assert inches == "Body measurements: hip 40.6 in (1 entry)."
    assert describe_body_charts(weights, [], [], Unit.KG, end=datetime(2025, 1, 1)) == (
        "No body measurements in this range."
    )
