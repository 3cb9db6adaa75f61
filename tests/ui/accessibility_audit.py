"""What a screen reader and a keyboard user meet on one screen: the checks of the accessibility
test, as functions that return a list of findings (empty when the screen is fine).

- `unnamed`: interactive widgets (and anything else Tab stops at) that a screen reader would
  announce with no name: neither text of their own, nor an accessible name, nor a label that is
  their buddy. Charts need a name and a description (what they show, in numbers).
- `labels_without_buddy`: a label in front of a field that does not name it (QLabel.setBuddy),
  so the screen reader does not read it with the field and its mnemonic cannot reach it.
- `tab_order_breaks`: Tab moving backwards against reading order (up, or left within a row).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGraphicsView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QGraphicsView,  # the charts
    QCalendarWidget,
    QTabBar,
    QPlainTextEdit,
    QTextEdit,
)
FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
#: Qt's own parts of a compound widget: the combo's popup list, the spin box's edit, the
#: calendar's navigation bar (Qt names those itself).
_INNER_OF = (QComboBox, QAbstractSpinBox, QCalendarWidget, QAbstractItemView)
FIELD_NAME_LENGTH = 40  # characters: a longer label before a field is a sentence, not its name
SLACK = 4  # pixels: widgets in one row may sit a little higher or lower than each other


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    parent = widget.parentWidget()
    where = f" in {type(parent).__name__}" if parent is not None else ""
    return f"{name}{where} at {widget_rect(widget).topLeft().toTuple()}"


def shown_widgets(top: QWidget) -> Iterator[QWidget]:
    """The widgets of `top` a person can see, Qt's inner parts of compound widgets left out."""
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.window() is not top.window():
            continue
        if any(isinstance(a, _INNER_OF) for a in _ancestors(widget, top)):
            continue
        yield widget


def _ancestors(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def _buddied(top: QWidget) -> set[int]:
    """ids of the widgets some shown label is the buddy of."""
    out = set()
    for label in top.window().findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.isVisibleTo(top.window()) and label.text().strip():
            out.add(id(buddy))
    return out


def _own_text(widget: QWidget) -> str:
    """The text a widget shows itself: a button's, the tabs' of a tab bar."""
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QTabBar):
        return " ".join(widget.tabText(i) for i in range(widget.count())).strip()
    return ""


def unnamed(top: QWidget) -> list[str]:
    buddied = _buddied(top)
    found = []
    tab_stops = {id(w) for w in focus_chain(top)}
    for widget in shown_widgets(top):
        if not isinstance(widget, INTERACTIVE) and id(widget) not in tab_stops:
            continue
        named = bool(widget.accessibleName().strip()) or bool(_own_text(widget))
        if not named and id(widget) not in buddied:
            found.append(f"no name: {describe(widget)}")
        if isinstance(widget, QGraphicsView) and not widget.accessibleDescription().strip():
            found.append(f"chart without a description: {describe(widget)}")
    return found


# --- buddies -------------------------------------------------------------------------------


def _field_in(item_widget: QWidget | None, layout: QLayout | None) -> QWidget | None:
    if item_widget is not None:
        return item_widget if isinstance(item_widget, FIELDS) else None
    if layout is not None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            found = _field_in(item.widget(), item.layout())
            if found is not None:
                return found
    return None


def labels_without_buddy(top: QWidget) -> list[str]:
    """Form rows whose label does not name the row's field, and "Name:" labels right before a
    field in a box layout that do not either."""
    found = []
    for layout in top.findChildren(QLayout):
        parent = layout.parentWidget()
        if parent is None or not parent.isVisibleTo(top.window()):
            continue
        for label, field in _label_field_pairs(layout):
            shown = label.isVisibleTo(top.window()) and field.isVisibleTo(top.window())
            if shown and label.buddy() is None:
                found.append(f"label {label.text()!r} is no buddy of {describe(field)}")
    return found


def _label_field_pairs(layout: QLayout) -> Iterator[tuple[QLabel, QWidget]]:
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label_item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label = label_item.widget()
            field = _field_in(field_item.widget(), field_item.layout())
            if isinstance(label, QLabel) and field is not None:
                yield label, field
        return
    items = [layout.itemAt(i) for i in range(layout.count())]
    for before, after in pairwise(items):
        label = before.widget()
        if isinstance(label, QLabel) and _reads_as_a_field_name(label):
            field = _field_in(after.widget(), after.layout())
            if field is not None:
                yield label, field


def _reads_as_a_field_name(label: QLabel) -> bool:
    """A short one-line label: what sits right before a field is then its name."""
    text = label.text().strip()
    return bool(text) and not label.wordWrap() and len(text) <= FIELD_NAME_LENGTH


# --- tab order -----------------------------------------------------------------------------


def widget_rect(widget: QWidget) -> QRect:
    top = widget.window()
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def focus_chain(top: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `top`, in order, from the first one after `top` itself."""
    chain: list[QWidget] = []
    widget = top.nextInFocusChain()
    seen = set()
    while widget is not None and widget is not top and id(widget) not in seen:
        seen.add(id(widget))
        if _takes_tab(widget, top):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _takes_tab(widget: QWidget, top: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisibleTo(top.window())
        and widget.isEnabled()
        and (widget is top or top.isAncestorOf(widget))
        and widget.focusProxy() is None
    )


def goes_back(a: QRect, b: QRect) -> bool:
    """Whether Tab from `a` to `b` goes against reading order: to a widget wholly above that is
    not in a column to the right, or to one on the same row that is to the left."""
    above = b.bottom() <= a.top() + SLACK
    column_to_the_right = b.left() >= a.right() - SLACK
    same_row = not above and b.top() < a.bottom() - SLACK
    to_the_left = b.right() <= a.left() + SLACK
    return (above and not column_to_the_right) or (same_row and to_the_left)


def tab_order_breaks(top: QWidget) -> list[str]:
    chain = focus_chain(top)
    found = []
    for a, b in pairwise(chain):
        if goes_back(widget_rect(a), widget_rect(b)):
            found.append(f"Tab goes back from {describe(a)} to {describe(b)}")
    return found
