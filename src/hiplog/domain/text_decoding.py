"""Turn the bytes of an imported file into text, or say where it is not text."""

from __future__ import annotations

from hiplog.domain.errors import InputError
from hiplog.domain.translation import _

UTF8_BOM = b"\xef\xbb\xbf"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark) without translating line endings.

    Line endings are kept as they are so that quoted CSV fields keep their own line breaks; pass
    the result straight to a reader. Raises InputError naming the line for binary or non-UTF-8
    content.
    """
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            _("this is a binary file, not a text export"),
            where=_("{file} line {line}").format(file=source, line=_line_of(data, nul)),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            _("the file is not UTF-8 text (save it as UTF-8 and try again)"),
            where=_("{file} line {line}").format(file=source, line=_line_of(data, exc.start)),
        ) from None
