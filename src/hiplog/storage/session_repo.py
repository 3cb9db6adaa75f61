"""Training sessions and their sets: write them whole, read them back as domain dataclasses.

Over 400 lines on purpose: every write of the `sets` table (one by one, checked against what a
client last read, and in bulk on each engine) shares the one mapping of a SetEntry to its
columns kept here; split apart, the writers would each need it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session as OrmSession

from hiplog.domain.models import Session, SetEntry
from hiplog.storage.athlete_scope import ATHLETE_KEY
from hiplog.storage.exercise_repo import slug_ids
from hiplog.storage.orm import ExerciseRow, SessionRow, SetRow
from hiplog.storage.row_check import sound_session, sound_set

# The `sets` columns that hold a SetEntry (all but id and session_id), in _set_values' order.
_SET_COLUMNS = (
    "exercise_id",
    "position",
    "load_kg",
    "reps",
    "rir",
    "warmup",
    "side",
    "band",
    "duration_s",
    "distance_m",
    "notes",
    "flagged",
)


def _set_values(
    entry: SetEntry, exercise_id: int, flag: Callable[[bool], Any] = bool
) -> tuple[Any, ...]:
    """The values of _SET_COLUMNS for a SetEntry; `flag` converts the two booleans (int for
    the driver: sqlite3 stores a bool as 1 or 0 too, but looks up an adapter for each one)."""
    return (
        exercise_id,
        entry.order,
        entry.load_kg or None,
        entry.reps,
        entry.rir,
        flag(entry.warmup),
        entry.side,
        entry.band,
        entry.duration_s,
        entry.distance_m,
        entry.notes,
        flag(entry.flagged),
    )


def _set_columns(entry: SetEntry, exercise_id: int) -> dict[str, Any]:
    """The `sets` columns that hold a SetEntry (all but id and session_id), by name."""
    return dict(zip(_SET_COLUMNS, _set_values(entry, exercise_id), strict=True))


def _set_row(entry: SetEntry, exercise_id: int) -> SetRow:
    return SetRow(**_set_columns(entry, exercise_id))


def _set_entry(row: SetRow, slug: str) -> SetEntry:
    return SetEntry(
        exercise=slug,
        order=row.position,
        reps=row.reps,
        load_kg=row.load_kg,
        rir=row.rir,
        warmup=row.warmup,
        side=row.side,
        band=row.band,
        duration_s=row.duration_s,
        distance_m=row.distance_m,
        notes=row.notes,
        flagged=row.flagged,
        id=row.id,
    )


def _slugs_by_id(db: OrmSession) -> dict[int, str]:
    return {id_: slug for slug, id_ in slug_ids(db).items()}


def add_session(db: OrmSession, session: Session) -> Session:
    """Insert a session with all its sets; returns it with database ids filled in."""
    ids = slug_ids(db)
    row = SessionRow(
        started_at=session.started_at, notes=session.notes, bodyweight_kg=session.bodyweight_kg
    )
    row.sets = [_set_row(entry, ids[entry.exercise]) for entry in session.sets]
    db.add(row)
    db.flush()
    sets = tuple(
        replace(entry, id=set_row.id) for entry, set_row in zip(session.sets, row.sets, strict=True)
    )
    return replace(session, id=row.id, sets=sets)


class AlreadySaved(Exception):
    """A set with this write token is in the database already: an earlier save of it was
    committed, though its client never heard so. Nothing was written; the caller rolls back."""

    def __init__(self, session_id: int, saved: SetEntry) -> None:
        super().__init__("the set was saved already")
        self.session_id = session_id
        self.saved = saved


def add_set(
    db: OrmSession, session_id: int, entry: SetEntry, write_token: str | None = None
) -> SetEntry:
    """Insert a set. With `write_token` (the client's uuid for this set, the same on every
    attempt to save it), a set already saved under that token is not added again:
    AlreadySaved says where it is."""
    exercise_id = slug_ids(db)[entry.exercise]
    entry = replace(entry, order=_free_number(db, session_id, exercise_id, entry))
    if write_token is not None:
        return _add_set_once(db, session_id, entry, exercise_id, write_token)
    row = _set_row(entry, exercise_id)
    row.session_id = session_id
    db.add(row)
    db.flush()
    return replace(entry, id=row.id)


def _free_number(db: OrmSession, session_id: int, exercise_id: int, entry: SetEntry) -> int:
    """The set number `entry` asks for, or the next one after the exercise's last in the
    session when another set (of the same side) has it: two clients logging into one session
    at once each number their sets from what they last read.

    Writers of one session take turns: SQLite's write lock is held from the transaction's
    start, and on PostgreSQL the session's row is locked here (FOR NO KEY UPDATE, which leaves
    the foreign-key checks of other inserts alone) until the commit; the second writer then
    reads the first one's sets (READ COMMITTED reads afresh after the wait)."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(
            select(SessionRow.id).where(SessionRow.id == session_id).with_for_update(key_share=True)
        )
    same = [SetRow.session_id == session_id, SetRow.exercise_id == exercise_id]
    taken = db.scalar(
        select(SetRow.id)
        .where(*same, SetRow.position == entry.order, SetRow.side.is_not_distinct_from(entry.side))
        .limit(1)
    )
    if taken is None:
        return entry.order
    return int(db.scalar(select(func.coalesce(func.max(SetRow.position), 0)).where(*same)) or 0) + 1


