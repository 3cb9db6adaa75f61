"""Readers for other apps' exports (Strong, Hevy, FitNotes CSV and backup)."""

# The import formats by name ('auto' reads the file to tell); the command line's choices.
FORMATS = ("auto", "hiplog", "hiplog-json", "strong", "hevy", "fitnotes", "fitnotes-backup")
