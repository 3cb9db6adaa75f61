"""One row of a sets table: a saved set (it has a database id) or a draft being typed."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from hiplog.domain.models import SetEntry
from hiplog.domain.records import RecordKind

_keys = count(1)


def new_key() -> int:
    """A key that identifies a row across undo and redo (its database id changes)."""
    return next(_keys)


@dataclass(frozen=True)
class SetRow:
    """One row: a saved set (set_id given) or a draft.

    Every field of a SetEntry is kept, so that editing one cell of a saved set writes back the
    rest of it unchanged (durations and distances of imported sets, the import flag)."""

    key: int
    load_kg: float | None = None
    reps: int | None = None
    rir: int | None = None
    warmup: bool = False
    side: str | None = None
    band: str | None = None
    notes: str = ""
    set_id: int | None = None
    order: int = 0
    target_reps: int | None = None
    target_load_kg: float | None = None
    records: tuple[RecordKind, ...] = ()
    typed: bool = False  # the person changed this draft (so its load is not replaced)
    exercise: str = ""  # the slug, where a table holds more than one exercise
    duration_s: float | None = None
    distance_m: float | None = None
    flagged: bool = False
    # The draft's write token once a save of it was tried (training_log.new_write_token): every
    # later try gives the same, so a save whose acknowledgement was lost is not made twice.
    write_token: str | None = None

    @property
    def saved(self) -> bool:
        return self.set_id is not None

    @property
    def complete(self) -> bool:
        """A draft with reps typed can be saved (a blank load means bodyweight)."""
        return self.reps is not None

    def entry(self, slug: str | None = None) -> SetEntry:
        return SetEntry(
            exercise=slug or self.exercise,
            order=max(self.order, 1),
            reps=self.reps or 0,
            load_kg=self.load_kg,
            rir=self.rir,
            warmup=self.warmup,
            side=self.side,
            band=self.band,
            duration_s=self.duration_s,
            distance_m=self.distance_m,
            notes=self.notes,
            flagged=self.flagged,
            id=self.set_id,
        )

    @classmethod
    def from_entry(cls, entry: SetEntry, key: int | None = None) -> SetRow:
        return cls(
            key=key if key is not None else new_key(),
            load_kg=entry.load_kg,
            reps=entry.reps,
            rir=entry.rir,
            warmup=entry.warmup,
            side=entry.side,
            band=entry.band,
            notes=entry.notes,
            set_id=entry.id,
            order=entry.order,
            exercise=entry.exercise,
            duration_s=entry.duration_s,
            distance_m=entry.distance_m,
            flagged=entry.flagged,
        )
