"""Every real export in ../shared/formats lands in the database whole, and only once."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiplog.domain.units import Unit
from hiplog.services import import_export
from hiplog.services.context import AppContext, builtin_catalog
from hiplog.storage import session_repo

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "formats"
FILES = sorted(p for p in FORMATS.glob("*/*") if p.is_file()) if FORMATS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/formats is not beside the repository")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:40])
def test_real_export_imports_every_set_once(path: Path, fresh_ctx: AppContext) -> None:
    fmt, data = import_export.read_import_file(path, builtin_catalog(), "auto", Unit.KG)
    expected_sets = sum(len(s.sets) for s in data.sessions)
    expected_reps = sum(e.reps for s in data.sessions for e in s.sets)
    ctx = fresh_ctx  # on SQLite and on PostgreSQL
    try:
        summary = import_export.import_file(ctx, path, "auto", Unit.KG)
        assert summary.format == fmt
        assert summary.sets_imported == expected_sets
        assert summary.sessions + summary.sessions_skipped == len(data.sessions)
        with ctx.db.reader() as tx:
            stored = list(session_repo.iter_all_sessions(tx))
        assert sum(len(s.sets) for s in stored) == expected_sets
        assert sum(e.reps for s in stored for e in s.sets) == expected_reps
        again = import_export.import_file(ctx, path, "auto", Unit.KG)
        assert again.already_imported and again.sets_imported == 0
        with ctx.db.reader() as tx:
            assert sum(len(s.sets) for s in session_repo.iter_all_sessions(tx)) == expected_sets
    finally:
        ctx.close()
