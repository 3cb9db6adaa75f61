"""The exercise catalog: search, details (cue, mistakes, ladder), the person's note on each
exercise, and custom exercises."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.models import Exercise, Role
from hiplog.domain.translation import exercise_name
from hiplog.services import exercises
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.refresh_on_show import LazyView
from hiplog.ui.common.roles import SLUG_ROLE
from hiplog.ui.common.translation import _, ngettext
from hiplog.ui.common.undo_support import push, show_when_visible
from hiplog.ui.exercises.custom_exercise_dialog import CustomExerciseDialog
from hiplog.ui.exercises.exercise_commands import (
    ChangeExerciseRole,
    CreateCustomExercise,
    EditCustomExercise,
    MapCustomExercise,
    SetExerciseNote,
)
from hiplog.ui.exercises.exercise_details import LINK_SCHEME, exercise_html
from hiplog.ui.exercises.exercise_list_model import (
    HIP_GROUP,
    OTHER_GROUP,
    SEARCH_ROLE,
    ExerciseListModel,
)
from hiplog.ui.exercises.exercise_note_editor import ExerciseNoteEditor
from hiplog.ui.exercises.map_exercise_dialog import MapExerciseDialog


class ExercisesView(LazyView):
    """Exercise catalog."""

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, events, undo_stack, parent)
        self._counts: dict[str, int] = {}
        self._notes: dict[str, str] = {}
        self.dialog: CustomExerciseDialog | MapExerciseDialog | None = None
        splitter = QSplitter()
        splitter.addWidget(self._build_list_side())
        splitter.addWidget(self._build_details_side())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        show_when_visible(self, undo_stack, self.message.setText)

    # --- building --------------------------------------------------------------------------

    def _build_list_side(self) -> QWidget:
        """The search box, the list of exercises and the buttons for one's own exercises."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, muscle or equipment"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search exercises"))
        self.model = ExerciseListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.list = QTreeView()
        self.list.setModel(self.proxy)
        self.list.setHeaderHidden(True)
        self.list.setAccessibleName(_("Exercises"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)

        self.new_button = QPushButton(_("New exercise…"))
        self.new_button.setToolTip(_("Add an exercise that is not in the catalog"))
        self.new_button.clicked.connect(self.new_custom)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setToolTip(_("Change one of your own exercises"))
        self.edit_button.clicked.connect(self.edit_custom)
        self.map_button = QPushButton(_("Map onto…"))
        self.map_button.setToolTip(
            _("This exercise is really one hiplog knows: move its sets there and remove it")
        )
        self.map_button.clicked.connect(self.map_custom)
        self.role_button = QPushButton(_("Move to other training"))
        self.role_button.setToolTip(
            _("Other training is kept and exported but left out of the Plan and every hip figure")
        )
        self.role_button.clicked.connect(self.toggle_role)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.map_button, self.role_button):
            buttons.addWidget(button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        return left

    def _build_details_side(self) -> QWidget:
        """The selected exercise's page, messages and the Show progress button."""
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(_("About the selected exercise"))
        self.details.anchorClicked.connect(self._link_clicked)
        self.progress_button = QPushButton(_("Show progress"))
        self.progress_button.setToolTip(_("Open the charts of this exercise"))
        self.progress_button.clicked.connect(self._request_progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        self.note_editor = ExerciseNoteEditor(right)
        # Queued: a note saved because another exercise was picked is pushed after the list has
        # finished changing its selection (the push reloads the list's model).
        self.note_editor.edited.connect(self._note_edited, Qt.ConnectionType.QueuedConnection)
        right_layout.addWidget(self.note_editor)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress_button)
        right_layout.addLayout(bottom)
        return right

    # --- refresh ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._dirty = False
        keep = self.current_slug()
        self._counts = exercises.logged_set_counts(self._ctx)
        self._notes = exercises.exercise_notes(self._ctx)
        other_open = self.list.isExpanded(self._group(OTHER_GROUP))
        self.model.set_rows(exercises.list_exercises(self._ctx))
        self.list.expand(self._group(HIP_GROUP))
        self.list.setExpanded(self._group(OTHER_GROUP), other_open)
        if keep is None or not self.select(keep):
            self._select_first()
        self._show_current()

    def _group(self, group: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.group_index(group))

    def _select_first(self) -> None:
        """The first exercise the search leaves, if any."""
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            if self.proxy.rowCount(parent) > 0:
                self.list.setCurrentIndex(self.proxy.index(0, 0, parent))
                return

    # --- selection -------------------------------------------------------------------------

    def current_exercise(self) -> Exercise | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.model.exercise(self.proxy.mapToSource(index))

    def current_slug(self) -> str | None:
        slug = self.list.currentIndex().data(SLUG_ROLE)
        return str(slug) if slug is not None else None

    def select(self, slug: str) -> bool:
        source = self.model.index_of(slug)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # hidden by the search: clear it
            self.search.clear()
            index = self.proxy.mapFromSource(source)
        self.list.expand(index.parent())
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def _search_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.list.expandAll()  # a match among other training is shown too
        if self.current_exercise() is None:
            self._select_first()
        self._show_current()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        self.note_editor.commit()  # a note being typed is saved before another is shown
        ex = self.current_exercise()
        slug = ex.slug if ex is not None else None
        self.note_editor.show_note(slug, self._notes.get(slug, "") if slug else "")
        self.edit_button.setEnabled(ex is not None and ex.custom)
        self.map_button.setEnabled(ex is not None and ex.custom)
        self.role_button.setEnabled(ex is not None and ex.custom)
        self.role_button.setText(
            _("Move to hip work") if ex is not None and ex.is_other else _("Move to other training")
        )
        self.progress_button.setEnabled(ex is not None)
        if ex is None:
            self.details.setHtml("<p>{}</p>".format(_("No exercise matches the search.")))
            return
        html = exercise_html(
            ex, self._ctx.catalog(), self._ctx.settings(), self._counts.get(ex.slug, 0)
        )
        self.details.setHtml(html)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.show_exercise(url.path())

    def _request_progress(self) -> None:
        slug = self.current_slug()
        if slug is not None:
            self._events.exercise_requested.emit(slug)

    def show_exercise(self, slug: str) -> None:
        """Focus this view on one exercise (used by --exercise and by other views)."""
        self.reload_if_stale()
        self.select(slug)

    def _note_edited(self, slug: str, before: str, after: str) -> None:
        exercise = self._ctx.catalog().get(slug)
        if exercise is None:
            return
        command = SetExerciseNote(self._ctx, self._events, exercise, before, after)
        failure = push(self._undo_stack, command)
        if failure is not None:
            self.message.setText(_("The note was not saved: {error}").format(error=failure))
            self.note_editor.refused(slug, before)
            return
        self._notes[slug] = after
        self.message.setText(
            _("Saved the note on {name}. Undo with Ctrl+Z.").format(
                name=exercise_name(exercise.name)
            )
        )

    # --- custom exercises ------------------------------------------------------------------

    def _save_new(self, exercise: Exercise) -> str | None:
        command = CreateCustomExercise(self._ctx, self._events, exercise)
        failure = push(self._undo_stack, command)
        if failure is not None:
            return str(failure)
        if command.saved is not None:
            self.select(command.saved.slug)
            self.message.setText(
                _("Added {name}. Undo with Ctrl+Z.").format(name=command.saved.name)
            )
        return None

    def _save_edit(self, before: Exercise, after: Exercise) -> str | None:
        if after == before:
            return None
        failure = push(self._undo_stack, EditCustomExercise(self._ctx, self._events, before, after))
        if failure is None:
            self.message.setText(_("Saved {name}.").format(name=after.name))
        return None if failure is None else str(failure)

    def new_custom(self) -> CustomExerciseDialog:
        dialog = CustomExerciseDialog(None, self._save_new, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_custom(self) -> CustomExerciseDialog | None:
        ex = self.current_exercise()
        if ex is None or not ex.custom:
            return None

        def save(after: Exercise) -> str | None:
            return self._save_edit(ex, after)

        dialog = CustomExerciseDialog(ex, save, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def map_custom(self) -> MapExerciseDialog | None:
        ex = self.current_exercise()
        if ex is None or not ex.custom:
            return None
        catalog = self._ctx.catalog()
        targets = [other for other in catalog if other.slug != ex.slug]
        near = [s for s in catalog.closest(ex.name, n=5) if s != ex.slug]
        count = exercises.sets_to_move(self._ctx, ex.slug)
        dialog = MapExerciseDialog(ex, targets, count, near[0] if near else None, self)
        dialog.accepted.connect(lambda: self.apply_map(ex, dialog.target_slug()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply_map(self, custom: Exercise, target_slug: str) -> None:
        target = self._ctx.catalog().get(target_slug)
        if target is None:
            return
        command = MapCustomExercise(self._ctx, self._events, custom, target)
        failure = push(self._undo_stack, command)
        if failure is not None:
            self.message.setText(str(failure))
            return
        self.select(target.slug)
        self.message.setText(
            ngettext(
                "Moved {count} set to {name}. Undo with Ctrl+Z.",
                "Moved {count} sets to {name}. Undo with Ctrl+Z.",
                command.moved,
            ).format(count=command.moved, name=exercise_name(target.name))
        )

    def toggle_role(self) -> None:
        """Move the selected exercise of the person's between hip work and other training."""
        ex = self.current_exercise()
        if ex is None or not ex.custom:
            return
        role = Role.HIP if ex.is_other else Role.OTHER
        command = ChangeExerciseRole(self._ctx, self._events, ex, role)
        failure = push(self._undo_stack, command)
        if failure is not None:
            self.message.setText(str(failure))
            return
        self.select(ex.slug)
        if role is Role.HIP:
            done = _("{name} is now hip work. Undo with Ctrl+Z.")
        else:
            done = _("{name} is now other training. Undo with Ctrl+Z.")
        self.message.setText(done.format(name=ex.name))
