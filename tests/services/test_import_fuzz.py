"""Fuzzing every importer through `import_file`: a damaged or odd file is imported or refused
with an InputError, never an unhandled exception, and a refused file changes nothing. On SQLite
and on PostgreSQL (fewer examples there: each one copies a database on the server)."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.targets import PgDatabases

from hiplog.domain.errors import InputError
from hiplog.domain.models import SetEntry
from hiplog.services import import_export, training_log
from hiplog.services.context import AppContext

FORMATS_DIR = Path(__file__).parents[2].parent / "shared" / "formats"
# `make fuzz` (LONG) runs many more examples. A value the log cannot hold (negative reps in a
# FitNotes backup, found here) is refused naming the row: test_import_unstorable_values.py.
SHORT = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(SHORT, max_examples=3000)
# On PostgreSQL every example copies the template database on the server (CREATE DATABASE ...
# TEMPLATE) and opens it: about ten times the cost of a SQLite file copy, so a tenth as many.
PG_SHARE = 10
_names = itertools.count()
ENGINES = pytest.mark.parametrize("engine", ["sqlite", "postgresql"])


def _real(folder: str, limit: int = 4000) -> list[bytes]:
    files = sorted((FORMATS_DIR / folder).glob("*")) if (FORMATS_DIR / folder).is_dir() else []
    return [path.read_bytes()[:limit] for path in files if path.is_file()]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small database every example starts from (a copy), so each one runs quickly."""
    path = tmp_path_factory.mktemp("template") / "hiplog.db"
    context = AppContext.open_path(path)
    training_log.log_sets(
        context, [SetEntry("barbell-hip-thrust", 1, reps=8, load_kg=90.0)], datetime(2026, 1, 1)
    )
    context.close()
    return path


