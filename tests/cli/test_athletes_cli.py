"""`--athlete NAME`, `hiplog athletes [--json]` and `hiplog athletes add NAME`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hiplog.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database where Me logged hip thrusts and Sam, added later, glute bridges."""
    path = str(tmp_path / "family.db")
    assert (
        run(capsys, "--db", path, "log", "barbell-hip-thrust", "60x12", "--date", "2026-11-20")[0]
        == 0
    )
    assert run(capsys, "--db", path, "athletes", "add", "Sam")[0] == 0
    code, _, err = run(
        capsys,
        "log",
        "glute-bridge",
        "x15",
        "x15",
        "--date",
        "2026-11-21",
        "--db",
        path,
        "--athlete",
        "Sam",
    )
    assert code == 0, err
    return path


def test_with_one_athlete_no_command_needs_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "one.db")
    assert run(capsys, "--db", path, "log", "glute-bridge", "x12")[0] == 0
    code, out, _ = run(capsys, "--db", path, "athletes", "--json")
    assert code == 0
    assert json.loads(out) == {"athletes": [{"name": "Me", "unit": "kg", "sessions": 1}]}


def test_the_list_names_each_athlete_with_unit_and_sessions(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "athletes", "--json")
    assert code == 0
    assert json.loads(out) == {
        "athletes": [
            {"name": "Me", "unit": "kg", "sessions": 1},
            {"name": "Sam", "unit": "kg", "sessions": 1},
        ]
    }
    code, out, _ = run(capsys, "athletes", "--db", db)
    assert out == "Me  (kg, 1 session)\nSam  (kg, 1 session)\n"


def test_several_athletes_and_no_option_is_refused_naming_them(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", db, "suggest", "--json")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "2 athletes (Me, Sam)" in err and "--athlete NAME" in err


def test_an_unknown_athlete_is_refused_naming_the_known_ones(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", db, "--athlete", "Kim", "stats", "glute-bridge")
    assert code == 2
    assert "no athlete 'Kim'" in err and "known: Me, Sam" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_option_picks_whose_training_before_or_after_the_command(
    db: str, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    option = ["--athlete", "Sam"]
    argv = [*option, "--db", db, "stats", "glute-bridge", "--json"]
    if where == "after":
        argv = ["--db", db, "stats", "glute-bridge", "--json", *option]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert [s["date"][:10] for s in json.loads(out)["sessions"]] == ["2026-11-21"]
    code, out, _ = run(capsys, "--db", db, "--athlete", "Me", "stats", "glute-bridge", "--json")
    assert json.loads(out)["sessions"] == []


@pytest.mark.parametrize(("name", "says"), [("", "needs a name"), ("sam", "already an athlete")])
def test_adding_an_empty_or_taken_name_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    code, _, err = run(capsys, "--db", db, "athletes", "add", name)
    assert code == 2 and says in err
    _, out, _ = run(capsys, "--db", db, "athletes", "--json")
    assert [a["name"] for a in json.loads(out)["athletes"]] == ["Me", "Sam"]


def test_export_covers_one_athlete_or_all(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "x.csv"))
    assert code == 2 and "--athlete" in err
    code, _, _ = run(capsys, "--db", db, "--athlete", "Sam", "export", str(tmp_path / "sam.csv"))
    assert code == 0
    assert (tmp_path / "sam.csv").read_text("utf-8").count("glute-bridge") == 2
    code, out, _ = run(capsys, "--db", db, "export", str(tmp_path / "all.json"), "--all-athletes")
    assert code == 0 and "every athlete" in out
    doc = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert [(a["name"], len(a["sessions"])) for a in doc["athletes"]] == [("Me", 1), ("Sam", 1)]
    code, _, err = run(capsys, "--db", db, "export", str(tmp_path / "all.csv"), "--all-athletes")
    assert code == 2 and "one athlete's sets" in err


def _hiplog_in(lang: str, db: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """`hiplog --db DB ARGV...` as a person would run it, under LANG=`lang`."""
    home = str(Path(db).parent)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "hiplog", "--db", db, *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_athlete_commands_speak_german_under_lang_de(db: str) -> None:
    german = "de_DE.UTF-8"
    listed = _hiplog_in(german, db, "athletes")
    assert (listed.returncode, listed.stdout) == (0, "Me  (kg, 1 Einheit)\nSam  (kg, 1 Einheit)\n")
    taken = _hiplog_in(german, db, "athletes", "add", "sam")
    assert (taken.returncode, taken.stdout) == (2, "")
    assert taken.stderr == "hiplog: es gibt schon einen Athleten namens „sam“\n"
    several = _hiplog_in(german, db, "suggest")
    assert (several.returncode, several.stdout) == (2, "")
    assert several.stderr == (
        "hiplog: diese Datenbank enthält 2 Athleten (Me, Sam); gib mit --athlete NAME an, welchen\n"
    )
    unknown = _hiplog_in(german, db, "--athlete", "Kim", "stats", "glute-bridge")
    assert unknown.returncode == 2
    assert "keinen Athleten namens „Kim“; bekannt sind: Me, Sam" in unknown.stderr
    added = _hiplog_in(german, db, "athletes", "add", "Kim")
    assert added.stdout == 'Athlet Kim hinzugefügt; wähl ihn mit --athlete "Kim".\n'
    helped = _hiplog_in(german, db, "athletes", "--help")
    assert "add           einen Athleten hinzufügen" in helped.stdout
    assert "--athlete NAME  wessen Training" in helped.stdout


def test_the_athlete_commands_stay_english_under_lang_c(db: str) -> None:
    taken = _hiplog_in("C", db, "athletes", "add", "sam")
    assert taken.stderr == "hiplog: there is already an athlete called 'sam'\n"


def test_a_database_made_in_german_starts_with_an_athlete_named_in_german(
    tmp_path: Path,
) -> None:
    made = _hiplog_in("de_DE.UTF-8", str(tmp_path / "neu.db"), "athletes", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["athletes"] == [{"name": "Ich", "unit": "kg", "sessions": 0}]


def test_rename_gives_the_athlete_another_name_and_keeps_their_training(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", db, "athletes", "rename", "Me", "Alex")
    assert (code, out, err) == (0, "Renamed the athlete Me to Alex.\n", "")
    code, out, _ = run(capsys, "--db", db, "athletes")
    assert out.splitlines() == ["Alex  (kg, 1 session)", "Sam  (kg, 1 session)"]
    code, _, err = run(capsys, "--db", db, "athletes", "rename", "Sam", "alex")
    assert code == 2 and "there is already an athlete called 'alex'" in err
    code, _, err = run(capsys, "--db", db, "athletes", "rename", "Kim", "Kimberly")
    assert code == 2 and "there is no athlete 'Kim'" in err and "known: Alex, Sam" in err
