"""The command line as scripts and people use it: exit codes, messages, files."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from hiplog.cli import main
from hiplog.domain.units import Unit
from hiplog.services import settings_store
from hiplog.services.context import AppContext
from hiplog.services.locations import resolve_locations

EXPECTED_CSV = (
    "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
    "2026-11-20T18:00,barbell-hip-thrust,1,60,12,,0,,,,,\n"
    "2026-11-20T18:00,barbell-hip-thrust,2,60,12,,0,,,,,\n"
    "2026-11-20T18:00,barbell-hip-thrust,3,60,10,,0,,,,,\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_log_then_export_gives_the_contract_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = str(tmp_path / "x.db"), tmp_path / "out.csv"
    code, stdout, _ = run(
        capsys,
        "--db",
        db,
        "log",
        "barbell-hip-thrust",
        "60x12",
        "60x12",
        "60x10",
        "--date",
        "2026-11-20T18:00",
    )
    assert code == 0
    assert "Logged 3 sets of Barbell hip thrust" in stdout
    assert run(capsys, "--db", db, "export", str(out))[0] == 0
    assert out.read_text() == EXPECTED_CSV


def test_export_import_export_round_trip_is_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, again = tmp_path / "first.csv", tmp_path / "again.csv"
    first.write_text(EXPECTED_CSV)
    db = str(tmp_path / "empty.db")
    code, stdout, _ = run(capsys, "--db", db, "import", str(first))
    assert code == 0, stdout
    assert "3 sets" in stdout
    assert run(capsys, "--db", db, "export", str(again))[0] == 0
    assert again.read_text() == EXPECTED_CSV


def test_importing_the_same_file_twice_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text(EXPECTED_CSV)
    db = str(tmp_path / "t.db")
    run(capsys, "--db", db, "import", str(source))
    code, stdout, _ = run(capsys, "--db", db, "import", str(source))
    assert code == 0 and "nothing was added" in stdout
    run(capsys, "--db", db, "export", str(out))
    assert out.read_text() == EXPECTED_CSV


def test_exercises_json_lists_the_whole_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = run(capsys, "--db", str(tmp_path / "t.db"), "exercises", "--json")
    assert code == 0
    items = json.loads(stdout)
    assert len(items) == 24
    thrust = next(e for e in items if e["slug"] == "barbell-hip-thrust")
    assert thrust["rep_range"] == [8, 12] and thrust["start_load_kg"] == 20
    assert thrust["cue"]
    assert {e["role"] for e in items} == {"catalog"}


def test_exercises_json_gives_imported_exercises_their_role(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    source = tmp_path / "mixed.csv"
    source.write_text(
        "date,exercise,set,load_kg,reps,rir,warmup,side,band,duration_s,distance_m,notes\n"
        "2026-11-20T18:00,Bulgarian Split Squat,1,10,10,,0,,,,,\n"
        "2026-11-20T18:00,Bench Press (Barbell),1,80,8,,0,,,,,\n",
        encoding="utf-8",
    )
    assert run(capsys, "--db", db, "import", str(source))[0] == 0
    code, stdout, _ = run(capsys, "--db", db, "exercises", "--json")
    roles = {e["name"]: e["role"] for e in json.loads(stdout) if e["custom"]}
    assert code == 0 and roles == {"Bulgarian Split Squat": "hip", "Bench Press (Barbell)": "other"}


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["log", "barbell-hip-thrust", "60x-3"], "reps must be a whole number"),
        (["log", "barbell-hip-thrust", "60xten"], "reps must be a whole number"),
        (["log", "barbell-hip-thrust", "-60x10"], "load must be 0 or more"),
        (["log", "barbell-hip-thrust", "abcx10"], "load must be a number"),
        (["log", "barbell-hip-thrust", "60x1001"], "more than 1000"),
        (["log", "barbell-hip-thrust", "1200x5"], "over 1000 kg"),
        (["log", "barbell-hip-thrust", "60x10", "--date", "2026-02-30"], "not a real date"),
        (["log", "barbell-hip-thrust", "60x10", "--rir", "11"], "RIR"),
        (["log", "barbel-hip-thrust", "60x10"], "did you mean barbell-hip-thrust"),
        (["log", "barbell-hip-thrust", "60x10", "60x"], "SET 2"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    db, out = str(tmp_path / "t.db"), tmp_path / "out.csv"
    code, _, stderr = run(capsys, "--db", db, *argv)
    assert code == 2
    assert needle in stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    run(capsys, "--db", db, "export", str(out))
    assert out.read_text().count("\n") == 1  # the header only


def test_an_unreadable_import_names_the_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(EXPECTED_CSV + "2026-11-21T18:00,glute-bridge,1,,lots,,0,,,,,\n")
    code, _, stderr = run(capsys, "--db", str(tmp_path / "t.db"), "import", str(bad))
    assert code == 2
    assert "bad.csv line 5" in stderr


def test_a_damaged_database_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    db.write_text("this is not a database")
    code, _, stderr = run(capsys, "--db", str(db), "exercises")
    assert code == 2 and "damaged" in stderr
    assert db.read_text() == "this is not a database"


def test_the_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    env_db = tmp_path / "env.db"
    result = subprocess.run(
        [sys.executable, "-m", "hiplog", "log", "glute-bridge", "x15"],
        env={"HIPLOG_DB": str(env_db), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert env_db.exists()


def test_version_and_usage_errors() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "hiplog", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("hiplog ")
    bad = subprocess.run(
        [sys.executable, "-m", "hiplog", "frobnicate"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_suggest_and_stats_follow_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    run(capsys, "--db", db, "log", "barbell-hip-thrust", "60x12", "60x12", "60x12",
        "--date", "2026-11-20T18:00")  # fmt: skip
    code, stdout, _ = run(capsys, "--db", db, "suggest", "--json", "--date", "2026-11-21")
    assert code == 0
    plan = json.loads(stdout)
    assert plan["as_of"] == "2026-11-21"
    assert plan["next_session"] == {
        "earliest": "2026-11-22T18:00",
        "sessions_last_7_days": 1,
        "status": "recover",
    }
    (thrust,) = plan["suggestions"]
    assert thrust["exercise"] == "barbell-hip-thrust"
    assert thrust["rule"] == "add-load"
    assert thrust["load_kg"] == 62.5
    assert thrust["reps"] == [8, 8, 8]
    assert thrust["reason"].startswith("All 3 sets reached 12 reps at 60 kg last time")
    code, stdout, _ = run(capsys, "--db", db, "stats", "barbell-hip-thrust", "--json")
    (session,) = json.loads(stdout)["sessions"]
    assert session == {
        "date": "2026-11-20T18:00",
        "sets": 3,
        "reps": 36,
        "volume_kg": 2160.0,
        "top_load_kg": 60.0,
        "e1rm_kg": 84.0,
        "best_reps": 12,
    }


def test_pounds_are_stored_as_kilograms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = str(tmp_path / "t.db"), tmp_path / "out.csv"
    run(capsys, "--db", db, "log", "romanian-deadlift", "135x10", "--unit", "lb",
        "--date", "2026-11-20T18:00")  # fmt: skip
    run(capsys, "--db", db, "export", str(out))
    assert ",61.23496995," in out.read_text()  # exactly 135 lb, not rounded to 3 decimals


LB_EXPORT = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "formats"
    / "hevy"
    / "Jake-Leicht__Hevy-Dashboard-App__HevyData_20240912.csv"
)


@pytest.mark.skipif(not LB_EXPORT.is_file(), reason="../shared/formats is not there")
def test_after_an_lb_import_suggest_json_gives_the_kg_of_lb_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    code, stdout, _ = run(capsys, "--db", db, "import", str(LB_EXPORT))
    assert code == 0 and "now shows lb" in stdout
    code, stdout, _ = run(capsys, "--db", db, "suggest", "--date", "2024-09-14", "--json")
    assert code == 0
    loads = [s["load_kg"] for s in json.loads(stdout)["suggestions"] if s["load_kg"]]
    assert loads
    for kg in loads:
        assert kg == round(kg, 2)  # to 0.01 kg
        pounds = kg / 0.45359237
        assert abs(pounds - round(pounds)) < 0.02, pounds  # a whole lb load
    code, stdout, _ = run(capsys, "--db", db, "suggest", "--date", "2024-09-14")
    assert code == 0 and " lb" in stdout and " kg" not in stdout


def test_global_options_work_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "me.db")
    code, _, err = run(capsys, "log", "barbell-hip-thrust", "60x12",
                       "--date", "2026-11-20T18:00", "--db", db)  # fmt: skip
    assert code == 0, err
    code, stdout, err = run(capsys, "suggest", "--db", db, "--date", "2026-11-21")
    assert code == 0, err
    assert "Barbell hip thrust" in stdout
    # before the command as before; after it wins when both are given
    other = str(tmp_path / "other.db")
    code, stdout, _ = run(capsys, "--db", other, "stats", "barbell-hip-thrust", "--db", db)
    assert code == 0 and "1 session " in stdout
    assert not Path(other).exists()
    code, stdout, err = run(capsys, "program", "list", "--db", db)  # an action's too
    assert code == 0 and "(starter)" in stdout, err
    code, stdout, _ = run(capsys, "suggest", "--version")
    assert code == 0 and stdout.startswith("hiplog ")


def test_text_output_writes_pounds_to_a_tenth_as_the_window_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    run(capsys, "--db", db, "log", "barbell-hip-thrust", "60x12", "60x12", "60x12",
        "--date", "2026-11-20T18:00")  # fmt: skip
    ctx = AppContext.open(resolve_locations(db))
    try:
        settings_store.save(ctx, replace(settings_store.load(ctx), unit=Unit.LB))
    finally:
        ctx.close()
    code, stdout, _ = run(capsys, "--db", db, "stats", "barbell-hip-thrust")
    assert code == 0
    # 2160 kg of volume is 4761.99 lb, 60 kg is 132.28 lb: written as the window writes them
    assert "4762 lb" in stdout and "132.3 lb" in stdout
    assert "4761.99" not in stdout and "132.28" not in stdout


def test_version_and_help_import_nothing_heavy() -> None:
    probe = (
        "import sys; from hiplog.__main__ import main\n"
        "try: main(['--help'])\n"
        "except SystemExit: pass\n"
        "heavy = [m for m in ('sqlalchemy', 'hiplog.services', 'hiplog.domain.progression',"
        " 'PySide6') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert "HEAVY []" in result.stdout
