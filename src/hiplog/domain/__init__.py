"""Pure training logic: dataclasses, units, metrics, progression rules, file parsers.

Nothing here imports Qt or SQLAlchemy (enforced by import-linter).
"""
