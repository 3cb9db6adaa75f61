"""`hiplog program list|show|use` and the "program" key of `suggest --json`, as architecture.md
states them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hiplog.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_shows_the_starters_until_one_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    code, out, _ = run(capsys, "--db", db, "program", "list", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["active"] is None
    assert [(p["name"], p["starter"]) for p in doc["programs"]] == [
        ("Bodyweight at home", True),
        ("Home with kettlebells", True),
        ("Gym with a barbell", True),
    ]
    entry = doc["programs"][0]["days"][0]["entries"][1]
    assert entry == {
        "exercise": None,
        "ladder": "glute-bridge",
        "sets": 3,
        "rep_range": [10, 20],
        "warmup": False,
    }


def test_use_copies_a_starter_and_suggest_follows_its_first_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    code, out, _ = run(capsys, "--db", db, "program", "use", "gym with a barbell")
    assert (code, out) == (0, "Following Gym with a barbell, from Day A.\n")
    doc = json.loads(run(capsys, "--db", db, "program", "list", "--json")[1])
    assert doc["active"] == "Gym with a barbell"
    first = doc["programs"][0]
    assert (first["name"], first["starter"]) == ("Gym with a barbell", False)
    shown = json.loads(
        run(capsys, "--db", db, "program", "show", "gym with a barbell", "--json")[1]
    )
    assert shown == doc["programs"][0]

    suggest = json.loads(run(capsys, "--db", db, "suggest", "--json")[1])
    assert suggest["program"] == {"name": "Gym with a barbell", "day": "Day A", "next_day": "Day B"}
    assert [s["exercise"] for s in suggest["suggestions"]] == [
        "bird-dog",
        "barbell-hip-thrust",
        "romanian-deadlift",
    ]
    assert suggest["suggestions"][0]["warmup"] is True


def test_logging_day_a_brings_day_b(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "program", "use", "Gym with a barbell")
    assert run(capsys, "--db", db, "log", "barbell-hip-thrust", "20x8", "20x8", "20x8")[0] == 0
    suggest = json.loads(run(capsys, "--db", db, "suggest", "--json")[1])
    assert suggest["program"]["day"] == "Day B"
    assert [s["exercise"] for s in suggest["suggestions"]] == [
        "horizontal-back-extension",
        "deep-squat",
        "cable-pull-through",
    ]


def test_use_none_stops_following_and_suggest_loses_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "program", "use", "Bodyweight at home")
    assert run(capsys, "--db", db, "program", "use", "--none")[0] == 0
    suggest = json.loads(run(capsys, "--db", db, "suggest", "--json")[1])
    assert "program" not in suggest
    assert json.loads(run(capsys, "--db", db, "program", "list", "--json")[1])["active"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["program", "show", "Day Z"], "no program called 'Day Z'"),
        (["program", "use", "Nope"], "no program called 'Nope'"),
        (["program", "use"], "one of the arguments NAME --none is required"),
        (["program", "frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "x.db"), *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
