"""Numbers and dates in the person's locale (current_locale()), for text people read.

English keeps hiplog's own forms ('62.5', 'Sat 28 Nov 2026 21:54'); German, Spanish and French
take Babel's: '62,5', 'Sa., 28. Nov. 2026 21:54', 'sáb, 28 nov 2026', 'sam. 28 nov. 2026'.
Files and JSON never come here: they keep '62.5' and ISO dates in every language.
Babel is imported on first use, so `hiplog --help` does not pay for it.
"""

from __future__ import annotations

from datetime import date, datetime

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
    if _english():
        return "."
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(current_locale()))


def localize_number(text: str) -> str:
    """A number written with a point ('62.5', '-2.5') with the locale's decimal symbol."""
    symbol = decimal_symbol()
    return text if symbol == "." else text.replace(".", symbol)


def date_text(when: date) -> str:
    """'Sat 28 Nov 2026', 'Sa., 28. Nov. 2026'."""
    if _english():
        return when.strftime(DATE_FORMAT)
    from babel.dates import format_skeleton

    day = when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)
    return str(format_skeleton(_DATE_SKELETON, day, locale=current_locale()))


def date_time_text(when: datetime) -> str:
    """'Sat 28 Nov 2026 21:54', 'Sa., 28. Nov. 2026 21:54' (24-hour time in every locale)."""
    if _english():
        return when.strftime(DATE_TIME_FORMAT)
    return f"{date_text(when)} {when:%H:%M}"
