"""The Import dialog's review of the file's exercises (issue 12): four groups (catalog, your own
hip exercises, other training, not sure) with set counts, and buttons that move a new exercise
between hip work and other training or map it onto a catalog exercise before importing."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.catalog import Catalog
from hiplog.domain.import_review import Group, apply_choices, review_rows
from hiplog.domain.models import ImportedData, Role
from hiplog.domain.translation import exercise_name
from hiplog.ui.common.translation import N_, _

SLUG = Qt.ItemDataRole.UserRole + 1


#: The groups of the review, as shown (translated where shown).
GROUP_NAMES = {
    Group.CATALOG: N_("Catalog exercises"),
    Group.HIP: N_("Your own hip exercises"),
    Group.OTHER: N_("Other training"),
    Group.UNSURE: N_("Not sure (other training unless you move them)"),
}


class ImportReviewPanel(QWidget):
    """The groups as a tree (Exercise, Sets); the choices are kept here until the import."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roles: dict[str, Role] = {}
        self.mapped: dict[str, str] = {}
        self._data: ImportedData | None = None
        self._catalog: Catalog | None = None
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(_("Exercises in the file"))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.hip_button = QPushButton(_("Hip work"), self)
        self.hip_button.setToolTip(_("Count this exercise as hip-extension work of your own"))
        self.hip_button.clicked.connect(lambda: self.move_current(Role.HIP))
        self.other_button = QPushButton(_("Other training"), self)
        self.other_button.setToolTip(_("Keep it, but leave it out of the Plan and the hip figures"))
        self.other_button.clicked.connect(lambda: self.move_current(Role.OTHER))
        self.map_combo = QComboBox(self)
        self.map_combo.setToolTip(_("The catalog exercise this one really is"))
        self.map_combo.setAccessibleName(_("Catalog exercise to map onto"))
        self.map_button = QPushButton(_("Map onto"), self)
        self.map_button.clicked.connect(self._map_current)
        self.hint = QLabel(
            _(
                "Other training is kept and exported, but left out of the Plan and every hip "
                "figure. Select a new exercise to move it, or to map it onto a catalog exercise."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(_("Selected new exercise:"), self))
        for widget in (self.hip_button, self.other_button, self.map_button, self.map_combo):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._current_changed(QModelIndex(), QModelIndex())

    def set_data(self, data: ImportedData | None, catalog: Catalog) -> None:
        self._data, self._catalog = data, catalog
        self.roles, self.mapped = {}, {}
        self.map_combo.clear()
        for exercise in catalog:
            if not exercise.custom:
                self.map_combo.addItem(exercise_name(exercise.name), exercise.slug)
        self._fill()

    def chosen(self) -> ImportedData | None:
        """The data read with the person's choices applied."""
        if self._data is None:
            return None
        return apply_choices(self._data, self.roles, self.mapped)

    def _fill(self, keep: str | None = None) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([_("Exercise"), _("Sets")])
        data = self.chosen()
        if data is None or self._catalog is None:
            return
        rows = review_rows(data, self._catalog)
        for group in Group:
            members = [r for r in rows if r.group is group]
            if not members:
                continue
            sets = sum(r.sets for r in members)
            title = QStandardItem(f"{_(GROUP_NAMES[group])}: {len(members)}")
            title.setSelectable(False)
            total = QStandardItem(str(sets))
            total.setSelectable(False)
            total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for row in members:
                name = QStandardItem(exercise_name(row.name))
                if row.file_names:
                    name.setText(
                        _("{name}   (in the file: {names})").format(
                            name=exercise_name(row.name), names="; ".join(row.file_names)
                        )
                    )
                name.setData(row.slug if row.new else None, SLUG)
                count = QStandardItem(str(row.sets))
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                title.appendRow([name, count])
            self.model.appendRow([title, total])
            expanded = group is not Group.OTHER or keep in {r.slug for r in members}
            self.tree.setExpanded(title.index(), expanded)
        self.tree.resizeColumnToContents(0)
        if keep is not None:
            self.select(keep)

    def select(self, slug: str) -> bool:
        for top in range(self.model.rowCount()):
            group = self.model.item(top)
            for row in range(group.rowCount()):
                if group.child(row).data(SLUG) == slug:
                    self.tree.expand(group.index())
                    self.tree.setCurrentIndex(group.child(row).index())
                    return True
        return False

    def current_slug(self) -> str | None:
        slug = self.tree.currentIndex().siblingAtColumn(0).data(SLUG)
        return str(slug) if slug else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        slug = self.current_slug()
        movable = slug is not None
        if slug is not None and self._catalog is not None:
            near = self._catalog.closest(str(current.siblingAtColumn(0).data()), n=1)
            found = self.map_combo.findData(near[0]) if near else -1
            if found >= 0:
                self.map_combo.setCurrentIndex(found)
        for widget in (self.hip_button, self.other_button, self.map_button, self.map_combo):
            widget.setEnabled(movable)

    def move_current(self, role: Role) -> None:
        slug = self.current_slug()
        if slug is None:
            return
        self.roles[slug] = role
        self._fill(keep=slug)
        self.changed.emit()

    def _map_current(self) -> None:
        slug, target = self.current_slug(), self.map_combo.currentData()
        if slug is None or not target:
            return
        self.mapped[slug] = str(target)
        self._fill()
        self.changed.emit()
