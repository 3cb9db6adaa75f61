"""A body measurement's refusals: the field's key stays the same in every language (the window
marks the field by it, a backup names its JSON path by it), while a person reads the field's
name, the limits and the value in their language."""

from __future__ import annotations

from datetime import datetime

import pytest

from hiplog.domain.body import BodyMeasurement, refusal_text, validate_measurement
from hiplog.domain.errors import InputError
from hiplog.domain.translation import set_language
from hiplog.domain.units import Unit

DAY = datetime(2026, 11, 20)


def refusal(entry: BodyMeasurement, unit: Unit = Unit.KG) -> InputError:
    with pytest.raises(InputError) as info:
        validate_measurement(entry, unit)
    return info.value


@pytest.mark.parametrize(
    ("entry", "key", "english", "german"),
    [
        (
            BodyMeasurement(DAY, bodyweight_kg=10.0),
            "bodyweight",
            "bodyweight: must be from 20 to 400 kg, not 10",
            "Körpergewicht: muss zwischen 20 und 400 kg liegen, nicht 10",
        ),
        (
            BodyMeasurement(DAY, hip_cm=300.5),
            "hip",
            "hip circumference: must be from 20 to 250 cm, not 300.5",
            "Hüftumfang: muss zwischen 20 und 250 cm liegen, nicht 300,5",
        ),
        (
            BodyMeasurement(DAY, thigh_cm=5.0),
            "thigh",
            "thigh circumference: must be from 20 to 250 cm, not 5",
            "Oberschenkelumfang: muss zwischen 20 und 250 cm liegen, nicht 5",
        ),
        (
            BodyMeasurement(datetime(1850, 1, 1), bodyweight_kg=80.0),
            "date",
            "date: the date 1850-01-01 is not between",
            "Datum: ",
        ),
    ],
)
def test_a_refusal_names_the_field_by_key_and_shows_its_name_in_the_language(
    entry: BodyMeasurement, key: str, english: str, german: str
) -> None:
    exc = refusal(entry)
    assert exc.where == key and str(exc).startswith(f"{key}: ")
    assert refusal_text(exc).startswith(english)
    set_language("de")
    exc = refusal(entry)
    assert exc.where == key and str(exc).startswith(f"{key}: ")  # the key is not translated
    assert refusal_text(exc).startswith(german)


def test_the_limits_follow_the_unit_and_the_language() -> None:
    entry = BodyMeasurement(DAY, hip_cm=300.0)
    assert refusal_text(refusal(entry, Unit.LB)) == (
        "hip circumference: must be from 8 to 98 in, not 118.1"
    )
    set_language("fr")
    assert refusal_text(refusal(entry, Unit.LB)) == (
        "tour de hanches : doit être entre 8 et 98 in, pas 118,1"
    )
    set_language("es")
    assert refusal_text(refusal(BodyMeasurement(DAY, bodyweight_kg=1000.0), Unit.LB)) == (
        "peso corporal: debe estar entre 45 y 881 lb, no 2204,6"
    )


def test_a_refusal_of_no_field_is_shown_as_it_is() -> None:
    exc = refusal(BodyMeasurement(DAY))
    assert exc.where is None
    assert (
        refusal_text(exc)
        == str(exc)
        == "give a bodyweight, a hip or a thigh circumference (or more)"
    )
