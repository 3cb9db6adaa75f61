"""The plates of a barbell load, worded in the window's language with its decimal comma."""

from __future__ import annotations

from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import set_language
from hiplog.services.context import builtin_catalog
from hiplog.ui.common.plate_text import plates_text


def test_the_plates_read_in_english_and_in_german() -> None:
    thrust = builtin_catalog().require("barbell-hip-thrust")
    settings = ProgressionSettings()
    english = plates_text(thrust, 62.5, settings)
    assert english == "Plates: 62.5 kg: 20 kg bar + 20 + 1.25 per side"
    set_language("de")  # tests/conftest.py puts English back
    german = plates_text(thrust, 62.5, settings)
    assert german == "Scheiben: 62,5 kg: 20-kg-Stange + 20 + 1,25 pro Seite"
    assert plates_text(thrust, 61.0, settings) == (
        "Scheiben: 61 kg lassen sich nicht zusammenstellen; "
        "am nächsten: 60 kg: 20-kg-Stange + 20 pro Seite"
    )