def _add_set_once(
    db: OrmSession, session_id: int, entry: SetEntry, exercise_id: int, write_token: str
) -> SetEntry:
    """INSERT ... ON CONFLICT (write_token) DO NOTHING: on PostgreSQL it also waits for a
    concurrent transaction holding the token, then adds nothing if that one committed."""
    upsert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        upsert(SetRow)
        .values(session_id=session_id, write_token=write_token, **_set_columns(entry, exercise_id))
        .on_conflict_do_nothing(index_elements=[SetRow.write_token])
        .returning(SetRow.id)
    )
    new_id = db.execute(statement).scalar()
    if new_id is None:
        found = set_with_token(db, write_token)
        assert found is not None  # the conflict was on this token
        raise AlreadySaved(*found)
    return replace(entry, id=new_id)


def set_with_token(db: OrmSession, write_token: str) -> tuple[int, SetEntry] | None:
    """The session id and the set saved under `write_token`, if there is one."""
    row = db.scalars(select(SetRow).where(SetRow.write_token == write_token)).first()
    if row is None:
        return None
    return row.session_id, _set_entry(row, _slugs_by_id(db)[row.exercise_id])


class SetChanged(Exception):
    """The set is not as the caller last read it: another client changed it (`current`) or
    deleted it (`current` None) meanwhile. Nothing was written."""

    def __init__(self, current: SetEntry | None) -> None:
        super().__init__("the set changed since it was read")
        self.current = current


def _as_read(db: OrmSession, expected: SetEntry) -> list[ColumnElement[bool]]:
    """Conditions true while the set still holds what the caller read: an UPDATE or DELETE
    with them changes no row when another client got there first (no row version needed)."""
    ids = slug_ids(db)
    exercise_id = ids.get(expected.exercise, -1)
    values = _set_columns(expected, exercise_id)
    return [getattr(SetRow, column).is_not_distinct_from(v) for column, v in values.items()]


def _current_set(db: OrmSession, set_id: int) -> SetEntry | None:
    row = db.get(SetRow, set_id, populate_existing=True)
    return None if row is None else _set_entry(row, _slugs_by_id(db).get(row.exercise_id, "?"))


def update_set(db: OrmSession, entry: SetEntry, expected: SetEntry | None = None) -> None:
    """Write `entry` over the set with its id; with `expected` (what the caller last read),
    only if the set still holds that, else SetChanged and nothing is written. A set that holds
    `entry` already is left as it is: an earlier try of this edit was committed unheard (or
    another client made the same change), and there is nothing to refuse."""
    assert entry.id is not None
    ids = slug_ids(db)
    values = _set_columns(entry, ids[entry.exercise])
    conditions = [] if expected is None else _as_read(db, expected)
    changed = db.execute(
        update(SetRow).where(SetRow.id == entry.id, *conditions).values(**values),
        execution_options={"synchronize_session": False},
    )
    if getattr(changed, "rowcount", 1) != 1:
        current = _current_set(db, entry.id)
        if current is None or _set_columns(current, ids.get(current.exercise, -1)) != values:
            raise SetChanged(current)
    db.expire_all()


