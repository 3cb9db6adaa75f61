"""The Plan view: what to do next session, as cards a person can read at a glance.

Warm-up drills come first, then the heavy compound lifts, then the lighter and bodyweight
work. Above the cards: when the next session can be, how many sessions the last 7 days held
against the sessions-a-week target of the settings, and the warnings in plain words. "Start
this session" opens the Log with every card's sets ready to fill in.

While the person follows a program the Plan shows that program's next day instead: its name and
the day after it, its entries in the day's order, one quiet line about other exercises trained
this week, and a choice of another day for today.

A little over 400 lines: the two layouts (with and without a program) share the header, the
cards and "Start this session"; the empty state and the card text live in their own modules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.errors import HiplogError
from hiplog.domain.models import Exercise, StepKind
from hiplog.domain.plan import Plan, ProgramDayInfo
from hiplog.domain.progression import Rule, Suggestion
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.translation import exercise_name
from hiplog.domain.units import Unit
from hiplog.domain.wording import date_time_text, prescription_text
from hiplog.services import exercises, programs
from hiplog.services import plan as plan_service
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.plate_text import plates_text
from hiplog.ui.common.refresh_on_show import LazyView
from hiplog.ui.common.translation import N_, _, ngettext
from hiplog.ui.plan.empty_state import empty_text

#: What each rule means, in a few words, for the tag on a card.
RULE_LABELS: dict[Rule, str] = {  # translated where shown
    Rule.START: N_("first time"),
    Rule.RETURN_AFTER_GAP: N_("easing back in after a break"),
    Rule.DELOAD: N_("lighter week to recover"),
    Rule.ADD_LOAD: N_("add load"),
    Rule.ADD_REPS: N_("add reps"),
    Rule.HOLD: N_("repeat and consolidate"),
    Rule.NEXT_VARIATION: N_("move up to a harder variation"),
    Rule.ADD_SET: N_("add a set"),
    Rule.MAINTAIN: N_("keep as is"),
}

DEFAULT_SETTINGS = ProgressionSettings()
_NUMBER_WORDS = (
    N_("No"),
    N_("One"),
    N_("Two"),
    N_("Three"),
    N_("Four"),
    N_("Five"),
    N_("Six"),
    N_("Seven"),
)


def status_text(status: str, settings: ProgressionSettings) -> str:
    """The session-timing status in a sentence, with the recovery time and weekly target of
    the settings."""
    fewest, most = settings.sessions_per_week
    most_words = _(_NUMBER_WORDS[most]) if most < len(_NUMBER_WORDS) else str(most)
    if status == "recover":
        return _("Still recovering: your hips get {hours} hours between hard sessions.").format(
            hours=f"{settings.recovery_hours:g}"
        )
    if status == "ahead":
        return _("{number} or more sessions in the last 7 days: a rest day is well earned.").format(
            number=most_words
        )
    if status == "behind":
        return ngettext(
            "Fewer than {count} session in the last 7 days: a session soon keeps progress going.",
            "Fewer than {count} sessions in the last 7 days: a session soon keeps progress going.",
            fewest,
        ).format(count=fewest)
    if status == "ok":
        return _("On track.")
    return status


def _heaviness(s: Suggestion, exercise: Exercise | None) -> int:
    """Lower sorts first: barbell lifts, then other loaded work, then bodyweight work."""
    if exercise is not None and exercise.step_kind is StepKind.BARBELL and s.load_kg:
        return 0
    if s.load_kg or s.band:
        return 1
    return 2


def session_order(
    suggestions: Sequence[Suggestion], lookup: Callable[[str], Exercise | None]
) -> tuple[list[Suggestion], list[Suggestion]]:
    """(warm-up drills, work): work sorted heavy compound first, catalog order within a group."""
    warmup = [s for s in suggestions if s.warmup or _is_activation(lookup(s.exercise))]
    rest = [s for s in suggestions if s not in warmup]
    ranked = sorted(
        enumerate(rest), key=lambda pair: (_heaviness(pair[1], lookup(pair[1].exercise)), pair[0])
    )
    return warmup, [s for _i, s in ranked]


def _is_activation(exercise: Exercise | None) -> bool:
    return exercise is not None and exercise.is_activation


def timing_lines(
    plan: Plan, now: datetime, settings: ProgressionSettings = DEFAULT_SETTINGS
) -> list[str]:
    """The session-timing status in plain words."""
    timing = plan.next_session
    lines: list[str] = []
    if timing.earliest is None:
        lines.append(_("Next session: any time."))
    elif timing.earliest <= now:
        since = date_time_text(timing.earliest)
        lines.append(_("Next session: any time now (recovered since {date}).").format(date=since))
    else:
        lines.append(_("Next session: from {date}.").format(date=date_time_text(timing.earliest)))
    count = timing.sessions_last_7_days
    fewest, most = settings.sessions_per_week
    target = (
        _("{fewest} to {most}").format(fewest=fewest, most=most) if fewest != most else str(most)
    )
    lines.append(
        ngettext(
            "{count} session in the last 7 days (the target is {target} a week).",
            "{count} sessions in the last 7 days (the target is {target} a week).",
            count,
        ).format(count=count, target=target)
    )
    lines.append(status_text(timing.status, settings))
    return lines


class SuggestionCard(QFrame):
    """One exercise's prescription: name, '3 x 8 at 62.5 kg', why, and the rule."""

    def __init__(
        self,
        suggestion: Suggestion,
        name: str,
        unit: Unit,
        parent: QWidget | None = None,
        plates: str | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(f"<b>{name}</b>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(title, 1)
        label = RULE_LABELS.get(suggestion.rule)
        rule = QLabel(_(label) if label else str(suggestion.rule), self)
        rule.setToolTip(_("Rule: {rule}").format(rule=suggestion.rule))
        rule.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top.addWidget(rule)
        layout.addLayout(top)
        self.prescription = QLabel(prescription_text(suggestion, unit), self)
        font = self.prescription.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.prescription.setFont(font)
        self.prescription.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prescription)
        self.plates = QLabel(plates or "", self)
        self.plates.setVisible(plates is not None)
        self.plates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.plates)
        reason = QLabel(suggestion.reason, self)
        reason.setWordWrap(True)
        layout.addWidget(reason)
        # set up once, kept with the exercise
        self.note = QLabel(_("Your note: {note}").format(note=note), self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)


