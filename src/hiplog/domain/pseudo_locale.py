"""The pseudo-translation `en_XA`: every text stretched by 40% and wrapped in markers.

Run in it, the window shows at once a text nobody wrapped for translation (no markers) and a
layout that cuts off a longer language (the stretch; German runs about a third longer than
English). `tools/catalogs.py` writes the en_XA catalogs from the templates with this function.
"""

from __future__ import annotations

import math
import re

OPEN, CLOSE = "⟦", "⟧"
STRETCH = 0.4
PAD = "~"

# Kept exactly: str.format fields ({load}, {0:.1f}), printf fields (%s, %(name)d), Qt's %1,
# HTML tags and entities, so the stretched text still works wherever the English one does.
_KEPT = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sdif]|%\d|<[^<>]+>|&[a-z]+;")


def pseudo_translate(text: str) -> str:
    """'Save' -> '⟦Save~~⟧': `text` with 40% more characters (rounded up) inside the markers.

    Placeholders and markup stay intact; a text that ends in a line break keeps it last.
    """
    plain_length = len(_KEPT.sub("", text))
    padding = PAD * math.ceil(plain_length * STRETCH)
    body, ending = (text[:-1], "\n") if text.endswith("\n") else (text, "")
    return f"{OPEN}{body}{padding}{CLOSE}{ending}"
