"""Several clients writing one server database at once (issue 17, item 8): two processes log
500 sets each at the same time; every set is there exactly once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.clients import run_together

from hiplog.services.context import AppContext
from hiplog.storage import session_repo

WRITER = """
import sys
from datetime import datetime, timedelta
from pathlib import Path
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.storage import session_repo

url, tag, local = sys.argv[1], sys.argv[2], Path(sys.argv[3])
ctx = AppContext.open_url(url, local=local)
print("ready", flush=True)
sys.stdin.readline()  # both start together
for i in range(500):
    entry = SetEntry("glute-bridge", 1, reps=10 + i % 5, notes=f"{tag}-{i}")
    # Both writers log into the same 500 sessions, each set racing the other's.
    training_log.log_sets(ctx, [entry], datetime(2026, 1, 1, 7, 0) + timedelta(hours=i))
ctx.close()
"""


def test_two_processes_logging_500_sets_each_lose_none_and_write_none_twice(
    pg_url: str, tmp_path: Path
) -> None:
    run_together(
        WRITER,
        {tag: [pg_url, tag, str(tmp_path / tag / "local.db")] for tag in ("laptop", "desktop")},
    )
    ctx = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    try:
        with ctx.db.reader() as tx:
            sessions = session_repo.sessions_between(tx, None, None)
        notes = Counter(entry.notes for session in sessions for entry in session.sets)
    finally:
        ctx.close()
    expected = {f"{tag}-{i}" for tag in ("laptop", "desktop") for i in range(500)}
    assert set(notes) == expected
    assert max(notes.values()) == 1
