"""Undoable changes to custom exercises: create, edit, and map onto another exercise."""

from __future__ import annotations

from hiplog.domain.errors import InputError
from hiplog.domain.models import Exercise, Role
from hiplog.domain.name_recognition import with_role
from hiplog.domain.translation import exercise_name
from hiplog.services import exercises
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import _
from hiplog.ui.common.undo_support import ServiceCommand, id_map


class CreateCustomExercise(ServiceCommand):
    """Create a custom exercise; undo removes it again while it has no logged sets."""

    def __init__(self, ctx: AppContext, events: DataEvents, exercise: Exercise) -> None:
        super().__init__(_("Create exercise {name}").format(name=exercise.name))
        self._ctx, self._events = ctx, events
        self._exercise = exercise
        self.saved: Exercise | None = None

    def apply(self) -> None:
        self.saved = exercises.save_custom_exercise(self._ctx, self.saved or self._exercise)
        self._events.catalog_changed.emit()

    def revert(self) -> None:
        assert self.saved is not None
        if not exercises.delete_unused_custom_exercise(self._ctx, self.saved.slug):
            raise InputError(
                _("'{name}' has logged sets now, so it stays").format(name=self.saved.name)
            )
        self._events.catalog_changed.emit()


class EditCustomExercise(ServiceCommand):
    def __init__(
        self, ctx: AppContext, events: DataEvents, before: Exercise, after: Exercise
    ) -> None:
        super().__init__(_("Edit exercise {name}").format(name=before.name))
        self._ctx, self._events = ctx, events
        self._before, self._after = before, after

    def apply(self) -> None:
        exercises.save_custom_exercise(self._ctx, self._after)
        self._events.catalog_changed.emit()

    def revert(self) -> None:
        exercises.save_custom_exercise(self._ctx, self._before)
        self._events.catalog_changed.emit()


class ChangeExerciseRole(EditCustomExercise):
    """Move one of the person's exercises between hip work and other training (issue 12): the
    Plan, the charts and the weekly counts follow through catalog_changed."""

    def __init__(self, ctx: AppContext, events: DataEvents, exercise: Exercise, role: Role):
        super().__init__(ctx, events, exercise, with_role(exercise, role))
        if role is Role.HIP:
            self.setText(_("Move {name} to hip work").format(name=exercise.name))
        else:
            self.setText(_("Move {name} to other training").format(name=exercise.name))


class MapCustomExercise(ServiceCommand):
    """Move every set of a custom exercise onto another exercise and remove the custom one."""

    def __init__(self, ctx: AppContext, events: DataEvents, custom: Exercise, target: Exercise):
        super().__init__(_("Map {name} onto {target}").format(name=custom.name, target=target.name))
        self._ctx, self._events = ctx, events
        self._custom_slug, self._target_slug = custom.slug, target.slug
        self._record: exercises.MappedExercise | None = None
        self.moved = 0

    def apply(self) -> None:
        self._record = exercises.map_onto(self._ctx, self._custom_slug, self._target_slug)
        self.moved = len(self._record.set_ids)
        self._events.catalog_changed.emit()
        self._events.sessions_changed.emit()

    def revert(self) -> None:
        record = self._record
        assert record is not None
        ids = id_map(self._ctx)
        exercises.unmap(self._ctx, record, tuple(ids.set_id(i) for i in record.set_ids))
        self._events.catalog_changed.emit()
        self._events.sessions_changed.emit()


class SetExerciseNote(ServiceCommand):
    """Replace the person's note on an exercise, built-in or own; the Log and the Plan show it
    (they reload on catalog_changed)."""

    def __init__(
        self, ctx: AppContext, events: DataEvents, exercise: Exercise, before: str, after: str
    ) -> None:
        super().__init__(_("Note on {name}").format(name=exercise_name(exercise.name)))
        self._ctx, self._events = ctx, events
        self._slug, self._before, self._after = exercise.slug, before, after

    def apply(self) -> None:
        exercises.set_exercise_note(self._ctx, self._slug, self._after)
        self._events.catalog_changed.emit()

    def revert(self) -> None:
        exercises.set_exercise_note(self._ctx, self._slug, self._before)
        self._events.catalog_changed.emit()
