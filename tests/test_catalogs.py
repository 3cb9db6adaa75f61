"""The translation catalogs are complete and current (tools/catalogs.py; `make test` runs the
same check on its own as `catalogs-check`): no untranslated or fuzzy entry in German, Spanish
or French, every translation keeps the English text's {fields}, and no template, catalog or
compiled file differs from what `make catalogs` would write."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

TOOL = Path(__file__).resolve().parent.parent / "tools" / "catalogs.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hiplog_catalogs_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogs_are_complete_and_current() -> None:
    assert _tool().problems() == []


def test_an_untranslated_entry_is_reported() -> None:
    tool = _tool()
    catalog = tool.Catalog(locale="de", domain="hiplog")
    catalog.add("{count} set", "")
    catalog.add("Next session", "Nächste Einheit", flags=("fuzzy",))
    catalog.add("at {load}", "mit {gewicht}")
    found = [
        problem
        for message in catalog
        if message.id
        for problem in tool._entry_problems(message, "de/hiplog.po")
    ]
    assert any("untranslated: '{count} set'" in p for p in found)
    assert any("fuzzy: 'Next session'" in p for p in found)
    assert any("placeholders" in p and "at {load}" in p for p in found)
