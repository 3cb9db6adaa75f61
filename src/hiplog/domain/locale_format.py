"""Numbers and dates in the person's locale (current_locale()), for text people read.

English keeps hiplog's own forms ('62.5', 'Sat 28 Nov 2026 21:54'); German, Spanish and French
take Babel's: '62,5', 'Sa., 28. Nov. 2026 21:54', 'sáb, 28 nov 2026', 'sam. 28 nov. 2026'.
Files and JSON never come here: they keep '62.5' and ISO dates in every language.
Babel is imported on first use, so `hiplog --help` does not pay for it.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from hiplog.domain.translation import current_language, current_locale

#: The one way hiplog writes a day and a moment in English: 'Sat 28 Nov 2026', '... 21:54'.
DATE_FORMAT = "%a %d %b %Y"
DATE_TIME_FORMAT = "%a %d %b %Y %H:%M"
#: Babel's skeleton for a day with its weekday, in the locale's order and abbreviations.
_DATE_SKELETON = "yMMMEd"


def _english() -> bool:
    return current_language() in ("en", "en_XA")


def decimal_symbol() -> str:
    """'.' in English, ',' in German, Spanish and French."""
    return "." if _english() else _decimal_symbol(current_locale())


@lru_cache(maxsize=16)
def _decimal_symbol(locale: str) -> str:
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(locale))


@lru_cache(maxsize=4096)
def _day_text(locale: str, day: date) -> str:
    """A day in `locale` (Babel takes about 20 us a day, and views write the same days often)."""
    from babel.dates import format_skeleton

    moment = datetime(day.year, day.month, day.day)
    return str(format_skeleton(_DATE_SKELETON, moment, locale=locale))


def localize_number(text: str) -> str:
    """A number written with a point ('62.5', '-2.5') with the locale's decimal symbol."""
    symbol = decimal_symbol()
    return text if symbol == "." else text.replace(".", symbol)


def date_text(when: date) -> str:
    """'Sat 28 Nov 2026', 'Sa., 28. Nov. 2026'."""
    if _english():
        return when.strftime(DATE_FORMAT)
    day = when.date() if isinstance(when, datetime) else when
    return _day_text(current_locale(), day)


def date_time_text(when: datetime) -> str:
    """'Sat 28 Nov 2026 21:54', 'Sa., 28. Nov. 2026 21:54' (24-hour time in every locale)."""
    if _english():
        return when.strftime(DATE_TIME_FORMAT)
    return f"{date_text(when)} {when:%H:%M}"
