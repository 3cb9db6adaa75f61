"""The Plan view: what to do next session, as cards a person can read at a glance.

Warm-up drills come first, then the heavy compound lifts, then the lighter and bodyweight
work. Above the cards: when the next session can be, how many sessions the last 7 days held
against the sessions-a-week target of the settings, and the warnings in plain words. "Start
this session" opens the Log with every card's sets ready to fill in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
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
from hiplog.domain.plan import Plan
from hiplog.domain.progression import Rule, Suggestion
from hiplog.domain.settings import ProgressionSettings
from hiplog.domain.units import Unit
from hiplog.domain.wording import prescription_text
from hiplog.services import plan as plan_service
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.refresh_on_show import LazyView

#: What each rule means, in a few words, for the tag on a card.
RULE_LABELS: dict[Rule, str] = {
    Rule.START: "first time",
    Rule.RETURN_AFTER_GAP: "easing back in after a break",
    Rule.DELOAD: "lighter week to recover",
    Rule.ADD_LOAD: "add load",
    Rule.ADD_REPS: "add reps",
    Rule.HOLD: "repeat and consolidate",
    Rule.NEXT_VARIATION: "move up to a harder variation",
    Rule.ADD_SET: "add a set",
    Rule.MAINTAIN: "keep as is",
}

DEFAULT_SETTINGS = ProgressionSettings()
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven")


def status_text(status: str, settings: ProgressionSettings) -> str:
    """The session-timing status in a sentence, with the recovery time and weekly target of
    the settings."""
    fewest, most = settings.sessions_per_week
    most_words = _NUMBER_WORDS[most] if most < len(_NUMBER_WORDS) else str(most)
    texts = {
        "recover": f"Still recovering: your hips get {settings.recovery_hours:g} hours between "
        "hard sessions.",
        "ahead": f"{most_words.capitalize()} or more sessions in the last 7 days: a rest day is "
        "well earned.",
        "behind": f"Fewer than {fewest} sessions in the last 7 days: a session soon keeps "
        "progress going.",
        "ok": "On track.",
    }
    return texts.get(status, status)


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
        lines.append("Next session: any time.")
    elif timing.earliest <= now:
        since = f"{timing.earliest:%a %d %b %H:%M}"
        lines.append(f"Next session: any time now (recovered since {since}).")
    else:
        lines.append(f"Next session: from {timing.earliest:%a %d %b, %H:%M}.")
    count = timing.sessions_last_7_days
    plural = "session" if count == 1 else "sessions"
    fewest, most = settings.sessions_per_week
    target = f"{fewest} to {most}" if fewest != most else str(most)
    lines.append(f"{count} {plural} in the last 7 days (the target is {target} a week).")
    lines.append(status_text(timing.status, settings))
    return lines


class SuggestionCard(QFrame):
    """One exercise's prescription: name, '3 x 8 at 62.5 kg', why, and the rule."""

    def __init__(
        self, suggestion: Suggestion, name: str, unit: Unit, parent: QWidget | None = None
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
        rule = QLabel(RULE_LABELS.get(suggestion.rule, suggestion.rule), self)
        rule.setToolTip(f"Rule: {suggestion.rule}")
        rule.setEnabled(False)
        top.addWidget(rule)
        layout.addLayout(top)
        self.prescription = QLabel(prescription_text(suggestion, unit), self)
        font = self.prescription.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.prescription.setFont(font)
        self.prescription.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prescription)
        reason = QLabel(suggestion.reason, self)
        reason.setWordWrap(True)
        layout.addWidget(reason)


class PlanView(LazyView):
    """Next-session plan."""

    start_requested = Signal(object)  # the Plan to log
    log_requested = Signal()  # the empty state's "go to Log"

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
        title = QLabel("<h2>Next session</h2>", self)
        header.addWidget(title, 1)
        self.start_button = QPushButton("&Start this session", self)
        self.start_button.setToolTip("Open the Log with all these exercises and their targets")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        header.addWidget(self.start_button)
        root.addLayout(header)

        self.timing_label = QLabel(self)
        self.timing_label.setWordWrap(True)
        root.addWidget(self.timing_label)
        self.warnings_label = QLabel(self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setFrameShape(QFrame.Shape.StyledPanel)
        root.addWidget(self.warnings_label)

        self.cards_area = QScrollArea(self)
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        root.addWidget(self.cards_area, 1)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = QLabel(
            "<h3>No plan yet</h3>"
            "<p>hiplog plans your next session from what you logged in the last 90 days, "
            "and there is nothing yet.</p>"
            "<p>Open the Log, pick an exercise such as the glute bridge or the barbell hip "
            "thrust, and record each set as you finish it. Come back here afterwards: every "
            "exercise you trained gets its next target, with the reason for it.</p>"
            "<p>Already kept a log in Strong, Hevy or FitNotes? Use File, Import... to bring "
            "it in.</p>",
            self.empty,
        )
        self.empty_label.setWordWrap(True)
        empty_layout.addWidget(self.empty_label)
        self.go_log_button = QPushButton("Go to the Log", self.empty)
        self.go_log_button.clicked.connect(self.log_requested.emit)
        empty_layout.addWidget(self.go_log_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        root.addWidget(self.empty)

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
            self._plan = plan_service.suggest(self._ctx, as_of)
        except (OSError, HiplogError) as exc:
            self._plan = None
            self._show_error(str(exc))
            return
        self._show(self._plan)

    # --- showing ---------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.timing_label.setText(f"The plan could not be made: {message}")
        self.warnings_label.hide()
        self.cards_area.hide()
        self.empty.hide()
        self.start_button.setEnabled(False)

    def _show(self, plan: Plan) -> None:
        has_work = bool(plan.suggestions)
        self.empty.setVisible(not has_work)
        self.cards_area.setVisible(has_work)
        self.start_button.setEnabled(has_work)
        self.timing_label.setVisible(has_work)
        self.timing_label.setText(
            "<br>".join(timing_lines(plan, datetime.now(), self._ctx.settings()))
        )
        if plan.warnings and has_work:
            items = "".join(f"<li>{w.message}</li>" for w in plan.warnings)
            self.warnings_label.setText(f"<b>Worth knowing</b><ul>{items}</ul>")
            self.warnings_label.show()
        else:
            self.warnings_label.hide()
        self._build_cards(plan)

    def _build_cards(self, plan: Plan) -> None:
        catalog = self._ctx.catalog()
        unit = self._ctx.settings().unit
        warmup, work = session_order(plan.suggestions, catalog.get)
        page = QWidget()
        layout = QVBoxLayout(page)
        self.cards = []
        for heading, items in (("Warm-up", warmup), ("Main work", work)):
            if not items:
                continue
            layout.addWidget(QLabel(f"<h3>{heading}</h3>", page))
            for s in items:
                exercise = catalog.get(s.exercise)
                name = exercise.name if exercise is not None else s.exercise
                card = SuggestionCard(s, name, unit, page)
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

    def _start(self) -> None:
        if self._plan is None or not self._plan.suggestions:
            return
        ordered = self._ordered_plan(self._plan)
        self.start_requested.emit(ordered)

    def _ordered_plan(self, plan: Plan) -> Plan:
        """The plan with its suggestions in the order the cards show them."""
        from dataclasses import replace

        warmup, work = session_order(plan.suggestions, self._ctx.catalog().get)
        return replace(plan, suggestions=tuple(warmup + work))
