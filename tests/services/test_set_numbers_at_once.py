"""Two clients adding sets to one session at once (issue 17, item 6, noticed while logging from
two computers): each numbers its sets from what it last read, yet no two sets of an exercise
(and side) in the session get the same number. Two processes, on both engines."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from tests.clients import run_together

from hiplog.domain.models import Session, SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext

SETS_EACH = 150

WRITER = """
import sys
from pathlib import Path
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext

where, tag, local, session_id, count = sys.argv[1:6]
if where.startswith("postgresql"):
    ctx = AppContext.open_url(where, local=Path(local))
else:
    ctx = AppContext.open_path(Path(where))
print("ready", flush=True)
sys.stdin.readline()  # both start together
for n in range(1, int(count) + 1):
    # Numbered as this client's Log numbers them: after its own last set.
    entry = SetEntry("glute-bridge", n, reps=10, notes=f"{tag}-{n}")
    token = training_log.new_write_token() if n % 2 else None  # the Log's save and History's
    training_log.add_set(ctx, int(session_id), entry, token)
ctx.close()
"""


def test_two_processes_adding_to_one_session_never_give_two_sets_one_number(
    ctx: AppContext, tmp_path: Path
) -> None:
    session = training_log.create_session(ctx, datetime(2026, 11, 20, 18, 0))
    assert session.id is not None
    where = (
        ctx.db.url.render_as_string(hide_password=False)
        if ctx.db.url is not None
        else str(ctx.db.path)
    )
    args = (str(session.id), str(SETS_EACH))
    run_together(
        WRITER,
        {
            tag: [where, tag, str(tmp_path / tag / "local.db"), *args]
            for tag in ("laptop", "desktop")
        },
    )
    saved = training_log.get_session(ctx, session.id)
    assert saved is not None
    assert Counter(s.notes.split("-")[0] for s in saved.sets) == {
        "laptop": SETS_EACH,
        "desktop": SETS_EACH,
    }
    assert sorted(s.order for s in saved.sets) == list(range(1, 2 * SETS_EACH + 1))
    # Each client's own sets keep their order among themselves.
    for tag in ("laptop", "desktop"):
        mine = [s for s in sorted(saved.sets, key=lambda s: s.order) if s.notes.startswith(tag)]
        assert [s.notes for s in mine] == [f"{tag}-{n}" for n in range(1, SETS_EACH + 1)]


def test_a_number_another_side_has_is_kept_and_a_free_one_too(ctx: AppContext) -> None:
    session_id, left = training_log.add_set_creating_session(
        ctx, Session(datetime(2026, 11, 20, 18, 0)), SetEntry("step-up", 1, 10, side="L")
    )
    right = training_log.add_set(ctx, session_id, SetEntry("step-up", 1, 10, side="R"))
    again = training_log.add_set(ctx, session_id, SetEntry("step-up", 1, 9, side="L"))
    gap = training_log.add_set(ctx, session_id, SetEntry("step-up", 7, 8, side="L"))
    assert (left.order, right.order, again.order, gap.order) == (1, 1, 2, 7)
