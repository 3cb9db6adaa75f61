"""What the pseudo-translation test reads off a screen: every text a person sees, and whether a
widget shows its text whole.

Under the pseudo-locale en_XA every translated text is stretched by 40% and wrapped in
"⟦...⟧" (hiplog.domain.pseudo_locale). A word outside the markers is either data (an exercise
name, a number, a date, a path) or text nobody wrapped for translation; `unmarked_words` strips
the data it is told about and returns the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyqtgraph as pg
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from hiplog.domain.pseudo_locale import CLOSE, OPEN

#: Words that are the same in every language hiplog speaks: units, abbreviations, names of
#: programs and file formats, keys, the languages' own names.
SAME_EVERYWHERE = frozenset(
    (
        *("kg", "lb", "mb", "kb", "hiplog", "rir", "e1rm", "1rm", "csv", "json", "png", "svg"),
        *("db", "txt", "ctrl", "shift", "alt", "del", "ins", "esc", "tab"),
        *("strong", "hevy", "fitnotes", "english", "deutsch", "español", "français"),
    )
)
#: Month and weekday names: dates follow the locale (en_US under en_XA), and Qt's calendar names
#: its months itself.
_DATE = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?"
)
_PATH = re.compile(r"\S*[/\\]\S*")
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[^\W\d_]{3,}")
ROWS_READ = 12  # rows of a table or list whose text is read (the rest are more of the same)


def plain(text: str) -> str:
    """`text` without markup (rich text as a QLabel shows it) and without '&' accelerators."""
    if re.search(r"</?[a-zA-Z][^<>]*>", text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def unmarked_words(text: str, data: Iterable[str]) -> list[str]:
    """The words of `text` outside the pseudo-translation's markers that are not `data` (longest
    first), a date, a number or a word that is the same in every language."""
    previous = None
    while previous != text:  # innermost markers first: a marked text may hold a marked one
        previous, text = text, _MARKED.sub(" ", text)
    for item in data:
        text = text.replace(item, " ")
    text = _DATE.sub(" ", _PATH.sub(" ", text))
    return [w for w in _WORD.findall(text) if w.lower() not in SAME_EVERYWHERE]


def shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.window().isVisible()


def texts(top: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, what, text) for every text `top` shows: labels, buttons, group titles, tabs,
    placeholders, combo items, read-only text, table headers and their first rows, tooltips,
    chart titles, axis labels and legends, the window title and (for a main window) its menus."""
    yield top, "window title", top.windowTitle()
    if isinstance(top, QMainWindow):
        yield from _menu_texts(top)
    for widget in [top, *top.findChildren(QWidget)]:
        if not shown(widget, top):
            continue
        yield from _widget_texts(widget)
        for what, text in (
            ("tooltip", widget.toolTip()),
            ("accessible name", widget.accessibleName()),
            ("accessible description", widget.accessibleDescription()),
        ):
            if text:
                yield widget, what, text


def _widget_texts(widget: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    if isinstance(widget, QLabel):
        yield widget, "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        if not qt_own_button(widget):
            yield widget, "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget, "group title", widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget, "tab", widget.tabText(i)
            yield widget, "tab tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QLineEdit) and not widget.text():
        yield widget, "placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget, "combo item", widget.itemText(i)
        if widget.isEditable() and widget.lineEdit() is not None and not widget.currentText():
            yield widget, "placeholder", widget.lineEdit().placeholderText()
    elif isinstance(widget, QTextEdit) and widget.isReadOnly():
        yield widget, "text", widget.toHtml() if widget.toPlainText() else ""
        yield widget, "placeholder", widget.placeholderText()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget)
    elif isinstance(widget, pg.GraphicsView):
        yield from _chart_texts(widget)


def qt_own_button(button: QAbstractButton) -> bool:
    """A standard button of a button box or message box (Save, Cancel, Close, Show Details...):
    Qt names those itself, from its own qtbase translations."""
    owners = []
    owner = button.parent()
    while owner is not None:
        owners.append(owner)
        owner = owner.parent()
    for box in owners:  # a message box holds a button box: ask the message box first
        if isinstance(box, QMessageBox):  # its Show Details... is its one action button
            own = box.standardButton(button) != QMessageBox.StandardButton.NoButton
            return own or box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole
    for box in owners:
        if isinstance(box, QDialogButtonBox):
            return box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    return False


