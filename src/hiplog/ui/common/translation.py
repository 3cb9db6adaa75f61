"""The window's translations: the gettext domain `hiplog_ui` (src/hiplog/locale/*/hiplog_ui.po).

Lookups happen when a text is shown, so a module constant is kept as an `N_("...")` marker and
translated with `_()` where it is put on screen. Placeholders are named (`{name}`) so that a
translation can put them in its own order.
"""

from __future__ import annotations

from hiplog.domain.translation import translator

_ui = translator("hiplog_ui")
_ = _ui.gettext
ngettext = _ui.ngettext


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it (it is translated where shown)."""
    return message
