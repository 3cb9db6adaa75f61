"""Help > Keyboard shortcuts: every menu shortcut (read from the menus themselves, so the list
cannot drift from them) and the keys of the Log's sets table."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiplog.ui.common.translation import N_, _

# Keys that belong to a widget rather than to a menu (translated where shown).
LOG_KEYS = (
    (
        N_("Enter"),
        N_("Log: pick the exercise typed; if the name fits several, open the list of them"),
    ),
    (
        N_("Tab / Shift+Tab"),
        N_("Log: next / previous cell; out of the table at its last / first cell"),
    ),
    (N_("Enter (in a cell)"), N_("Log: save the set once its reps are in, and go on to the next")),
    (N_("Escape"), N_("Log: cancel the cell being typed; out of a cell, back to the exercise box")),
    (
        N_("Delete"),
        N_("Log and History: delete the selected set, or take out the selected exercise"),
    ),
)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu item that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    # The undo and redo actions read 'Undo add a set of ...' (the last action): keep the verb.
    verbs = tuple(_(verb).replace("&", "") + " " for verb in ("&Undo", "&Redo"))
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        menu_name = menu_action.text().replace("&", "")
        for action in menu.actions():
            if isinstance(action, QAction) and not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                text = action.text().replace("&", "")
                for verb in verbs:
                    if text.startswith(verb):
                        text = verb.strip()
                rows.append((keys, f"{menu_name} > {text}"))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = menu_shortcuts(bar) + [(_(keys), _(what)) for keys, what in LOG_KEYS]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([_("Keys"), _("What they do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (keys, what) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(keys))
            self.table.setItem(i, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for i in range(self.table.rowCount()):
            keys, what = self.table.item(i, 0), self.table.item(i, 1)
            if keys is not None and what is not None:
                rows.append((keys.text(), what.text()))
        return rows
