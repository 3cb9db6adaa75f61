"""Loads come back from the hiplog CSV exactly as they were logged, in the person's unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiplog.cli import main
from hiplog.domain.units import Unit, from_kg
from hiplog.services import charts
from hiplog.services.context import AppContext


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("load", "unit"), [("135", "lb"), ("0.0004", "kg"), ("102.5", "lb")])
def test_a_csv_round_trip_gives_back_the_same_load_in_the_persons_unit(
    tmp_path: Path, load: str, unit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, csv = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "all.csv"
    argv = ["log", "barbell-hip-thrust", f"{load}x10", "--unit", unit, "--date", "2026-01-05"]
    assert run(capsys, "--db", str(first), *argv)[0] == 0
    assert run(capsys, "--db", str(first), "export", str(csv))[0] == 0
    assert csv.read_text().splitlines()[0].split(",")[3] == "load_kg"  # the public header
    assert run(capsys, "--db", str(second), "import", str(csv))[0] == 0
    ctx = AppContext.open_path(second)
    try:
        (row,) = charts.stats(ctx, "barbell-hip-thrust")
    finally:
        ctx.close()
    assert from_kg(row.top_load_kg, Unit(unit)) == float(load)


def test_python_digit_separators_are_not_a_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "h.db"), "log", "glute-bridge", "1_000x5")
    assert code == 2 and "1_000" in err
