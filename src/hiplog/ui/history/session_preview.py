"""The History's preview of one session: its date, each exercise's sets in short form, the
bodyweight and the notes, as rich text for a QLabel."""

from __future__ import annotations

from html import escape

from hiplog.domain.translation import exercise_name
from hiplog.domain.wording import date_time_text, format_load, load_reps_text
from hiplog.services import training_log
from hiplog.services.context import AppContext
from hiplog.ui.common.translation import _


def session_preview_html(ctx: AppContext, session_id: int) -> str:
    """The sets of one session in short form: '60 kg × 12, 62.5 kg × 10'."""
    session = training_log.get_session(ctx, session_id)
    if session is None:
        return ""
    unit = ctx.settings().unit
    catalog = ctx.catalog()
    parts = [f"<b>{date_time_text(session.started_at)}</b>"]
    for slug in session.exercises:
        sets = session.sets_of(slug)
        work = [s for s in sets if not s.warmup]
        done = ", ".join(load_reps_text(s.load_kg, s.reps, unit, "×") for s in work)
        warmups = len(sets) - len(work)
        extra = ""
        if warmups:
            extra = " <i>({})</i>".format(_("+{count} warm-up").format(count=warmups))
        exercise = catalog.get(slug)
        name = escape(exercise_name(exercise.name) if exercise else slug)
        parts.append(f"{name}: {escape(done) or _('warm-up only')}{extra}")
    if session.bodyweight_kg:
        parts.append(_("Bodyweight {load}").format(load=format_load(session.bodyweight_kg, unit)))
    if session.notes:
        parts.append(f"<i>{escape(session.notes)}</i>")
    return "<br>".join(parts)
