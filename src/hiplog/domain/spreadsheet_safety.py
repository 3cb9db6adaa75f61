"""Keep text cells from running as spreadsheet formulas, reversibly.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is taken as a formula by spreadsheet programs,
so a note such as ``=HYPERLINK(...)`` in an export could run when the file is opened. `escape`
puts an apostrophe in front of such text (spreadsheets show the rest as plain text) and `unescape`
takes it off again. Text that already starts with apostrophes before one of those characters gets
one more, so the round trip is exact for every string.
"""

from __future__ import annotations

import re

_NEEDS_ESCAPE = re.compile(r"^'*[=+\-@]")
_ESCAPED = re.compile(r"^'+[=+\-@]")


def escape(text: str) -> str:
    """The text as a cell that a spreadsheet shows as text, never runs."""
    return "'" + text if _NEEDS_ESCAPE.match(text) else text


def unescape(text: str) -> str:
    """Undo `escape`."""
    return text[1:] if _ESCAPED.match(text) else text
