"""Readers for other apps' exports (Strong, Hevy, FitNotes CSV and backup)."""