def _model_texts(view: QAbstractItemView) -> Iterator[tuple[QWidget, str, str]]:
    model = view.model()
    root = QModelIndex()
    flat = isinstance(model, QAbstractListModel)  # a list widget's model hides columnCount
    columns = 1 if flat else model.columnCount(root)
    for column in range(columns):
        for role, what in (
            (Qt.ItemDataRole.DisplayRole, "header"),
            (Qt.ItemDataRole.ToolTipRole, "header tooltip"),
        ):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield view, what, value
    for row in range(min(model.rowCount(root), ROWS_READ)):
        for column in range(columns):
            yield from _cell_texts(view, model.index(row, column))
            if flat:
                continue
            parent = model.index(row, 0)
            for child in range(min(model.rowCount(parent), ROWS_READ)):
                yield from _cell_texts(view, model.index(child, column, parent))


def _cell_texts(view: QAbstractItemView, index: QModelIndex) -> Iterator[tuple[QWidget, str, str]]:
    for role, what in (
        (Qt.ItemDataRole.DisplayRole, "cell"),
        (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
    ):
        value = index.data(role)
        if isinstance(value, str):
            yield view, what, value


def _chart_texts(view: pg.GraphicsView) -> Iterator[tuple[QWidget, str, str]]:
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.LabelItem):
            yield view, "chart text", item.text
        elif isinstance(item, pg.AxisItem) and item.label.isVisible():
            yield view, "axis label", item.labelText
        elif isinstance(item, pg.TextItem):
            yield view, "chart mark", item.textItem.toPlainText()
        if item.toolTip():
            yield view, "chart tooltip", item.toolTip()


def _menu_texts(window: QMainWindow) -> Iterator[tuple[QWidget, str, str]]:
    for action in window.menuBar().actions():
        yield window, "menu", action.text()
        menu = action.menu()
        if isinstance(menu, QMenu):
            for item in menu.actions():
                if not item.isSeparator():
                    yield window, "menu item", item.text()
                    yield window, "status tip", item.statusTip()


def cut_off(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    """The widgets of `top` that show their text cut: a label or button smaller than it needs,
    a wrapped label shorter than its lines, a tab narrower than its title, a placeholder wider
    than its field, a list that needs a sideways scroll bar for its items."""
    for widget in top.findChildren(QWidget):
        if not shown(widget, top):
            continue
        yield from _cut_field_or_list(widget)
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    yield widget, f"{widget.height()} px high, needs {need}"
                continue
        elif not (isinstance(widget, QAbstractButton | QGroupBox) and _has_text(widget)):
            if isinstance(widget, QTabBar):
                yield from _cut_tabs(widget)
            continue
        need_size = widget.minimumSizeHint()
        if widget.width() + 1 < need_size.width() or widget.height() + 1 < need_size.height():
            yield widget, f"{widget.width()}x{widget.height()}, needs {need_size.toTuple()}"


def _cut_field_or_list(widget: QWidget) -> Iterator[tuple[QWidget, str]]:
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        room = widget.width() - 12  # the frame and the text margins
        need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
        if need > room:
            yield widget, f"placeholder needs {need} px, has {room}"
    elif isinstance(widget, QListView) and not isinstance(widget, QTableView | QTreeView):
        bar = widget.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0:
            yield widget, "its items need a sideways scroll bar"


def _has_text(widget: QWidget) -> bool:
    if isinstance(widget, QGroupBox):
        return bool(widget.title())
    return isinstance(widget, QAbstractButton) and bool(widget.text())


def _cut_tabs(bar: QTabBar) -> Iterator[tuple[QWidget, str]]:
    for i in range(bar.count()):
        width, need = bar.tabRect(i).width(), bar.tabSizeHint(i).width()
        if width + 1 < need:
            yield bar, f"tab {bar.tabText(i)!r} {width} px wide, needs {need}"
