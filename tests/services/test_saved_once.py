"""Nothing is written twice (issue 17, item 6): a set saved again with its write token, after
a save whose acknowledgement was lost, is not added a second time, and an edit made again is
not refused as a conflict. On both engines, and on PostgreSQL with a commit that really lands
while the client sees its connection drop."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.lost_acknowledgement import next_commit_unacknowledged

from hiplog.domain.errors import ConflictError, DatabaseError
from hiplog.domain.models import Session, SetEntry
from hiplog.services import import_export, training_log
from hiplog.services.context import AppContext
from hiplog.services.copy_to import copy_to
from hiplog.storage import session_repo
from hiplog.storage.orm import SessionRow, SetRow

WHEN = datetime(2026, 11, 20, 18, 0)
DETAILS = Session(started_at=WHEN, bodyweight_kg=80.0)


def _rows(ctx: AppContext) -> list[tuple[int, int, float | None, int, str | None]]:
    with ctx.db.reader() as tx:
        return [
            (r.id, r.session_id, r.load_kg, r.reps, r.write_token)
            for r in tx.scalars(select(SetRow).order_by(SetRow.id))
        ]


def _session_ids(ctx: AppContext) -> list[int]:
    with ctx.db.reader() as tx:
        return list(tx.scalars(select(SessionRow.id)))


def test_a_set_saved_again_with_its_token_is_there_once_in_its_first_session(
    ctx: AppContext,
) -> None:
    token = training_log.new_write_token()
    entry = SetEntry("barbell-hip-thrust", 1, reps=10, load_kg=100.0)
    # The first save created the session; its client never heard so and still has no id.
    first_session, first = training_log.add_set_creating_session(ctx, DETAILS, entry, token)
    again_session, again = training_log.add_set_creating_session(ctx, DETAILS, entry, token)
    assert (again_session, again) == (first_session, first)
    assert _session_ids(ctx) == [first_session]  # the second try's new session went back
    assert _rows(ctx) == [(first.id, first_session, 100.0, 10, token)]

    # Into an existing session the same: the set that is there comes back, nothing is added.
    with_id = Session(started_at=WHEN, id=first_session)
    assert training_log.add_set_creating_session(ctx, with_id, entry, token) == (
        first_session,
        first,
    )
    assert training_log.add_set(ctx, first_session, entry, token) == first
    assert len(_rows(ctx)) == 1


def test_each_set_has_its_own_token_and_sets_without_one_never_clash(ctx: AppContext) -> None:
    session_id, _ = training_log.add_set_creating_session(
        ctx, DETAILS, SetEntry("glute-bridge", 1, 15), training_log.new_write_token()
    )
    training_log.add_set(ctx, session_id, SetEntry("glute-bridge", 2, 15))  # History's add
    training_log.add_set(ctx, session_id, SetEntry("glute-bridge", 3, 15))
    training_log.add_set(ctx, session_id, SetEntry("glute-bridge", 4, 12), "second-token")
    training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 10)] * 2, WHEN)  # the CLI's
    rows = _rows(ctx)
    assert len(rows) == 6
    assert [r[4] is None for r in rows] == [False, True, True, False, True, True]


def test_the_token_is_in_no_export_and_copy_to_keeps_it(ctx: AppContext, tmp_path: Path) -> None:
    token = training_log.new_write_token()
    session_id, saved = training_log.add_set_creating_session(
        ctx, DETAILS, SetEntry("barbell-hip-thrust", 1, 10, 100.0), token
    )
    import_export.export_csv(ctx, tmp_path / "sets.csv")
    import_export.export_json(ctx, tmp_path / "sets.json")
    for export in ("sets.csv", "sets.json"):
        written = (tmp_path / export).read_text(encoding="utf-8")
        assert token not in written and "token" not in written
    assert json.loads((tmp_path / "sets.json").read_text(encoding="utf-8"))  # a real export

    copy_to(ctx, str(tmp_path / "copy.db"))  # checks that both export the same
    copy = AppContext.open_path(tmp_path / "copy.db")
    try:
        # A retry that reaches the copy (the person moved to it meanwhile) adds nothing either.
        details = Session(started_at=WHEN, id=session_id)
        entry = SetEntry("barbell-hip-thrust", 1, 10, 100.0)
        assert training_log.add_set_creating_session(copy, details, entry, token) == (
            session_id,
            saved,
        )
        assert _rows(copy) == _rows(ctx)
    finally:
        copy.close()


def test_a_commit_that_lands_unheard_is_not_made_twice_by_saving_again(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    try:
        token = training_log.new_write_token()
        entry = SetEntry("barbell-hip-thrust", 1, reps=8, load_kg=120.0)
        with (
            next_commit_unacknowledged(ctx, pg_url, monkeypatch) as cut,
            pytest.raises(DatabaseError, match="lost as the change was committed") as failed,
        ):
            training_log.add_set_creating_session(ctx, DETAILS, entry, token)
        assert cut and failed.value.kind == "unreachable"
        assert len(_rows(ctx)) == 1  # the server kept it

        session_id, saved = training_log.add_set_creating_session(ctx, DETAILS, entry, token)
        assert _rows(ctx) == [(saved.id, session_id, 120.0, 8, token)]
        assert _session_ids(ctx) == [session_id]
        with ctx.db.reader() as tx:
            (kept,) = session_repo.sessions_between(tx, None, None)
        assert kept.bodyweight_kg == 80.0 and kept.sets == (saved,)
    finally:
        ctx.close()


def test_an_edit_made_again_after_it_landed_is_done_not_refused(ctx: AppContext) -> None:
    _, shown = training_log.add_set_creating_session(
        ctx, DETAILS, SetEntry("barbell-hip-thrust", 1, 8, 100.0), training_log.new_write_token()
    )
    edited = replace(shown, reps=9)
    training_log.update_set(ctx, edited, shown)
    training_log.update_set(ctx, edited, shown)  # the same edit again: the set holds it already
    with ctx.db.reader() as tx:
        (session,) = session_repo.sessions_between(tx, None, None)
    assert session.sets == (edited,)
    with pytest.raises(ConflictError, match="changed on another computer"):
        training_log.update_set(ctx, replace(shown, reps=7), shown)  # a real conflict still is


def test_an_edit_whose_commit_lands_unheard_can_be_made_again(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = AppContext.open_url(pg_url, local=tmp_path / "local.db")
    try:
        shown = training_log.log_sets(ctx, [SetEntry("glute-bridge", 1, 15)], WHEN).sets[0]
        edited = replace(shown, reps=20)
        with (
            next_commit_unacknowledged(ctx, pg_url, monkeypatch),
            pytest.raises(DatabaseError, match="the server may have kept it"),
        ):
            training_log.update_set(ctx, edited, shown)
        training_log.update_set(ctx, edited, shown)
        assert [(r[3], r[4]) for r in _rows(ctx)] == [(20, None)]
    finally:
        ctx.close()