def delete_set(db: OrmSession, set_id: int, expected: SetEntry | None = None) -> None:
    """Delete the set; with `expected`, only if it still holds that (else SetChanged)."""
    conditions = [] if expected is None else _as_read(db, expected)
    gone = db.execute(
        delete(SetRow).where(SetRow.id == set_id, *conditions),
        execution_options={"synchronize_session": False},
    )
    if getattr(gone, "rowcount", 1) != 1:
        raise SetChanged(_current_set(db, set_id))
    db.expire_all()


def update_session_details(
    db: OrmSession, session_id: int, started_at: datetime, notes: str, bodyweight_kg: float | None
) -> None:
    row = db.get_one(SessionRow, session_id)
    row.started_at, row.notes, row.bodyweight_kg = started_at, notes, bodyweight_kg


def delete_session(db: OrmSession, session_id: int) -> None:
    db.delete(db.get_one(SessionRow, session_id))


def _sessions_from(
    db: OrmSession, session_query: Select[SessionRow], exercise_id: int | None = None
) -> list[Session]:
    # Rows damaged outside hiplog are left out (row_check names them), so they cannot crash a
    # view or an export.
    sessions = db.scalars(session_query.where(sound_session())).all()
    if not sessions:
        return []
    slugs = _slugs_by_id(db)
    by_id: dict[int, list[SetEntry]] = {s.id: [] for s in sessions}
    set_query = (
        select(SetRow).where(SetRow.session_id.in_(list(by_id)), sound_set()).order_by(SetRow.id)
    )
    if exercise_id is not None:
        set_query = set_query.where(SetRow.exercise_id == exercise_id)
    for set_row in db.scalars(set_query):
        by_id[set_row.session_id].append(_set_entry(set_row, slugs[set_row.exercise_id]))
    return [
        Session(
            started_at=s.started_at,
            sets=tuple(by_id[s.id]),
            notes=s.notes,
            bodyweight_kg=s.bodyweight_kg,
            id=s.id,
        )
        for s in sessions
    ]


def saved_write_tokens(db: OrmSession, tokens: Sequence[str]) -> set[str]:
    """Which of these write tokens a saved set holds (its commit landed, heard or not)."""
    if not tokens:
        return set()
    found = db.scalars(select(SetRow.write_token).where(SetRow.write_token.in_(list(tokens))))
    return {token for token in found if token is not None}


def get_session(db: OrmSession, session_id: int) -> Session | None:
    found = _sessions_from(db, select(SessionRow).where(SessionRow.id == session_id))
    return found[0] if found else None


def sessions_with_ids(db: OrmSession, ids: Iterable[int], batch: int = 500) -> list[Session]:
    """The sessions with these ids (unknown ids are left out), a few queries per `batch` ids."""
    wanted = sorted(set(ids))
    found: list[Session] = []
    for start in range(0, len(wanted), batch):
        chunk = wanted[start : start + batch]
        found += _sessions_from(db, select(SessionRow).where(SessionRow.id.in_(chunk)))
    return found


def sessions_between(db: OrmSession, start: datetime | None, end: datetime | None) -> list[Session]:
    """Sessions with start time in [start, end), oldest first."""
    query = select(SessionRow).order_by(SessionRow.started_at, SessionRow.id)
    if start is not None:
        query = query.where(SessionRow.started_at >= start)
    if end is not None:
        query = query.where(SessionRow.started_at < end)
    return _sessions_from(db, query)


def last_session_before(db: OrmSession, before: datetime) -> Session | None:
    """The latest session that started before `before`: one row, however long the history."""
    query = (
        select(SessionRow)
        .where(SessionRow.started_at < before)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(1)
    )
    found = _sessions_from(db, query)
    return found[0] if found else None


