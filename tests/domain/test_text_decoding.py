"""Imported bytes become text with line endings intact, or an error naming the line."""

from __future__ import annotations

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.text_decoding import decode_text


def test_utf8_with_bom_and_crlf_is_kept_as_written() -> None:
    assert decode_text(b'\xef\xbb\xbfa,b\r\n"x\ry"\n', "f.csv") == 'a,b\r\n"x\ry"\n'


def test_binary_content_names_the_line() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"a\nb\nc\x00d", "f.csv")
    assert info.value.where == "f.csv line 3"
    assert "binary" in info.value.message


def test_non_utf8_text_names_the_line() -> None:
    with pytest.raises(InputError) as info:
        decode_text("date\nGewicht für\n".encode("latin-1"), "f.csv")
    assert info.value.where == "f.csv line 2"
    assert "UTF-8" in info.value.message
