"""The catalog's words for muscles, equipment and muscle lengths, in the person's language.

The catalog and the database keep them in English (they are codes that searches, charts and
exports share); the window shows them through these markers. A word the catalog does not know
(a muscle typed for an own exercise) is shown as it was typed.
"""

from __future__ import annotations

from hiplog.domain.models import Length
from hiplog.ui.common.translation import N_, _

MUSCLES = {
    "adductor magnus": N_("adductor magnus"),
    "glute max": N_("glute max"),
    "glute med": N_("glute med"),
    "hamstrings": N_("hamstrings"),
    "quadriceps": N_("quadriceps"),
    "trunk": N_("trunk"),
}
EQUIPMENT = {
    "back extension bench": N_("back extension bench"),
    "band (optional)": N_("band (optional)"),
    "barbell": N_("barbell"),
    "bench": N_("bench"),
    "box or bench": N_("box or bench"),
    "cable or band": N_("cable or band"),
    "dumbbells (optional)": N_("dumbbells (optional)"),
    "hyperextension bench": N_("hyperextension bench"),
    "kettlebell": N_("kettlebell"),
    "machine or high bench": N_("machine or high bench"),
    "mat": N_("mat"),
    "stability ball": N_("stability ball"),
    "two dumbbells": N_("two dumbbells"),
    "wall or bench": N_("wall or bench"),
}
LENGTHS = {Length.SHORT: N_("short"), Length.MID: N_("mid"), Length.LONG: N_("long")}


def muscle_text(muscle: str) -> str:
    """A muscle as shown: 'glute max' in the person's language."""
    known = MUSCLES.get(muscle)
    return _(known) if known else muscle


def muscles_text(muscles: tuple[str, ...] | list[str]) -> str:
    return ", ".join(muscle_text(m) for m in muscles)


def equipment_text(equipment: tuple[str, ...] | list[str]) -> str:
    return ", ".join(_(EQUIPMENT[e]) if e in EQUIPMENT else e for e in equipment)


def length_text(length: Length) -> str:
    """'short', 'mid' or 'long' in the person's language."""
    return _(LENGTHS[length])


def capitalized(text: str) -> str:
    """`text` with its first letter upper case (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]
