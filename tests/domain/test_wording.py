"""One way to write numbers, counts, sets and prescriptions."""

from __future__ import annotations

from hiplog.domain.models import SetEntry
from hiplog.domain.progression import Rule, Suggestion
from hiplog.domain.units import Unit
from hiplog.domain.wording import (
    format_load,
    plural,
    prescription_text,
    set_text,
    trim_number,
)


def test_numbers_lose_trailing_zeros_and_never_read_minus_zero() -> None:
    assert [trim_number(60.0), trim_number(62.5), trim_number(29.4844, 3)] == [
        "60",
        "62.5",
        "29.484",
    ]
    assert trim_number(-0.0001) == "0"
    assert format_load(60.0, Unit.LB) == "132.28 lb"
    assert format_load(None) == format_load(0.0) == "bodyweight"


def test_plurals() -> None:
    assert [plural(1, "set"), plural(0, "set"), plural(3, "session")] == [
        "1 set",
        "0 sets",
        "3 sessions",
    ]


def test_a_set_in_full_writes_reps_in_reserve_as_rir() -> None:
    entry = SetEntry("barbell-hip-thrust", 1, 12, 60.0, rir=2, side="L")
    assert set_text(entry, Unit.KG) == "60 kg x 12 (L), RIR 2"
    warm = SetEntry("barbell-hip-thrust", 1, 10, None, warmup=True)
    assert set_text(warm, Unit.KG) == "bodyweight x 10, warm-up"


def test_prescriptions() -> None:
    def sug(load: float | None, reps: tuple[int, ...], band: str | None = None) -> Suggestion:
        return Suggestion("x", "x", load, len(reps), reps, (8, 12), Rule.ADD_LOAD, "", band)

    assert prescription_text(sug(62.5, (8, 8, 8)), Unit.KG) == "3 x 8 at 62.5 kg"
    assert prescription_text(sug(None, (10, 10, 9)), Unit.KG) == "3 x 10, 10, 9 at bodyweight"
    assert (
        prescription_text(sug(None, (12, 12), "medium"), Unit.KG) == "2 x 12 with the medium band"
    )
