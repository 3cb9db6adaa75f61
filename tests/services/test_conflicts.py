"""Two clients on one database (issue 17, item 5): an edit or delete of a set that the other
client changed or deleted since it was read is refused, says what the set holds now, and
changes nothing; undo across such a change is refused the same way. On both engines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from hiplog.domain.errors import ConflictError
from hiplog.domain.models import SetEntry
from hiplog.services import training_log
from hiplog.services.context import AppContext

WHEN = datetime(2026, 11, 20, 18, 0)


@pytest.fixture
def clients(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[AppContext, AppContext]]:
    """Two separately opened clients of one database."""
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        first = AppContext.open_url(url, local=tmp_path / "a" / "local.db")
        second = AppContext.open_url(url, local=tmp_path / "b" / "local.db")
    else:
        first = AppContext.open_path(tmp_path / "t.db")
        second = AppContext.open_path(tmp_path / "t.db")
    yield first, second
    first.close()
    second.close()


def _logged(ctx: AppContext) -> SetEntry:
    session = training_log.log_sets(ctx, [SetEntry("barbell-hip-thrust", 1, 8, 100.0)], WHEN)
    return session.sets[0]


def test_an_edit_of_a_set_changed_elsewhere_is_refused_showing_the_current_value(
    clients: tuple[AppContext, AppContext],
) -> None:
    a, b = clients
    shown = _logged(a)
    training_log.update_set(b, replace(shown, reps=10), shown)  # the other computer
    with pytest.raises(ConflictError, match=r"changed on another computer.*100 kg x 10"):
        training_log.update_set(a, replace(shown, load_kg=110.0), shown)
    assert training_log.get_session(a, 1).sets[0].reps == 10  # type: ignore[union-attr]
    assert training_log.get_session(a, 1).sets[0].load_kg == 100.0  # type: ignore[union-attr]


def test_deleting_a_set_changed_or_deleted_elsewhere_is_refused(
    clients: tuple[AppContext, AppContext],
) -> None:
    a, b = clients
    shown = _logged(a)
    assert shown.id is not None
    training_log.update_set(b, replace(shown, notes="felt easy"), shown)
    with pytest.raises(ConflictError, match="changed on another computer"):
        training_log.delete_set(a, shown.id, shown)
    now = training_log.get_session(b, 1)
    assert now is not None and now.sets[0].notes == "felt easy"
    training_log.delete_set(b, shown.id, now.sets[0])
    with pytest.raises(ConflictError, match="deleted there"):
        training_log.update_set(a, replace(shown, reps=9), now.sets[0])


def test_undo_across_another_clients_change_is_refused(
    clients: tuple[AppContext, AppContext],
) -> None:
    a, b = clients
    before = _logged(a)
    after = replace(before, reps=12)
    training_log.update_set(a, after, before)  # the edit here
    training_log.update_set(b, replace(after, load_kg=90.0), after)  # then there
    # Undo writes `before` back over what it last wrote (`after`): refused, nothing lost.
    with pytest.raises(ConflictError, match="90 kg x 12"):
        training_log.update_set(a, before, after)
    session = training_log.get_session(a, 1)
    assert session is not None and (session.sets[0].load_kg, session.sets[0].reps) == (90.0, 12)


def test_an_unchanged_set_is_edited_and_deleted_as_before(
    clients: tuple[AppContext, AppContext],
) -> None:
    a, _ = clients
    shown = _logged(a)
    assert shown.id is not None
    edited = replace(shown, load_kg=0.0, rir=2, notes="x")
    training_log.update_set(a, edited, shown)
    reread = training_log.get_session(a, 1)
    assert reread is not None
    training_log.delete_set(a, shown.id, reread.sets[0])
    assert training_log.get_session(a, 1) is not None
    assert training_log.get_session(a, 1).sets == ()  # type: ignore[union-attr]
