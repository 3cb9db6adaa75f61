"""What the Plan says when it has no suggestion: how to start on an empty database, or, after
an import whose hip work is older than the look-back, when the last hip session was."""

from __future__ import annotations

from datetime import datetime

from hiplog.domain.wording import date_text
from hiplog.ui.common.translation import _, ngettext


def empty_text(last_hip: datetime | None, has_sets: bool, lookback_days: int, now: datetime) -> str:
    """The Plan without suggestions: how to start, or, when sets are already logged (an
    imported history), when the last hip session was and that the Log suggests restart loads."""
    head = "<h3>{}</h3>".format(_("No plan yet"))
    if not has_sets:
        return head + _(
            "<p>hiplog plans your next session from what you logged in the last "
            "{days} days, and there is nothing yet.</p>"
            "<p>Open the Log, pick an exercise such as the glute bridge or the barbell hip "
            "thrust, and record each set as you finish it. Come back here afterwards: every "
            "exercise you trained gets its next target, with the reason for it.</p>"
            "<p>Already kept a log in Strong, Hevy or FitNotes? Use File, Import... to bring "
            "it in.</p>"
        ).format(days=lookback_days)
    if last_hip is None:
        when = _("Nothing you logged so far is hip work.")
    else:
        days = (now.date() - last_hip.date()).days
        when = ngettext(
            "Your last hip session was on {date} ({count} day ago).",
            "Your last hip session was on {date} ({count} days ago).",
            days,
        ).format(date=date_text(last_hip), count=days)
    return head + _(
        "<p>{when} The plan holds the exercises trained in the last {days} days.</p>"
        "<p>Open the Log and pick an exercise: it fills in a restart load from your last "
        "session of it, lighter after a long break, with the reason. Once you have trained, "
        "every exercise gets its next target here.</p>"
    ).format(when=when, days=lookback_days)
