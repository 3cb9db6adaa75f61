"""The command line in the person's language: German reasons under LANG=de_DE.UTF-8, English
under LANG=C, the language setting over the system's, JSON keys and codes never translated,
and loads typed with a decimal comma."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from hiplog.cli import main
from hiplog.resources import resource_path
from hiplog.services import settings_store
from hiplog.services.context import AppContext


def _hiplog(tmp_path: Path, lang: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "hiplog", "--db", str(tmp_path / "t.db"), *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def logged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database with one hip-thrust session of 3 x 12 at 60 kg on 2026-11-20."""
    db = tmp_path / "t.db"
    sets = ("60x12", "60x12", "60x12")
    assert (
        main(["--db", str(db), "log", "barbell-hip-thrust", *sets, "--date", "2026-11-20T18:00"])
        == 0
    )
    capsys.readouterr()
    return db


def test_lang_de_suggest_prints_german_reasons(logged: Path) -> None:
    result = _hiplog(logged.parent, "de_DE.UTF-8", "suggest", "--date", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert "Nächste Einheit: So., 22. Nov. 2026 18:00" in result.stdout
    assert "3 x 8 mit 62,5 kg [add-load]" in result.stdout
    assert (
        "Alle 3 Sätze haben letztes Mal mit 60 kg 12 Wiederholungen erreicht, also leg 2,5 kg "
        "drauf und fang wieder mit 8 Wiederholungen an." in result.stdout
    )
    assert "reps" not in result.stdout and "sets" not in result.stdout


def test_lang_c_suggest_stays_english(logged: Path) -> None:
    result = _hiplog(logged.parent, "C", "suggest", "--date", "2026-11-21")
    assert result.returncode == 0, result.stderr
    assert "Next session: Sun 22 Nov 2026 18:00 (recover; 1 session in the last 7 days)" in (
        result.stdout
    )
    assert "All 3 sets reached 12 reps at 60 kg last time, so add 2.5 kg" in result.stdout


@pytest.mark.parametrize(
    ("lang", "reason", "warning"),
    [
        ("C", "All 3 sets reached 12 reps at 60 kg last time", "You did 3 hard sets"),
        ("de_DE.UTF-8", "Alle 3 Sätze haben letztes Mal mit 60 kg", "Du hast in den letzten"),
        ("es_ES.UTF-8", "Las 3 series llegaron a 12 repeticiones con 60 kg", "Hiciste 3 series"),
        ("fr_FR.UTF-8", "Les 3 séries ont atteint 12 répétitions à 60 kg", "Vous avez fait 3"),
    ],
)
def test_json_keeps_keys_and_codes_and_translates_reason_and_message(
    logged: Path, lang: str, reason: str, warning: str
) -> None:
    result = _hiplog(logged.parent, lang, "suggest", "--json", "--date", "2026-11-21")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["next_session"] == {
        "earliest": "2026-11-22T18:00",
        "sessions_last_7_days": 1,
        "status": "recover",
    }
    (thrust,) = plan["suggestions"]
    assert (thrust["rule"], thrust["load_kg"], thrust["reps"]) == ("add-load", 62.5, [8, 8, 8])
    assert thrust["reason"].startswith(reason)
    codes = [w["code"] for w in plan["warnings"]]
    assert codes == ["low-volume", "coverage-long"]
    assert plan["warnings"][0]["message"].startswith(warning)


def test_the_language_setting_wins_over_the_system(
    logged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = AppContext.open_path(logged)
    try:
        settings_store.save(ctx, replace(ctx.settings(), language="fr"))
    finally:
        ctx.close()
    result = _hiplog(logged.parent, "de_DE.UTF-8", "suggest", "--date", "2026-11-21")
    assert "Prochaine séance : dim. 22 nov. 2026 18:00" in result.stdout
    assert "3 x 8 à 62,5 kg [add-load]" in result.stdout


def test_a_decimal_comma_is_read_and_files_keep_the_point(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logged = _hiplog(
        tmp_path, "de_DE.UTF-8", "log", "barbell-hip-thrust", "62,5x8", "--date", "2026-11-20"
    )
    assert logged.returncode == 0, logged.stderr
    assert "(62,5 kg x 8) in der Einheit vom Fr., 20. Nov. 2026 00:00 eingetragen." in (
        logged.stdout
    )
    out = tmp_path / "sets.csv"
    assert _hiplog(tmp_path, "de_DE.UTF-8", "export", str(out)).returncode == 0
    assert ",62.5,8," in out.read_text(encoding="utf-8")


def test_bad_input_is_one_german_line(tmp_path: Path) -> None:
    result = _hiplog(tmp_path, "de_DE.UTF-8", "log", "barbell-hip-thrust", "60xzwölf")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Wiederholungen müssen eine ganze Zahl von 0 bis 1000 sein" in result.stderr


def test_help_follows_the_system_language(tmp_path: Path) -> None:
    result = _hiplog(tmp_path, "es_ES.UTF-8", "--help")
    assert result.returncode == 0
    assert "Diario de entrenamiento" in result.stdout
    assert "sugerencias para la próxima sesión" in result.stdout


def _unmarked_words(text: str) -> list[str]:
    """Words of `text` outside the pseudo-locale's ⟦...⟧ markers (nested markers included),
    leaving out what is not text: slugs and rule codes (glute-bridge, lunge, add-load), what the
    person typed ('60xabc'), argument names (SET), the program's name and units."""
    outside, depth = [], 0
    for char in text:
        if char == "⟦":
            depth += 1
            outside.append(" ")
        elif char == "⟧":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    rest = re.sub(r"'[^']*'|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[A-Z]{2,}\b", " ", "".join(outside))
    slugs = {e["slug"] for e in json.loads(resource_path("catalog.json").read_text("utf-8"))}
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return [w for w in words if w not in slugs and w not in ("hiplog", "kg", "lb")]


@pytest.mark.parametrize(
    "argv",
    [
        ("suggest", "--date", "2026-11-21"),
        ("exercises",),
        ("program", "list"),
        ("program", "show", "Gym with a barbell"),
        ("stats", "barbell-hip-thrust"),
        ("log", "barbell-hip-thrust", "60xabc"),
    ],
)
def test_no_text_outside_the_window_is_left_unmarked_in_the_pseudo_locale(
    logged: Path, argv: tuple[str, ...]
) -> None:
    result = _hiplog(logged.parent, "en_XA", *argv)
    assert "⟦" in result.stdout + result.stderr
    assert _unmarked_words(result.stdout + result.stderr) == []


def test_the_help_texts_are_marked_in_the_pseudo_locale(tmp_path: Path) -> None:
    """argparse's own words (usage, options) stay English: Python ships no translation."""
    result = _hiplog(tmp_path, "en_XA", "--help")
    for text in ("Training log and progression tracker", "next-session suggestions"):
        assert f"⟦{text}" in result.stdout.replace("\n", " ").replace("  ", " ")
