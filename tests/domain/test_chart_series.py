"""The pure chart series: personal records and weekly sums, without a database."""

from __future__ import annotations

from datetime import datetime

from hiplog.domain.chart_series import personal_records, weekly_sums


def test_a_record_beats_every_earlier_value_and_the_first_value_is_none() -> None:
    assert personal_records([100.0, None, 100.0, 102.5, 101.0, 105.0]) == (3, 5)
    assert personal_records([]) == ()


def test_weekly_sums_are_dated_on_mondays_with_empty_weeks_as_zero() -> None:
    dates = [datetime(2026, 11, 3, 18), datetime(2026, 11, 5, 18), datetime(2026, 11, 18, 9)]
    series = weekly_sums(dates, [100.0, None, 50.0])
    assert series.dates == (
        datetime(2026, 11, 2),
        datetime(2026, 11, 9),
        datetime(2026, 11, 16),
    )
    assert series.values == (100.0, 0.0, 50.0)
    assert weekly_sums([], []).dates == ()
