"""Every test runs in English under LANG=C, whatever the developer's own locale is.

The contract tests compare text and JSON with what architecture.md and progression.md say, so
the language must not come from the machine. A test of another language sets it itself
(monkeypatch the environment, or `set_language`), and the language is put back after each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hiplog.domain.translation import set_language


@pytest.fixture(autouse=True)
def _english_under_lang_c(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C")
    set_language(None)
    yield
    set_language(None)
