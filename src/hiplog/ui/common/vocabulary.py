"""The catalog's words for muscles, equipment and muscle lengths, in the person's language.

The catalog and the database keep muscles and equipment in English (they are codes that
searches, charts and exports share); their translations are in the `hiplog_catalog` domain with
the exercise names. A word the catalog does not know (a muscle typed for an own exercise) is
shown as it was typed.
"""

from __future__ import annotations

from hiplog.domain.models import Length
from hiplog.domain.translation import CATALOG_DOMAIN, translator
from hiplog.ui.common.translation import N_, _

_catalog = translator(CATALOG_DOMAIN)

LENGTHS = {Length.SHORT: N_("short"), Length.MID: N_("mid"), Length.LONG: N_("long")}


def muscle_text(muscle: str) -> str:
    """A muscle as shown: 'glute max' in the person's language."""
    return _catalog.gettext(muscle)


def muscles_text(muscles: tuple[str, ...] | list[str]) -> str:
    return ", ".join(muscle_text(m) for m in muscles)


def equipment_text(equipment: tuple[str, ...] | list[str]) -> str:
    return ", ".join(_catalog.gettext(e) for e in equipment)


def length_text(length: Length) -> str:
    """'short', 'mid' or 'long' in the person's language."""
    return _(LENGTHS[length])


def capitalized(text: str) -> str:
    """`text` with its first letter upper case (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]
