"""The program editor, opened from the Plan: choose a starter or make your own program, and
change its days and entries. Every change is one command on the window's undo stack.

Keyboard: in the day list and the entry table, Insert adds, Delete removes, Alt+Up and Alt+Down
move the selected row, F2 renames a day or program (types in place); sets and reps are edited
in their cells. The buttons do the same by mouse.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hiplog.domain.programs import Program, ProgramDay, ProgramEntry, ladder_rungs
from hiplog.domain.translation import exercise_name
from hiplog.services import programs
from hiplog.services.context import AppContext
from hiplog.ui.common.data_events import DataEvents
from hiplog.ui.common.translation import N_, _
from hiplog.ui.common.undo_support import push
from hiplog.ui.common.widgets import label_for
from hiplog.ui.programs.editor_undo import EditorUndoRow
from hiplog.ui.programs.entries_model import EntriesModel, entry_name, ladder_name
from hiplog.ui.programs.program_commands import ChangeProgram, FollowProgram

_EDITABLE = Qt.ItemFlag.ItemIsEditable
# After the name of the program followed; not part of the name (translated where shown).
FOLLOWING = N_(" (following)")


def _moved(items: tuple[Any, ...], row: int, delta: int) -> tuple[Any, ...] | None:
    target = row + delta
    if not (0 <= row < len(items) and 0 <= target < len(items)):
        return None
    out = list(items)
    out[row], out[target] = out[target], out[row]
    return tuple(out)


class ProgramEditor(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Programs"))
        self._ctx, self._events, self._stack = ctx, events, undo_stack
        self._programs: list[Program] = []
        self._about = {s.program.name: s.about for s in programs.starters()}
        self._filling = False
        grid = QGridLayout(self)
        grid.addWidget(self._programs_column(), 0, 0)
        grid.addWidget(self._days_column(), 0, 1)
        grid.addWidget(self._entries_column(), 0, 2)
        grid.setColumnStretch(2, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        grid.addWidget(self.message, 1, 0, 1, 3)
        undo_row = EditorUndoRow(self, undo_stack)
        self.undo_action, self.redo_action = undo_row.undo_action, undo_row.redo_action
        grid.addLayout(undo_row, 2, 0, 1, 3)
        events.programs_changed.connect(self.reload)
        self.resize(1100, 560)
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _button(self, text: str, layout: QVBoxLayout | QHBoxLayout, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def _programs_column(self) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        self.program_list = QListWidget(box)
        self.program_list.setAccessibleName(_("Programs"))
        col.addWidget(
            label_for(_("<b>Programs</b> (starters are templates)"), self.program_list, box)
        )
        self.program_list.currentRowChanged.connect(self._program_selected)
        self.program_list.itemChanged.connect(self._program_renamed)
        col.addWidget(self.program_list, 1)
        self.about_label = QLabel(box)
        self.about_label.setWordWrap(True)
        col.addWidget(self.about_label)
        self.follow_button = self._button(_("&Follow this program"), col, self.follow)
        self.stop_button = self._button(_("&Stop following"), col, self.stop_following)
        self.new_button = self._button(_("&New program"), col, self.new_program)
        self.duplicate_button = self._button(_("&Copy as my own"), col, self.duplicate)
        self.delete_button = self._button(_("Delete program"), col, self.delete_program)
        return box

    def _days_column(self) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        self.day_list = QListWidget(box)
        self.day_list.setAccessibleName(_("Days of the program"))
        col.addWidget(label_for("<b>{}</b>".format(_("Days")), self.day_list, box))
        self.day_list.currentRowChanged.connect(self._day_selected)
        self.day_list.itemChanged.connect(self._day_renamed)
        col.addWidget(self.day_list, 1)
        self.add_day_button = self._button(_("&Add day"), col, self.add_day)
        self.remove_day_button = self._button(_("Remove day"), col, self.remove_day)
        self.day_up_button = self._button(_("Day up"), col, lambda: self.move_day(-1))
        self.day_down_button = self._button(_("Day down"), col, lambda: self.move_day(1))
        self._keys(self.day_list, self.add_day, self.remove_day, self.move_day)
        return box

    def _entries_column(self) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        self.model = EntriesModel(self._ctx.catalog().get, box)
        self.model.entries_edited.connect(self._entries_edited)
        self.table = QTableView(box)
        col.addWidget(label_for("<b>{}</b>".format(_("Exercises of the day")), self.table, box))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        col.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_combo = QComboBox(box)
        self.add_combo.setToolTip(_("An exercise, or a ladder that moves up as you progress"))
        self.add_combo.setAccessibleName(_("Exercise to add"))
        catalog = self._ctx.catalog()
        for ex in catalog:
            if len(ladder_rungs(ex.slug, catalog.get)) > 1 and not any(
                e.successor == ex.slug for e in catalog
            ):
                self.add_combo.addItem(ladder_name(exercise_name(ex.name)), ("ladder", ex.slug))
        for ex in catalog:
            self.add_combo.addItem(exercise_name(ex.name), ("exercise", ex.slug))
        row.addWidget(self.add_combo, 1)
        self.add_entry_button = self._button(_("Add e&xercise"), row, self.add_entry)
        self.remove_entry_button = self._button(_("Remove"), row, self.remove_entry)
        self.entry_up_button = self._button(_("Up"), row, lambda: self.move_entry(-1))
        self.entry_down_button = self._button(_("Down"), row, lambda: self.move_entry(1))
        col.addLayout(row)
        self._keys(self.table, self.add_entry, self.remove_entry, self.move_entry)
        return box

    def _keys(self, widget: QWidget, add: object, remove: object, move: object) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (QKeySequence.StandardKey.Delete, remove),
            (QKeySequence(Qt.Key.Key_Insert), add),
            (QKeySequence("Alt+Up"), lambda: move(-1)),  # type: ignore[operator]
            (QKeySequence("Alt+Down"), lambda: move(1)),  # type: ignore[operator]
        ):
            shortcut = QShortcut(key, widget)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # --- showing -------------------------------------------------------------------------

    @property
    def current(self) -> Program | None:
        row = self.program_list.currentRow()
        return self._programs[row] if 0 <= row < len(self._programs) else None

    def select_program(self, name: str) -> None:
        for row, program in enumerate(self._programs):
            if program.name == name:
                self.program_list.setCurrentRow(row)
                return

    def reload(self) -> None:
        """Read the programs again, keeping the selected program, day and entry."""
        keep = self.current.name if self.current else None
        day_row, entry_row = self.day_list.currentRow(), self.table.currentIndex().row()
        self._programs = programs.list_programs(self._ctx)
        run = programs.active_run(self._ctx)
        self._filling = True
        self.program_list.clear()
        for program in self._programs:
            following = run is not None and run.program == program.name
            tag = _(" (starter)") if program.starter else _(FOLLOWING) if following else ""
            item = QListWidgetItem(exercise_name(program.name) + tag)
            if not program.starter:
                item.setFlags(item.flags() | _EDITABLE)
            self.program_list.addItem(item)
        self._filling = False
        self.stop_button.setEnabled(run is not None)
        self.program_list.setCurrentRow(-1)
        if keep is not None:
            self.select_program(keep)
        if self.program_list.currentRow() < 0:
            self.program_list.setCurrentRow(0)
        self.day_list.setCurrentRow(min(max(day_row, 0), self.day_list.count() - 1))
        if 0 <= entry_row < self.model.rowCount():
            self.table.selectRow(entry_row)

    def _program_selected(self, _row: int) -> None:
        program = self.current
        own = program is not None and not program.starter
        for button in (
            self.delete_button,
            self.add_day_button,
            self.remove_day_button,
            self.day_up_button,
            self.day_down_button,
            self.add_entry_button,
            self.remove_entry_button,
            self.entry_up_button,
            self.entry_down_button,
        ):
            button.setEnabled(own)
        about = exercise_name(self._about.get(program.name, "")) if program is not None else ""
        if program is not None and program.starter:
            starter = _("A starter: follow it, or copy it as your own to change it.")
            about += f"<br><i>{starter}</i>"
        self.about_label.setText(about)
        self._filling = True
        self.day_list.clear()
        for day in program.days if program else ():
            item = QListWidgetItem(exercise_name(day.name))
            if own:
                item.setFlags(item.flags() | _EDITABLE)
            self.day_list.addItem(item)
        self._filling = False
        self.day_list.setCurrentRow(0 if self.day_list.count() else -1)
        self._day_selected(self.day_list.currentRow())

    def _day_selected(self, row: int) -> None:
        program = self.current
        entries = program.days[row].entries if program and 0 <= row < len(program.days) else ()
        self.model.set_entries(entries, editable=program is not None and not program.starter)

    # --- changes -------------------------------------------------------------------------

    def _push_change(self, text: str, after: Program | None, before: Program | None) -> bool:
        failure = push(self._stack, ChangeProgram(self._ctx, self._events, text, before, after))
        self.message.setText("" if failure is None else str(failure))
        return failure is None

    def _change(self, text: str, after: Program) -> bool:
        return self._push_change(text, after, self.current)

    def _with_days(self, days: tuple[ProgramDay, ...], text: str) -> bool:
        program = self.current
        if program is None or program.starter:
            return False
        return self._change(
            _("{change} in {program}").format(change=text, program=program.name),
            replace(program, days=days),
        )

    def new_program(self) -> None:
        name = programs.free_name(self._ctx, _("My program"))
        first_day = ProgramDay(_("Day {letter}").format(letter="A"))
        if self._push_change(
            _("New program {name}").format(name=name), Program(name, (first_day,)), None
        ):
            self.select_program(name)

    def duplicate(self) -> None:
        program = self.current
        if program is None:
            return
        base = program.name if program.starter else _("{name} copy").format(name=program.name)
        name = programs.free_name(self._ctx, base)
        copy = replace(program, name=name, starter=False)
        if self._push_change(
            _("Copy {name} as {copy}").format(name=program.name, copy=name), copy, None
        ):
            self.select_program(name)

    def delete_program(self) -> None:
        program = self.current
        if program is not None and not program.starter:
            self._push_change(_("Delete program {name}").format(name=program.name), None, program)

    def rename_program(self, name: str) -> None:
        program = self.current
        if program is None or program.starter or name.strip() == program.name:
            return
        if self._change(
            _("Rename {name} to {new_name}").format(name=program.name, new_name=name),
            replace(program, name=name),
        ):
            self.select_program(" ".join(name.split()))
        else:
            self.reload()

    def _program_renamed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.rename_program(item.text().removesuffix(_(FOLLOWING)))

    def follow(self) -> None:
        program = self.current
        if program is None:
            return
        failure = push(self._stack, FollowProgram(self._ctx, self._events, program.name))
        self.message.setText(
            _("Following {name}: the Plan shows its next day.").format(name=program.name)
            if failure is None
            else str(failure)
        )
        self.select_program(program.name)

    def stop_following(self) -> None:
        failure = push(self._stack, FollowProgram(self._ctx, self._events, None))
        self.message.setText("" if failure is None else str(failure))

    def add_day(self) -> None:
        program = self.current
        if program is None:
            return
        taken = {d.name for d in program.days}
        day_name = _("Day {letter}")
        letter = next(
            c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ?" if day_name.format(letter=c) not in taken
        )
        name = day_name.format(letter=letter)
        if self._with_days((*program.days, ProgramDay(name)), _("Add {name}").format(name=name)):
            self.day_list.setCurrentRow(self.day_list.count() - 1)

    def remove_day(self) -> None:
        program, row = self.current, self.day_list.currentRow()
        if program is None or not 0 <= row < len(program.days):
            return
        days = program.days[:row] + program.days[row + 1 :]
        self._with_days(days, _("Remove {name}").format(name=program.days[row].name))

    def move_day(self, delta: int) -> None:
        program, row = self.current, self.day_list.currentRow()
        days = None if program is None else _moved(program.days, row, delta)
        if (
            program is not None
            and days is not None
            and self._with_days(days, _("Move {name}").format(name=program.days[row].name))
        ):
            self.day_list.setCurrentRow(row + delta)

    def rename_day(self, row: int, name: str) -> None:
        program = self.current
        if program is None or not 0 <= row < len(program.days):
            return
        day = program.days[row]
        if name.strip() == day.name:
            return
        days = (*program.days[:row], replace(day, name=name), *program.days[row + 1 :])
        if not self._with_days(
            days, _("Rename {name} to {new_name}").format(name=day.name, new_name=name)
        ):
            self.reload()

    def _day_renamed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.rename_day(self.day_list.row(item), item.text())

    def _set_entries(self, entries: tuple[ProgramEntry, ...], text: str, select: int) -> None:
        program, row = self.current, self.day_list.currentRow()
        if program is None or not 0 <= row < len(program.days):
            return
        day = replace(program.days[row], entries=entries)
        days = (*program.days[:row], day, *program.days[row + 1 :])
        if self._with_days(days, f"{text} ({day.name})") and 0 <= select < len(entries):
            self.table.selectRow(select)

    def _entries_edited(self, entries: tuple[ProgramEntry, ...], what: str) -> None:
        # After the cell's editor has closed: the change reloads the table under it.
        row = self.table.currentIndex().row()
        QTimer.singleShot(0, self, lambda: self._set_entries(entries, what, row))

    def add_entry(self) -> None:
        kind, slug = self.add_combo.currentData()
        ex = self._ctx.catalog().get(slug)
        if ex is None:
            return
        entry = ProgramEntry(
            slug if kind == "exercise" else None,
            slug if kind == "ladder" else None,
            ex.sets,
            ex.rep_range,
            warmup=ex.is_activation,
        )
        entries = (*self.model.entries, entry)
        name = entry_name(entry, self._ctx.catalog().get)
        self._set_entries(entries, _("Add {name}").format(name=name), len(entries) - 1)

    def remove_entry(self) -> None:
        row, entries = self.table.currentIndex().row(), self.model.entries
        if 0 <= row < len(entries):
            name = entry_name(entries[row], self._ctx.catalog().get)
            self._set_entries(
                entries[:row] + entries[row + 1 :], _("Remove {name}").format(name=name), row - 1
            )

    def move_entry(self, delta: int) -> None:
        row, entries = self.table.currentIndex().row(), self.model.entries
        moved = _moved(entries, row, delta)
        if moved is not None:
            name = entry_name(entries[row], self._ctx.catalog().get)
            self._set_entries(moved, _("Move {name}").format(name=name), row + delta)
