"""Month and weekday names in the language of the window, for chart axes and the calendar map.

Qt's locale data names them ('Okt', 'oct.', 'Mo'); the domain's wording formats whole dates.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from hiplog.domain.translation import current_language, current_locale


def _locale() -> QLocale:
    if current_language() == "en_XA":  # the pseudo-locale has no calendar of its own
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(current_locale())


def short_month(when: date) -> str:
    """'Oct' (English), 'Okt.' (German)..."""
    return _locale().monthName(when.month, QLocale.FormatType.ShortFormat)


def month_year(when: date) -> str:
    """'Oct 2026'."""
    return f"{short_month(when)} {when.year}"


def day_month(when: date) -> str:
    """'4 Oct' (the day first, as in the rest of hiplog)."""
    return f"{when.day} {short_month(when)}"


def short_weekday(iso_day: int) -> str:
    """The short name of a weekday, 1 = Monday: 'Mon', 'Mo.'..."""
    return _locale().dayName(iso_day, QLocale.FormatType.ShortFormat)


def whole_number(value: float) -> str:
    """`value` rounded, with the locale's thousands separator: '2,040', '2.040' (German)."""
    return _locale().toString(round(value))
