"""The one CSV delimiter detector: which of `,`, `;` and a tab splits a header line into the
most cells (quotes respected), used by format detection and by every CSV reader.

Counting the characters instead can be fooled by a quoted header cell that holds commas
(`"Weight (kg, lb)";Reps` has more commas than semicolons); csv.Sniffer is unreliable on one line.
"""

from __future__ import annotations

import csv

DELIMITERS = (",", ";", "\t")


def split_header(first_line: str) -> tuple[str, list[str]]:
    """(delimiter, cells) for the delimiter that gives the most cells; `,` wins a tie."""
    best, cells = DELIMITERS[0], list[str]()
    for delimiter in DELIMITERS:
        try:
            found = next(csv.reader([first_line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(found) > len(cells):
            best, cells = delimiter, found
    return best, cells


def has_delimiter(first_line: str) -> bool:
    """Does the line hold any of the delimiters at all (a header of one column does not)?"""
    return any(d in first_line for d in DELIMITERS)
