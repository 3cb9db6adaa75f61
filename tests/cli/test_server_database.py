"""hiplog on a PostgreSQL server from the command line (issue 17): --db-url and
HIPLOG_DATABASE_URL, the schema made on first use, other programs' databases refused, the server
named when it cannot be reached, no password in any message or file, backups, and copy-to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from hiplog.cli import main
from hiplog.services import training_log

FITNOTES = Path(__file__).parents[2].parent / "shared" / "formats" / "fitnotes_backup"


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data, config and log folders in tmp_path (platformdirs reads XDG_*)."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("HIPLOG_DATABASE_URL", raising=False)
    monkeypatch.delenv("HIPLOG_DB", raising=False)
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _export(
    capsys: pytest.CaptureFixture[str], where: list[str], path: Path, *options: str
) -> dict[str, object]:
    code, _, err = run(capsys, *where, "export", str(path), *options)
    assert code == 0, err
    document = json.loads(path.read_text("utf-8"))
    document.pop("exported_at")
    return dict(document)


def test_the_first_command_on_an_empty_database_creates_the_schema(
    empty_pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db-url", empty_pg_url, "log", "barbell-hip-thrust", "60x12")
    assert code == 0, err
    assert "Logged 1 set of Barbell hip thrust" in out
    code, _, err = run(capsys, "export", str(tmp_path / "all.csv"), "--db-url", empty_pg_url)
    assert code == 0, err
    assert ",barbell-hip-thrust,1,60,12," in (tmp_path / "all.csv").read_text("utf-8")


def test_the_environment_variable_chooses_the_server(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIPLOG_DATABASE_URL", pg_url)
    assert run(capsys, "log", "glute-bridge", "x15", "--date", "2026-11-20")[0] == 0
    code, out, _ = run(capsys, "stats", "glute-bridge")
    assert code == 0 and "2026-11-20 00:00    1    15" in out


def test_a_database_holding_other_tables_is_refused_and_left_untouched(
    empty_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(empty_pg_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"))
        connection.execute(text("INSERT INTO invoices VALUES (1, 9.5)"))
    code, _, err = run(capsys, "--db-url", empty_pg_url, "suggest")
    assert code == 2
    assert "is not a hiplog database (it holds other tables (invoices))" in err
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["invoices"]
        assert connection.execute(text("SELECT total FROM invoices")).scalar() == 9.5
    engine.dispose()


def test_an_unreachable_server_is_named_without_its_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://coach:hunter2@/training?host={tmp_path}&port=5999"
    code, out, err = run(capsys, "--db-url", url, "suggest")
    assert code == 2 and out == ""
    assert err.startswith(
        f"hiplog: could not reach the PostgreSQL server: database training on {tmp_path} port 5999"
    )
    assert err.count("\n") == 1 and "hunter2" not in err


def test_the_password_is_never_written_to_a_file_or_a_message(
    pg_url: str,
    tmp_path: Path,
    private_folders: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The test server trusts its socket, so a password in the URL is accepted and ignored.
    url = make_url(pg_url).set(password="hunter2").render_as_string(hide_password=False)
    assert "hunter2" in url
    assert run(capsys, "--db-url", url, "log", "glute-bridge", "x15")[0] == 0
    assert run(capsys, "--db-url", url, "backup")[0] == 0

    def fails(*_: object) -> None:
        raise RuntimeError(f"lost {url} and password=hunter2")

    monkeypatch.setattr(training_log, "log_sets", fails)
    code, out, err = run(capsys, "--db-url", url, "log", "glute-bridge", "x15")
    assert code == 1 and "unexpected error" in err
    assert "hunter2" not in out + err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "hiplog.log" for p in written)
    for path in written:
        assert b"hunter2" not in path.read_bytes(), path


def test_backup_of_a_server_database_is_a_json_export_in_the_local_backups_folder(
    pg_url: str, private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db-url", pg_url, "log", "glute-bridge", "x15", "x14")[0] == 0
    assert run(capsys, "--db-url", pg_url, "athletes", "add", "Sam")[0] == 0
    assert run(capsys, "--db-url", pg_url, "log", "glute-bridge", "x9", "--athlete", "Sam")[0] == 0
    folder = private_folders / "xdg_data_home" / "hiplog" / "backups"

    # Every athlete by default (the whole database, as a SQLite backup is the whole file)...
    code, out, err = run(capsys, "--db-url", pg_url, "backup")
    assert code == 0, err
    backups = list(folder.glob("*.json"))
    assert len(backups) == 1 and backups[0].name.startswith("hiplog-manual-")
    assert str(backups[0]) in out
    everyone = json.loads(backups[0].read_text("utf-8"))["athletes"]
    reps = {a["name"]: [s["reps"] for s in a["sessions"][0]["sets"]] for a in everyone}
    assert reps == {"Me": [15, 14], "Sam": [9]}

    # ... or the one named.
    code, out, err = run(capsys, "--db-url", pg_url, "backup", "--athlete", "Sam")
    assert code == 0, err
    (sams,) = set(folder.glob("*.json")) - set(backups)
    document = json.loads(sams.read_text("utf-8"))
    assert document["athlete"] == "Sam"
    assert [s["reps"] for s in document["sessions"][0]["sets"]] == [9]


def test_copy_to_a_server_and_back_gives_identical_exports(
    empty_pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = ["--db", str(tmp_path / "original.db")]
    backup = sorted(FITNOTES.glob("*.fitnotes"))[0]
    assert run(capsys, *original, "import", str(backup), "--unit", "kg")[0] == 0
    assert run(capsys, *original, "log", "glute-bridge", "20x15", "--date", "2026-11-20")[0] == 0
    # A second athlete, with training and a setting of their own, goes along.
    assert run(capsys, *original, "athletes", "add", "Sam")[0] == 0
    sams = [*original, "--athlete", "Sam", "log", "barbell-hip-thrust", "100x8", "--unit", "lb"]
    assert run(capsys, *sams)[0] == 0
    code, out, err = run(capsys, *original, "copy-to", empty_pg_url)
    assert code == 0, err
    assert "both export the same" in out
    back = tmp_path / "back.db"
    code, out, err = run(capsys, "--db-url", empty_pg_url, "copy-to", str(back))
    assert code == 0, err
    everyone = "--all-athletes"
    first = _export(capsys, original, tmp_path / "original.json", everyone)
    on_server = _export(capsys, ["--db-url", empty_pg_url], tmp_path / "server.json", everyone)
    again = _export(capsys, ["--db", str(back)], tmp_path / "back.json", everyone)
    assert first == on_server == again
    athletes = {a["name"]: a for a in first["athletes"]}  # type: ignore[attr-defined]
    assert len(athletes["Me"]["sessions"]) > 10
    assert [s["load_kg"] for s in athletes["Sam"]["sessions"][0]["sets"]] == [45.359237]
    # The server hands out new ids after the copied ones, athletes' included.
    server = ["--db-url", empty_pg_url]
    assert run(capsys, *server, "log", "glute-bridge", "x12", "--athlete", "Me")[0] == 0
    assert run(capsys, *server, "athletes", "add", "Kim")[0] == 0
    code, out, _ = run(capsys, *server, "athletes")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["Kim", "Me", "Sam"]


def test_copy_to_refuses_a_database_or_file_that_is_not_empty(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = ["--db", str(tmp_path / "original.db")]
    assert run(capsys, *original, "log", "glute-bridge", "x15")[0] == 0
    code, _, err = run(capsys, *original, "copy-to", pg_url)
    assert code == 2 and "needs an empty database" in err
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"mine")
    code, _, err = run(capsys, *original, "copy-to", str(taken))
    assert code == 2 and "a file is already there" in err
    assert taken.read_bytes() == b"mine"


def test_clients_starting_together_on_an_empty_database_both_get_one_schema(
    empty_pg_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "HIPLOG_DATABASE_URL": empty_pg_url, "XDG_STATE_HOME": str(tmp_path)}
    starts = [
        subprocess.Popen(
            [sys.executable, "-m", "hiplog", "log", "glute-bridge", f"x{reps}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for reps in (15, 16, 17)
    ]
    for start in starts:
        _, err = start.communicate(timeout=120)
        assert start.returncode == 0, err
    engine = create_engine(empty_pg_url)
    with engine.connect() as connection:
        slugs = connection.execute(text("SELECT count(*), count(DISTINCT slug) FROM exercises"))
        total, distinct = slugs.one()
        reps = connection.execute(text("SELECT reps FROM sets ORDER BY reps")).scalars().all()
    engine.dispose()
    assert total == distinct > 0
    assert reps == [15, 16, 17]