class PlanView(LazyView):
    """Next-session plan."""

    start_requested = Signal(object)  # the Plan to log
    log_requested = Signal()  # the empty state's "go to Log"
    programs_requested = Signal()  # "Programs...": open the program editor

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, undo_stack, parent)
        self._plan: Plan | None = None
        self._focus_slug: str | None = None
        self.cards: list[SuggestionCard] = []

        root = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel("<h2>{}</h2>".format(_("Next session")), self)
        header.addWidget(title, 1)
        self.start_button = QPushButton(_("&Start this session"), self)
        self.start_button.setToolTip(_("Open the Log with all these exercises and their targets"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        header.addWidget(self.start_button)
        root.addLayout(header)
        root.addLayout(self._program_bar())

        self.timing_label = QLabel(self)
        self.timing_label.setWordWrap(True)
        root.addWidget(self.timing_label)
        self.warnings_label = QLabel(self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setFrameShape(QFrame.Shape.StyledPanel)
        root.addWidget(self.warnings_label)

        self.others_label = QLabel(self)
        self.others_label.setWordWrap(True)
        self.others_label.setEnabled(False)  # quiet: not work for this session
        root.addWidget(self.others_label)

        self.cards_area = QScrollArea(self)
        self.cards_area.setAccessibleName(_("Next session, one card per exercise"))
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        root.addWidget(self.cards_area, 1)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = QLabel(empty_text(None, False, 90, datetime.now()), self.empty)
        self.empty_label.setWordWrap(True)
        empty_layout.addWidget(self.empty_label)
        self.go_log_button = QPushButton(_("Go to the Log"), self.empty)
        self.go_log_button.clicked.connect(self.log_requested.emit)
        empty_layout.addWidget(self.go_log_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        root.addWidget(self.empty)

    def _program_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.program_label = QLabel(self)
        self.program_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.program_label, 1)
        self.day_label = QLabel(_("&Day:"), self)
        bar.addWidget(self.day_label)
        self.day_combo = QComboBox(self)
        self.day_combo.setToolTip(_("Do another day of the program today"))
        self.day_label.setBuddy(self.day_combo)
        self.day_combo.activated.connect(self._day_picked)
        bar.addWidget(self.day_combo)
        self.programs_button = QPushButton(_("&Programs..."), self)
        self.programs_button.setToolTip(
            _("Choose a program to follow, or make and change your own")
        )
        self.programs_button.clicked.connect(self.programs_requested.emit)
        bar.addWidget(self.programs_button)
        self._picked_day: int | None = None
        self._events.programs_changed.connect(self._forget_pick)
        return bar

    def _forget_pick(self) -> None:
        """Another program, or the same one changed: the rotation's day again."""
        self._picked_day = None
        self._data_changed()

    # --- public ----------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def show_exercise(self, slug: str) -> None:
        """Scroll to the card of this exercise, if the plan has one."""
        self._focus_slug = slug
        self._scroll_to_focus()

    def reload(self, as_of: datetime | None = None) -> None:
        """Compute the plan (as of now) and show it."""
        self._dirty = False
        try:
            self._plan = plan_service.suggest(self._ctx, as_of, day=self._picked_day)
        except (OSError, HiplogError) as exc:
            self._plan = None
            self._show_error(str(exc))
            return
        self._show(self._plan)

    # --- showing ---------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.timing_label.setText(_("The plan could not be made: {error}").format(error=message))
        self.warnings_label.hide()
        self.cards_area.hide()
        self.empty.hide()
        self.start_button.setEnabled(False)

    def _show_program(self, info: ProgramDayInfo | None) -> None:
        following = info is not None
        self.day_label.setVisible(following)
        self.day_combo.setVisible(following)
        self.others_label.setVisible(following and bool(info and info.others))
        if info is None:
            self.program_label.setText(_("No program: every exercise you trained lately."))
            return
        self.program_label.setText(
            _("<b>{day}</b> of {program}; next: {next_day}").format(
                day=exercise_name(info.day),
                program=exercise_name(info.program),
                next_day=exercise_name(info.next_day),
            )
        )
        found = programs.active_program(self._ctx)
        names = (
            [exercise_name(d.name) for d in found[0].days] if found else [exercise_name(info.day)]
        )
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        self.day_combo.addItems(names)
        self.day_combo.setCurrentIndex(min(info.day_index, len(names) - 1))
        self.day_combo.blockSignals(False)
        catalog = self._ctx.catalog()
        others = [exercise_name(catalog[s].name) if s in catalog else s for s in info.others]
        self.others_label.setText(
            _("Also trained this week, not part of {day}: {exercises}.").format(
                day=exercise_name(info.day), exercises=", ".join(others)
            )
        )

    def _day_picked(self, index: int) -> None:
        self._picked_day = index
        self.reload()

    def _show(self, plan: Plan) -> None:
        self._show_program(plan.program)
        has_work = bool(plan.suggestions)
        if not has_work:
            self._show_empty(plan.as_of)
        self.empty.setVisible(not has_work)
        self.cards_area.setVisible(has_work)
        self.start_button.setEnabled(has_work)
        self.timing_label.setVisible(has_work)
        self.timing_label.setText(
            "<br>".join(timing_lines(plan, datetime.now(), self._ctx.settings()))
        )
        if plan.warnings and has_work:
            items = "".join(f"<li>{w.message}</li>" for w in plan.warnings)
            self.warnings_label.setText("<b>{}</b><ul>{}</ul>".format(_("Worth knowing"), items))
            self.warnings_label.show()
        else:
            self.warnings_label.hide()
        self._build_cards(plan)

    def _show_empty(self, as_of: datetime) -> None:
        try:
            last = plan_service.last_hip_session(self._ctx, as_of)
            has_sets = last is not None or plan_service.has_sessions(self._ctx)
        except (OSError, HiplogError):
            last, has_sets = None, False
        lookback = self._ctx.settings().lookback_days
        self.empty_label.setText(empty_text(last, has_sets, lookback, as_of))

    def _build_cards(self, plan: Plan) -> None:
        catalog = self._ctx.catalog()
        settings = self._ctx.settings()
        unit = settings.unit
        warmup, work = self._groups(plan)
        notes = exercises.exercise_notes(self._ctx)
        page = QWidget()
        layout = QVBoxLayout(page)
        self.cards = []
        for heading, items in ((_("Warm-up"), warmup), (_("Main work"), work)):
            if not items:
                continue
            layout.addWidget(QLabel(f"<h3>{heading}</h3>", page))
            for s in items:
                exercise = catalog.get(s.exercise)
                name = exercise_name(exercise.name) if exercise is not None else s.exercise
                plates = plates_text(exercise, s.load_kg, settings)
                card = SuggestionCard(s, name, unit, page, plates, notes.get(s.exercise, ""))
                self.cards.append(card)
                layout.addWidget(card)
        layout.addStretch(1)
        self.cards_area.setWidget(page)
        self._scroll_to_focus()

    def _scroll_to_focus(self) -> None:
        if self._focus_slug is None:
            return
        for card in self.cards:
            if card.suggestion.exercise == self._focus_slug:
                self.cards_area.ensureWidgetVisible(card)
                break

    def _groups(self, plan: Plan) -> tuple[list[Suggestion], list[Suggestion]]:
        """(warm-up, work): a program day keeps its own order; without one, heavy work first."""
        if plan.program is None:
            return session_order(plan.suggestions, self._ctx.catalog().get)
        warmup = [s for s in plan.suggestions if s.warmup]
        return warmup, [s for s in plan.suggestions if not s.warmup]

    def _start(self) -> None:
        if self._plan is None or not self._plan.suggestions:
            return
        info = self._plan.program
        if info is not None and self._picked_day is not None:
            try:  # the person chose this day for today: the rotation goes on after it
                programs.pick_day(self._ctx, info.day_index)
            except (OSError, HiplogError) as exc:
                self._show_error(str(exc))
                return
        self._picked_day = None
        ordered = self._ordered_plan(self._plan)
        self.start_requested.emit(ordered)

    def _ordered_plan(self, plan: Plan) -> Plan:
        """The plan with its suggestions in the order the cards show them."""
        from dataclasses import replace

        warmup, work = self._groups(plan)
        return replace(plan, suggestions=tuple(warmup + work))
