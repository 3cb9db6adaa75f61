"""Item data roles shared by the models and views of several features, each declared once.

Roles that one model keeps to itself (a history row's sort value, a backup's path) stay on that
model; the ones here cross a module boundary.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

SLUG_ROLE = _USER + 1  # an exercise's slug (lists of exercises in the Log, Progress, Exercises)
KEY_ROLE = _USER + 2  # a sets-table row's key, stable across undo and redo
SAVED_ROLE = _USER + 3  # whether a sets-table row is saved
TARGET_ROLE = _USER + 4  # the plan's target for a sets-table cell, as text
SET_ID_ROLE = _USER + 5  # the database id of a saved set
