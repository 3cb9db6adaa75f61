"""The athletes of a database (a family on one computer, a coach's clients): listed, added and
chosen. Which athlete the services work for is `ctx.athlete` (services/context.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hiplog.domain.errors import InputError
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import _
from hiplog.services.context import AppContext
from hiplog.storage import athlete_repo

MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class AthleteSummary:
    name: str
    unit: str  # "kg" or "lb": the athlete's display unit
    sessions: int

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "unit": self.unit, "sessions": self.sessions}


def list_athletes(ctx: AppContext) -> list[AthleteSummary]:
    """Every athlete by name, with their unit and number of sessions."""
    default = ProgressionSettings().unit.value
    with ctx.db.reader() as tx:
        found = athlete_repo.athletes(tx)
    return [AthleteSummary(a.name, a.unit or default, a.sessions) for a in found]


def add_athlete(ctx: AppContext, name: str) -> str:
    """Add an athlete (with default settings and nothing logged); returns the name as stored.

    An empty, too long or taken name is refused with an InputError and nothing is added.
    """
    clean = _checked_name(ctx, name)
    with ctx.db.transaction() as tx:
        athlete_repo.add_athlete(tx, clean, datetime.now().replace(microsecond=0))
    return clean


def rename_athlete(ctx: AppContext, old: str, new: str) -> str:
    """Give the athlete called `old` the name `new` (a coach's first athlete, "Me", becomes the
    client's name); returns the new name as stored. Their training is unchanged.

    An unknown athlete, or an empty, too long or taken new name, is refused with an InputError
    and nothing changes. Changing only the case or spaces of a name is allowed.
    """
    found = ctx.athlete_id(old)
    clean = _checked_name(ctx, new, keeping=old)
    shown = ctx.athlete
    with ctx.db.transaction() as tx:
        athlete_repo.rename_athlete(tx, found, clean)
    if shown == old:
        ctx.use_athlete(clean)
    return clean


def _checked_name(ctx: AppContext, name: str, keeping: str | None = None) -> str:
    """`name` with its spaces tidied, or an InputError when it is empty, too long, or another
    athlete's (case aside; `keeping` is the athlete being renamed)."""
    clean = " ".join(name.split())
    if not clean:
        raise InputError(_("an athlete needs a name (it was empty)"))
    if len(clean) > MAX_NAME_CHARS:
        raise InputError(
            _("an athlete's name is at most {count} characters").format(count=MAX_NAME_CHARS)
        )
    others = [known for known in ctx.athlete_names() if known != keeping]
    if clean.casefold() in (known.casefold() for known in others):
        raise InputError(_("there is already an athlete called '{name}'").format(name=clean))
    return clean


def choose_for_command(ctx: AppContext, name: str | None) -> None:
    """The command line's rule: `--athlete NAME` picks one (an InputError naming the known ones
    if there is no such athlete); without it the database must hold only one."""
    if name is not None:
        ctx.use_athlete(name)
        return
    names = ctx.athlete_names()
    if len(names) > 1:
        raise InputError(
            _(
                "this database holds {count} athletes ({names}); say which with --athlete NAME"
            ).format(count=len(names), names=", ".join(names))
        )