def last_start_with(db: OrmSession, slugs: Sequence[str], before: datetime) -> datetime | None:
    """The start of the latest session before `before` holding a working set (not a warm-up,
    not flagged) of one of `slugs`; one row, however long the history."""
    wanted = set(slugs)
    ids = [i for slug, i in slug_ids(db).items() if slug in wanted]
    if not ids:
        return None
    query = (
        select(SessionRow.started_at)
        .join(SetRow, SetRow.session_id == SessionRow.id)
        .where(
            SetRow.exercise_id.in_(ids),
            SessionRow.started_at < before,
            SetRow.warmup.is_(False),
            SetRow.flagged.is_(False),
        )
        .order_by(SessionRow.started_at.desc())
        .limit(1)
    )
    found: datetime | None = db.scalars(query).first()
    return found


def iter_all_sessions(db: OrmSession, batch: int = 500) -> Iterator[Session]:
    """Every session, oldest first, read in batches so memory stays flat on long histories."""
    last: tuple[datetime, int] | None = None
    while True:
        query = select(SessionRow).order_by(SessionRow.started_at, SessionRow.id).limit(batch)
        if last is not None:
            query = query.where(
                (SessionRow.started_at > last[0])
                | ((SessionRow.started_at == last[0]) & (SessionRow.id > last[1]))
            )
        chunk = _sessions_from(db, query)
        if not chunk:
            return
        yield from chunk
        tail = chunk[-1]
        assert tail.id is not None
        last = (tail.started_at, tail.id)


def sessions_of_exercise(
    db: OrmSession,
    slug: str,
    *,
    before: datetime | None = None,
    last: int | None = None,
    since: datetime | None = None,
) -> list[Session]:
    """Sessions that include `slug`, holding only that exercise's sets, oldest first.

    `last` keeps only the most recent N such sessions (before `before`).
    """
    exercise_id = slug_ids(db).get(slug)
    if exercise_id is None:
        return []
    query = (
        select(SessionRow)
        .where(
            SessionRow.id.in_(select(SetRow.session_id).where(SetRow.exercise_id == exercise_id))
        )
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
    )
    if before is not None:
        query = query.where(SessionRow.started_at < before)
    if since is not None:
        query = query.where(SessionRow.started_at >= since)
    if last is not None:
        query = query.limit(last)
    found = _sessions_from(db, query, exercise_id=exercise_id)
    found.reverse()
    return found


@dataclass(frozen=True)
class SessionTotals:
    """Per session and exercise: sets, reps and reps x external load of working sets."""

    session_id: int
    started_at: datetime
    exercise: str
    working_sets: int
    reps: int
    load_reps_kg: float
    all_sets: int


def session_totals(db: OrmSession, session_ids: Sequence[int]) -> list[SessionTotals]:
    """Aggregates of these sessions (a page of the history list, history_repo.session_page),
    newest session first, computed by the database."""
    if not session_ids:
        return []
    working = (SetRow.warmup.is_(False)) & (SetRow.flagged.is_(False))
    rows = db.execute(
        select(
            SessionRow.id,
            SessionRow.started_at,
            ExerciseRow.slug,
            func.sum(case((working, 1), else_=0)),
            func.sum(case((working, SetRow.reps), else_=0)),
            func.sum(case((working, SetRow.reps * func.coalesce(SetRow.load_kg, 0.0)), else_=0.0)),
            func.count(SetRow.id),
            func.min(SetRow.id),
        )
        .join(SetRow, SetRow.session_id == SessionRow.id)
        .join(ExerciseRow, ExerciseRow.id == SetRow.exercise_id)
        .where(SessionRow.id.in_(list(session_ids)), sound_set(), sound_session())
        .group_by(SessionRow.id, ExerciseRow.slug)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc(), func.min(SetRow.id))
    ).all()
    return [
        SessionTotals(sid, started, slug, int(w or 0), int(r or 0), float(v or 0.0), int(n))
        for sid, started, slug, w, r, v, n, _first in rows
    ]


def count_sessions(db: OrmSession) -> int:
    return int(db.scalar(select(func.count(SessionRow.id)).where(sound_session())) or 0)


