"""What a sets-table cell says and how typed text is read, the same for the Log and History."""

from __future__ import annotations

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.units import Unit
from hiplog.ui.common import set_cells as cells
from hiplog.ui.common.set_row import SetRow


def test_a_saved_set_without_load_reads_bodyweight_and_a_draft_shows_its_target() -> None:
    saved = SetRow(key=1, reps=15, set_id=7, order=1)
    draft = SetRow(key=2, target_reps=12, target_load_kg=60.0)
    assert cells.display_text(saved, cells.LOAD, Unit.KG) == "bodyweight"
    assert cells.edit_text(saved, cells.LOAD, Unit.KG) == ""
    assert cells.display_text(draft, cells.REPS, Unit.KG) == "12"
    assert cells.shows_hint(draft, cells.REPS) and not cells.shows_hint(saved, cells.REPS)
    assert cells.target_text(draft, cells.LOAD, Unit.LB) == "132.28"
    assert cells.tooltip(draft, cells.LOAD, Unit.KG) == "Target: 60 kg"


def test_typed_text_is_read_in_the_display_unit_or_refused_with_where() -> None:
    assert cells.parse_cell(cells.LOAD, "135", Unit.LB, "here") == pytest.approx(61.235, abs=0.01)
    assert cells.parse_cell(cells.REPS, " ", Unit.KG, "here") is None  # a draft's reps not typed
    assert cells.parse_cell(cells.SIDE, "l", Unit.KG, "here") == "L"
    with pytest.raises(InputError, match=r"Glute bridge, set 2, side: side is L, R or blank"):
        cells.parse_cell(cells.SIDE, "left", Unit.KG, "Glute bridge, set 2, side")
    with pytest.raises(InputError, match="cannot be edited"):
        cells.parse_cell(cells.RECORD, "x", Unit.KG, "here")
