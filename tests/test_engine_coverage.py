"""Every storage and service test module runs on SQLite and on PostgreSQL (issue 17), or says in
one line at the top of its docstring why it cannot mean anything on a server ("SQLite only: ..."),
so that a module added later cannot forget the server."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("tests/storage", "tests/services")
MARK = "SQLite only:"


def _modules() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).glob("test_*.py"))


def _sqlite_only_reason(path: Path) -> str:
    """The reason after "SQLite only:" on a line of the module's docstring, else ""."""
    docstring = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
    for line in docstring.splitlines():
        if line.startswith(MARK):
            return line.removeprefix(MARK).strip()
    return ""


@pytest.fixture(scope="module")
def census(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bool]:
    """Module -> whether a test of it runs on PostgreSQL, as pytest collects them."""
    out = tmp_path_factory.mktemp("census") / "census.json"
    plugins = ["-p", "tests.engine_census", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *plugins, *FOLDERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HIPLOG_ENGINE_CENSUS": str(out)},
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    found: dict[str, bool] = json.loads(out.read_text("utf-8"))
    return found


def test_every_storage_and_service_module_runs_on_postgresql_or_says_why_not(
    census: dict[str, bool],
) -> None:
    neither, both = [], []
    for path in _modules():
        on_server = census.get(path.resolve().as_posix(), False)
        reason = _sqlite_only_reason(path)
        if not on_server and not reason:
            neither.append(path.relative_to(ROOT).as_posix())
        if on_server and reason:
            both.append(path.relative_to(ROOT).as_posix())
    assert neither == [], f"run these on PostgreSQL too, or say '{MARK} why' at their top"
    assert both == [], f"these run on PostgreSQL: take '{MARK}' out of their docstring"


def test_the_census_sees_both_kinds_of_module(census: dict[str, bool]) -> None:
    by_name = {Path(k).name: v for k, v in census.items()}
    assert by_name["test_schema_constraints.py"] is True
    assert by_name["test_write_lock.py"] is False
