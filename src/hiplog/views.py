"""The window's views by name, in the order of its navigation (Ctrl+1 to Ctrl+5).

Declared here, outside the layers, because both the window and the command line's --view read
it, and the command line may not import the window (it imports no Qt)."""

from __future__ import annotations

VIEW_NAMES = ("log", "plan", "progress", "history", "exercises")