def add_sessions_bulk(db: OrmSession, sessions: Sequence[Session]) -> int:
    """Insert many sessions fast (imports): one executemany for the sessions, one for the sets.

    Core statements on the session's connection, not ORM objects: an import of 100,000 sets
    would otherwise spend most of its time building and flushing rows one by one.
    Returns the number of sets inserted.
    """
    if not sessions:
        return 0
    ids = slug_ids(db)
    athlete = db.info[ATHLETE_KEY]  # a Core insert: the athlete is named, not stamped
    connection = db.connection()
    if connection.dialect.name != "sqlite":
        return _add_sessions_returning(connection, sessions, ids, athlete)
    # The sessions get the ids SQLite would give them (the largest so far plus one, and so
    # on), written out so that one executemany can insert them all; INSERT ... RETURNING in
    # order takes one statement per session. Another writer taking one of these ids first
    # would make the insert fail (and the whole transaction roll back), never mix sessions up.
    first = connection.execute(select(func.coalesce(func.max(SessionRow.id), 0))).scalar_one() + 1
    session_ids = range(first, first + len(sessions))
    connection.execute(insert(SessionRow), _session_dicts(sessions, session_ids, athlete))
    rows = [
        (session_id, *_set_values(entry, ids[entry.exercise], int))
        for session, session_id in zip(sessions, session_ids, strict=True)
        for entry in session.sets
    ]
    if rows:
        # Straight to the driver's executemany, with the statement compiled once: SQLAlchemy's
        # per-row parameter handling would add about as much time as SQLite's own work.
        keys = ["session_id", *_SET_COLUMNS]
        compiled = insert(SetRow).compile(dialect=connection.dialect, column_keys=keys)
        order = list(compiled.positiontup or [])
        if order != keys:  # the dialect wants another order: rearrange each row
            pick = itemgetter(*(keys.index(key) for key in order))
            rows = [pick(row) for row in rows]
        with _indexes_rebuilt_after(connection, "sets", len(rows)):
            connection.exec_driver_sql(str(compiled), rows)
    return len(rows)


def _session_dicts(
    sessions: Sequence[Session], session_ids: Iterable[int], athlete: int
) -> list[dict[str, Any]]:
    return [
        {
            "id": session_id,
            "athlete_id": athlete,
            "started_at": session.started_at,
            "notes": session.notes,
            "bodyweight_kg": session.bodyweight_kg,
        }
        for session, session_id in zip(sessions, session_ids, strict=True)
    ]


def _add_sessions_returning(
    connection: Connection, sessions: Sequence[Session], ids: dict[str, int], athlete: int
) -> int:
    """add_sessions_bulk on a server: the ids come from the table's sequence (several clients
    insert at once), returned in the order of the sessions."""
    dicts = _session_dicts(sessions, range(len(sessions)), athlete)
    for row in dicts:
        del row["id"]
    session_ids = connection.execute(
        insert(SessionRow).returning(SessionRow.id, sort_by_parameter_order=True), dicts
    ).scalars()
    rows = [
        dict(session_id=session_id, **_set_columns(entry, ids[entry.exercise]))
        for session, session_id in zip(sessions, list(session_ids), strict=True)
        for entry in session.sets
    ]
    if rows:
        connection.execute(insert(SetRow), rows)
    return len(rows)


@contextmanager
def _indexes_rebuilt_after(connection: Connection, table: str, adding: int) -> Iterator[None]:
    """Drop `table`'s indexes for the block and create them again after it, when the block
    adds at least as many rows as the table has: building an index once over all its rows is
    quicker than growing it row by row (0.05-0.1 s of the 100,000-set import into an empty
    database). The indexes are made again from their own SQL in the file, in the same
    transaction: if anything fails, the rollback restores them with the rest."""
    # The largest rowid: at least the number of rows, and found without counting them.
    has = connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar_one()
    indexes = (
        connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        ).all()
        if adding >= has
        else []
    )
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


def session_starts(db: OrmSession) -> dict[datetime, list[int]]:
    """Session ids by start time (to skip sessions an import already brought in)."""
    found: dict[datetime, list[int]] = {}
    for row in db.execute(select(SessionRow.started_at, SessionRow.id).where(sound_session())):
        found.setdefault(row[0], []).append(row[1])
    return found
