"""Undoable changes to the body measurements: add, change and delete an entry.

Entries are found by their time (one entry a day), so an entry put back by undo needs no id
bookkeeping.
"""

from __future__ import annotations

from hiplog.domain.body import BodyMeasurement
from hiplog.domain.wording import date_text
from hiplog.services import body
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _
from hiplog.ui.common.undo_support import ServiceCommand


def _day(entry: BodyMeasurement) -> str:
    return date_text(entry.measured_at.date())


class AddMeasurement(ServiceCommand):
    def __init__(self, ctx: AppContext, events: DataEvents, entry: BodyMeasurement) -> None:
        super().__init__(_("Add body measurements of {day}").format(day=_day(entry)))
        self._ctx, self._events, self._entry = ctx, events, entry

    def apply(self) -> None:
        body.add_measurement(self._ctx, self._entry)
        self._events.body_changed.emit()

    def revert(self) -> None:
        body.delete_measurement(self._ctx, self._entry)
        self._events.body_changed.emit()


class ChangeMeasurement(ServiceCommand):
    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        before: BodyMeasurement,
        after: BodyMeasurement,
    ) -> None:
        super().__init__(_("Change body measurements of {day}").format(day=_day(before)))
        self._ctx, self._events = ctx, events
        if after.measured_at.date() == before.measured_at.date():  # keeps its time of day
            after = BodyMeasurement(
                before.measured_at, after.bodyweight_kg, after.hip_cm, after.thigh_cm
            )
        self._before, self._after = before, after

    def apply(self) -> None:
        body.replace_measurement(self._ctx, self._before, self._after)
        self._events.body_changed.emit()

    def revert(self) -> None:
        body.replace_measurement(self._ctx, self._after, self._before)
        self._events.body_changed.emit()


class DeleteMeasurement(ServiceCommand):
    def __init__(self, ctx: AppContext, events: DataEvents, entry: BodyMeasurement) -> None:
        super().__init__(_("Delete body measurements of {day}").format(day=_day(entry)))
        self._ctx, self._events, self._entry = ctx, events, entry

    def apply(self) -> None:
        body.delete_measurement(self._ctx, self._entry)
        self._events.body_changed.emit()

    def revert(self) -> None:
        body.add_measurement(self._ctx, self._entry)
        self._events.body_changed.emit()
