"""Use cases, each in one transaction: log, edit, suggest, import, export, stats. No Qt."""
