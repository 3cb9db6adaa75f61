"""Tell which kind of training-log file this is from its first bytes, never from its name.

`hiplog import FILE --format auto` reads the first few KiB (4 KiB is plenty) and asks
`detect_format`. The answer names a reader: the hiplog CSV and JSON backup here in domain/, and
the Strong, Hevy and FitNotes readers in domain/importers/.
"""

from __future__ import annotations

import re

from hiplog.domain.csv_delimiter import split_header
from hiplog.domain.errors import InputError
from hiplog.domain.hiplog_csv import HEADER
from hiplog.domain.translation import _

SQLITE_MAGIC = b"SQLite format 3\x00"
FORMAT_NAMES = ("hiplog", "hiplog-json", "strong", "hevy", "fitnotes", "fitnotes-backup")

_BACKUP_MARK = re.compile(r'"format"\s*:\s*"hiplog-backup"')
_HEVY_COLUMNS = {"title", "start_time", "exercise_title", "set_index"}
# Strong's column names in English and in the German app.
_STRONG_DATE = {"date", "datum"}
_STRONG_EXERCISE = {"exercise name", "name der übung"}
_STRONG_ORDER = {"set order", "reihenfolge festlegen"}


def _unknown(filename: str, why: str) -> InputError:
    return InputError(
        _(
            "cannot tell what kind of file this is ({why}); hiplog reads its own CSV "
            "and JSON backup and exports from Strong, Hevy and FitNotes; name the "
            "format with --format"
        ).format(why=why),
        where=filename,
    )


def header_columns(first_line: str) -> list[str]:
    """The header's column names, lower-cased, split on the delimiter csv_delimiter finds."""
    _delimiter, cells = split_header(first_line)
    return [c.strip().casefold() for c in cells]


def detect_format(head: bytes, filename: str) -> str:
    """One of FORMAT_NAMES for the file that starts with `head`; InputError when unknown."""
    if head.startswith(SQLITE_MAGIC):
        return "fitnotes-backup"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip():
        raise _unknown(filename, _("it is empty"))
    if b"\x00" in head:
        raise _unknown(filename, _("it is a binary file"))
    text = head.decode("utf-8", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        if _BACKUP_MARK.search(text):
            return "hiplog-json"
        raise _unknown(filename, _("it is JSON but not a hiplog backup"))

    first_line = stripped.split("\n", 1)[0].rstrip("\r")
    columns = header_columns(first_line)
    if tuple(columns) == HEADER:
        # Even with another delimiter: the hiplog reader then says what is wrong.
        return "hiplog"
    names = set(columns)
    if names >= _HEVY_COLUMNS:
        return "hevy"
    if names & _STRONG_DATE and names & _STRONG_EXERCISE and names & _STRONG_ORDER:
        return "strong"
    if columns[:2] == ["date", "exercise"] and "category" in names and "reps" in names:
        return "fitnotes"
    raise _unknown(filename, _("its first line is not a header hiplog knows"))
