"""Log and edit training: sessions and sets, each change in one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from hiplog.domain.errors import ConflictError, InputError
from hiplog.domain.models import Session, SetEntry
from hiplog.domain.translation import N_, _, exercise_name
from hiplog.domain.validation import check_training_date, validate_bodyweight, validate_set
from hiplog.domain.wording import set_text
from hiplog.services.context import AppContext
from hiplog.storage import session_repo
from hiplog.storage.session_repo import AlreadySaved, SetChanged

# Without an explicit date, sets logged within this long after a session started join it.
JOIN_WINDOW = timedelta(hours=3)


def _check_sets(ctx: AppContext, sets: tuple[SetEntry, ...]) -> None:
    catalog = ctx.catalog()
    for index, entry in enumerate(sets, start=1):
        if entry.exercise not in catalog:
            raise InputError(
                _("unknown exercise '{exercise}'").format(exercise=entry.exercise),
                _("set {number}").format(number=index),
            )
        validate_set(entry, _("set {number}").format(number=index))


def log_sets(
    ctx: AppContext, sets: list[SetEntry], when: datetime | None = None, note: str = ""
) -> Session:
    """Add sets to a session, whole or not at all.

    With `when`, they join the session that started at exactly that time, or a new one. Without
    it, they join a session that started in the last three hours, or a new one starting now.
    Set numbers continue after the sets the session already holds for the same exercise.
    """
    now = datetime.now().replace(microsecond=0)
    check_training_date(when or now, "date")
    with ctx.db.transaction() as tx:
        if when is not None:
            candidates = session_repo.sessions_between(tx, when, when + timedelta(seconds=1))
        else:
            candidates = session_repo.sessions_between(tx, now - JOIN_WINDOW, now + JOIN_WINDOW)
        existing = candidates[-1] if candidates else None
        taken: dict[str, int] = {}
        for entry in existing.sets if existing else ():
            taken[entry.exercise] = max(taken.get(entry.exercise, 0), entry.order)
        numbered: list[SetEntry] = []
        for entry in sets:
            taken[entry.exercise] = taken.get(entry.exercise, 0) + 1
            numbered.append(replace(entry, order=taken[entry.exercise]))
        _check_sets(ctx, tuple(numbered))
        if existing is None:
            session = Session(started_at=when or now, sets=tuple(numbered), notes=note)
            return session_repo.add_session(tx, session)
        assert existing.id is not None
        added = tuple(session_repo.add_set(tx, existing.id, entry) for entry in numbered)
        return replace(existing, sets=existing.sets + added)


def create_session(
    ctx: AppContext, started_at: datetime, bodyweight_kg: float | None = None, notes: str = ""
) -> Session:
    validate_bodyweight(bodyweight_kg)
    check_training_date(started_at, "date")
    with ctx.db.transaction() as tx:
        return session_repo.add_session(
            tx, Session(started_at=started_at, bodyweight_kg=bodyweight_kg, notes=notes)
        )


def update_session_details(
    ctx: AppContext, session_id: int, started_at: datetime, notes: str, bodyweight_kg: float | None
) -> None:
    validate_bodyweight(bodyweight_kg)
    check_training_date(started_at, "date")
    with ctx.db.transaction() as tx:
        session_repo.update_session_details(tx, session_id, started_at, notes, bodyweight_kg)


def new_write_token() -> str:
    """A token for a set about to be saved: kept with the set while it is unsaved and given on
    every attempt to save it, so that a save whose acknowledgement was lost (the server
    committed, the connection dropped before the client heard) is not made twice."""
    return str(uuid.uuid4())


def add_set(
    ctx: AppContext, session_id: int, entry: SetEntry, write_token: str | None = None
) -> SetEntry:
    """Add a set to a session; with `write_token`, at most once (see new_write_token)."""
    _check_sets(ctx, (entry,))
    try:
        with ctx.db.transaction() as tx:
            return session_repo.add_set(tx, session_id, entry, write_token)
    except AlreadySaved as done:
        return done.saved


def _conflict(ctx: AppContext, doing: str, changed: SetChanged) -> ConflictError:
    current = changed.current
    if current is None:
        now = _("it was deleted there")
    else:
        catalog = ctx.catalog()
        name = exercise_name(catalog[current.exercise].name) if current.exercise in catalog else ""
        held = set_text(current, ctx.settings().unit)
        now = (
            _("it is now {name} {set}").format(name=name, set=held)
            if name
            else _("it is now {set}").format(set=held)
        )
    return ConflictError(
        _(
            "could not {doing}: it was changed on another computer since it was shown here "
            "({now}); nothing was changed"
        ).format(doing=_(doing), now=now),
        "set",
    )


def update_set(ctx: AppContext, entry: SetEntry, expected: SetEntry | None = None) -> None:
    """Save an edited set. With `expected` (the set as this client last showed it), a set
    another client changed or deleted meanwhile is refused with ConflictError saying what it
    holds now."""
    if entry.id is None:
        raise ValueError(_("update_set needs a set that has been saved"))
    _check_sets(ctx, (entry,))
    try:
        with ctx.db.transaction() as tx:
            session_repo.update_set(tx, entry, expected)
    except SetChanged as exc:
        raise _conflict(ctx, N_("change this set"), exc) from None


def delete_set(ctx: AppContext, set_id: int, expected: SetEntry | None = None) -> None:
    """Delete a set; with `expected`, refused (ConflictError) when it changed elsewhere."""
    try:
        with ctx.db.transaction() as tx:
            session_repo.delete_set(tx, set_id, expected)
    except SetChanged as exc:
        raise _conflict(ctx, N_("delete this set"), exc) from None


def saved_write_tokens(ctx: AppContext, tokens: Sequence[str]) -> set[str]:
    """Which of these write tokens are on saved sets: an unsaved row holding one was in fact
    saved (its acknowledgement was lost) and is in the session as read now."""
    with ctx.db.reader() as tx:
        return session_repo.saved_write_tokens(tx, tokens)


def get_session(ctx: AppContext, session_id: int) -> Session | None:
    with ctx.db.reader() as tx:
        return session_repo.get_session(tx, session_id)


def delete_session(ctx: AppContext, session_id: int) -> Session:
    """Delete a session and return it whole, so that an undo can put it back."""
    with ctx.db.transaction() as tx:
        session = session_repo.get_session(tx, session_id)
        if session is None:
            raise InputError(_("there is no session {session_id}").format(session_id=session_id))
        session_repo.delete_session(tx, session_id)
        return session


def restore_session(ctx: AppContext, session: Session) -> Session:
    """Put back a deleted session (its sets get new ids)."""
    cleared = replace(session, id=None, sets=tuple(replace(s, id=None) for s in session.sets))
    _check_sets(ctx, cleared.sets)
    with ctx.db.transaction() as tx:
        return session_repo.add_session(tx, cleared)


def add_set_creating_session(
    ctx: AppContext, session: Session, entry: SetEntry, write_token: str | None = None
) -> tuple[int, SetEntry]:
    """Add a set to `session`, first creating it from its details if it has no id yet.

    One transaction: a set that is refused leaves no empty session behind. Returns the
    session's id and the saved set. With `write_token`, a set saved earlier under it (its
    acknowledgement lost) is returned with its session, and nothing is added."""
    _check_sets(ctx, (entry,))
    try:
        with ctx.db.transaction() as tx:
            session_id = session.id
            if session_id is None:
                validate_bodyweight(session.bodyweight_kg)
                created = session_repo.add_session(tx, replace(session, sets=()))
                assert created.id is not None
                session_id = created.id
            return session_id, session_repo.add_set(tx, session_id, entry, write_token)
    except AlreadySaved as done:  # rolled back: the session just made, if any, too
        return done.session_id, done.saved


def delete_set_and_empty_session(
    ctx: AppContext, set_id: int, session_id: int, expected: SetEntry | None = None
) -> bool:
    """Delete a set, and its session if no set is left in it; True if the session went too.

    One transaction, so no empty session is ever left behind (the Log's last set undone).
    With `expected`, refused (ConflictError) when the set changed elsewhere."""
    try:
        return _delete_set_and_empty_session(ctx, set_id, session_id, expected)
    except SetChanged as exc:
        raise _conflict(ctx, N_("delete this set"), exc) from None


def _delete_set_and_empty_session(
    ctx: AppContext, set_id: int, session_id: int, expected: SetEntry | None
) -> bool:
    with ctx.db.transaction() as tx:
        session_repo.delete_set(tx, set_id, expected)
        session = session_repo.get_session(tx, session_id)
        if session is None:
            return True
        if session.sets:
            return False
        session_repo.delete_session(tx, session_id)
        return True