@pytest.fixture(scope="module")
def own_files(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """hiplog's own CSV and JSON exports of the template database, as seeds to mutate."""
    folder = tmp_path_factory.mktemp("own")
    ctx = AppContext.open_path(template)
    try:
        import_export.export_csv(ctx, folder / "a.csv")
        import_export.export_json(ctx, folder / "a.json")
    finally:
        ctx.close()
    return {
        "hiplog": (folder / "a.csv").read_bytes(),
        "hiplog-json": (folder / "a.json").read_bytes(),
    }


@pytest.fixture(scope="module")
def pg_fuzz_template(template: Path, pg_databases: PgDatabases) -> Iterator[str]:
    """The template's content on the test server: the name of a database to copy."""
    name, url = pg_databases.new()
    context = AppContext.open_url(url, local=template.parent / "pg-local.db")
    training_log.log_sets(
        context, [SetEntry("barbell-hip-thrust", 1, reps=8, load_kg=90.0)], datetime(2026, 1, 1)
    )
    context.close()
    yield name
    pg_databases.drop(name)


@dataclass
class Start:
    """Where each example starts: a copy of the template, a file or a server database."""

    template: Path
    pg: PgDatabases | None = None
    pg_template: str = ""

    def open_copy(self, work: Path) -> tuple[AppContext, Callable[[], None]]:
        """A new copy of the template, opened, and what removes it."""
        folder = work / f"db-{next(_names)}"
        folder.mkdir()
        if self.pg is not None:
            pg, (name, url) = self.pg, self.pg.new(self.pg_template)

            def remove() -> None:
                pg.drop(name)
                shutil.rmtree(folder)

            return AppContext.open_url(url, local=folder / "local.db"), remove
        shutil.copyfile(self.template, folder / "hiplog.db")
        return AppContext.open_path(folder / "hiplog.db"), lambda: shutil.rmtree(folder)

    def examples(self, chosen: settings) -> settings:
        """`chosen`, with a tenth of its examples on PostgreSQL."""
        if self.pg is None:
            return chosen
        return settings(chosen, max_examples=max(5, chosen.max_examples // PG_SHARE))


@pytest.fixture
def start(engine: str, template: Path, request: pytest.FixtureRequest) -> Start:
    if engine == "postgresql":
        return Start(
            template,
            request.getfixturevalue("pg_databases"),
            request.getfixturevalue("pg_fuzz_template"),
        )
    return Start(template)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("work")


def _mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed file with a slice replaced by random bytes, cut short, or left alone."""

    def mutate(seed: bytes) -> st.SearchStrategy[bytes]:
        size = len(seed)
        return st.one_of(
            st.tuples(st.integers(0, size), st.integers(0, 40), st.binary(max_size=40)).map(
                lambda t: seed[: t[0]] + t[2] + seed[t[0] + t[1] :]
            ),
            st.tuples(st.integers(0, size), st.integers(0, 40), st.text(max_size=20)).map(
                lambda t: seed[: t[0]] + t[2].encode() + seed[t[0] + t[1] :]
            ),
            st.integers(0, size).map(lambda n: seed[:n]),
            st.just(seed),
        )

    choices: list[st.SearchStrategy[bytes]] = [st.binary(max_size=200)]
    if seeds:
        choices.append(st.sampled_from(seeds).flatmap(mutate))
    return st.one_of(*choices)


def _snapshot(ctx: AppContext, work: Path) -> object:
    """Everything a full backup holds, without the moment it was written."""
    import_export.export_json(ctx, work / "snapshot.json", replace=True)
    data = json.loads((work / "snapshot.json").read_text("utf-8"))
    return {key: value for key, value in data.items() if "export" not in key}


def _import(start: Start, work: Path, fmt: str, content: bytes, suffix: str) -> None:
    path = work / f"in-{next(_names)}{suffix}"
    path.write_bytes(content)
    ctx, remove = start.open_copy(work)
    try:
        before = _snapshot(ctx, work)
        try:
            import_export.import_file(ctx, path, fmt)
        except InputError as exc:
            assert str(exc)
            assert _snapshot(ctx, work) == before, "a refused file changed the database"
    finally:
        ctx.close()
        path.unlink()
        remove()


CSV_FORMATS = {"strong": "strong", "hevy": "hevy", "fitnotes": "fitnotes"}


def _import_mutated_text(
    start: Start, own_files: dict[str, bytes], work: Path, fmt: str, data: st.DataObject
) -> None:
    """Import a mutated real export of `fmt` (any format's for "auto") as `fmt`."""
    seeds = {f: _real(folder) for f, folder in CSV_FORMATS.items()}
    seeds.update({k: [v] for k, v in own_files.items()})
    pool = seeds.get(fmt) or [s for group in seeds.values() for s in group]
    content = data.draw(_mutated(pool))
    _import(start, work, fmt, content, ".json" if fmt == "hiplog-json" else ".csv")


def _fuzz_text_exports(
    start: Start, own_files: dict[str, bytes], work: Path, fmt: str, chosen: settings
) -> None:
    @start.examples(chosen)
    @given(data=st.data())
    def example(data: st.DataObject) -> None:
        _import_mutated_text(start, own_files, work, fmt, data)

    example()


def _fuzz_fitnotes_backups(start: Start, work: Path, chosen: settings) -> None:
    @start.examples(chosen)
    @given(content=_mutated(_real("fitnotes_backup", limit=1 << 20)))
    def example(content: bytes) -> None:
        _import(start, work, "fitnotes-backup", content, ".fitnotes")

    example()


@ENGINES
@pytest.mark.parametrize("fmt", [*CSV_FORMATS, "hiplog", "hiplog-json", "auto"])
def test_fuzz_importing_text_exports(
    start: Start, own_files: dict[str, bytes], work: Path, fmt: str
) -> None:
    _fuzz_text_exports(start, own_files, work, fmt, SHORT)


@ENGINES
def test_fuzz_importing_fitnotes_backups(start: Start, work: Path) -> None:
    _fuzz_fitnotes_backups(start, work, settings(SHORT, max_examples=25))


@pytest.mark.slow
@ENGINES
@pytest.mark.parametrize("fmt", [*CSV_FORMATS, "hiplog", "hiplog-json", "auto"])
def test_fuzz_importing_text_exports_long(
    start: Start, own_files: dict[str, bytes], work: Path, fmt: str
) -> None:
    _fuzz_text_exports(start, own_files, work, fmt, LONG)


@pytest.mark.slow
@ENGINES
def test_fuzz_importing_fitnotes_backups_long(start: Start, work: Path) -> None:
    _fuzz_fitnotes_backups(start, work, settings(LONG, max_examples=500))
