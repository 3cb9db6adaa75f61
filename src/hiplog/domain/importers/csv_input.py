"""Reading another app's CSV export: its rows with their line numbers, header and delimiter."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping

from hiplog.domain.csv_delimiter import has_delimiter, split_header
from hiplog.domain.errors import InputError
from hiplog.domain.importers.cell_values import check_text
from hiplog.domain.translation import _


def csv_rows(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV text with the physical line each starts on; blank lines are skipped.

    Quoted fields may span lines, so the start line is one past where the previous row ended.
    A row Strong wrote with a note in doubled quotes but no quotes around it (`,""bro curls"",`)
    is read as written (the note `"bro curls"`). Other csv errors (a quote never closed, a field
    too large) become InputErrors with the line.
    """
    offset = 0  # physical lines before `text` (after a repaired row, the rest is read anew)
    while True:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        previous_end = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                rest = text.splitlines(keepends=True)[previous_end:]
                repaired = unquoted_note_read(rest[0], delimiter) if rest else None
                if repaired is None:
                    raise _csv_error(
                        err,
                        _("{file} line {line}").format(file=source, line=offset + previous_end + 1),
                    ) from None
                text = repaired + "".join(rest[1:])
                offset += previous_end
                break
            start = previous_end + 1
            previous_end = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            yield offset + start, row


def _csv_error(err: csv.Error, where: str) -> InputError:
    reason = (
        "the file ends inside a quoted field (cut off?)"
        if "unexpected end of data" in str(err)
        else f"cannot read this row as CSV ({err}); is the delimiter right?"
    )
    return InputError(reason, where)


def unquoted_note_read(line: str, delimiter: str) -> str | None:
    """The line with each field Strong wrote as `""text""` (doubled quotes, none around) quoted
    properly, so that it reads as `"text"`; None when the line has no such field."""
    d = re.escape(delimiter)
    pattern = rf'(^|{d})""([^"{d}\r\n][^{d}\r\n]*?)""(?={d}|\r?\n|$)'
    repaired, count = re.subn(pattern, r'\1"""\2"""', line)
    return repaired if count else None


def header_and_rows(
    text: str, source: str, delimiter: str | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header cells and an iterator over the (line, cells) rows after it.

    Refuses an empty or binary text (check_text) and a text with no row. Without a `delimiter`
    it is judged from the first line (sniff_delimiter).
    """
    text = check_text(text, source)
    if delimiter is None:
        delimiter = sniff_delimiter(text.splitlines()[0], source)
    rows = csv_rows(text, delimiter, source)
    first = next(rows, None)
    if first is None:
        raise InputError(_("the file is empty"), f"{source} line 1")
    return first[1], rows


def column_getter(index: Mapping[str, int]) -> Callable[[list[str], str | None], str]:
    """get(row, column): the row's cell in that column, or "" when the file has no such column."""

    def get(row: list[str], name: str | None) -> str:
        i = index.get(name) if name else None
        return row[i] if i is not None else ""

    return get


def field_count_error(expected: int, found: int, where: str) -> InputError:
    """The error for a row with the wrong number of fields."""
    return InputError(
        _("expected {expected} fields, found {found} (a row cut off or a wrong delimiter?)").format(
            expected=expected, found=found
        ),
        where,
    )


def sniff_delimiter(header_line: str, source: str) -> str:
    """The delimiter of a CSV, judged from its header line: `,`, `;` or a tab (split_header)."""
    if not has_delimiter(header_line):
        raise InputError(_("the first line is not a CSV header"), f"{source} line 1")
    return split_header(header_line)[0]
