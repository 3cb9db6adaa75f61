"""Shared fixtures for the readers of other apps' exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hiplog.domain.catalog import Catalog
from hiplog.domain.models import ImportedData
from hiplog.resources import resource_path

FORMATS = Path(__file__).parents[3].parent / "shared" / "formats"

Totals = tuple[int, int, int, int, int, float, int]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    with resource_path("catalog.json").open(encoding="utf-8") as f:
        return Catalog.from_json_list(json.load(f))


def totals(data: ImportedData) -> Totals:
    """(sets, rest rows, note rows, sessions, total reps, total reps x kg to 0.1, flagged)."""
    sets = [s for session in data.sessions for s in session.sets]
    return (
        len(sets),
        data.rest_rows,
        data.note_rows,
        len(data.sessions),
        sum(s.reps for s in sets),
        round(sum(s.reps * (s.load_kg or 0.0) for s in sets), 1),
        sum(s.flagged for s in sets),
    )


@pytest.fixture(scope="session")
def summarise() -> Callable[[ImportedData], Totals]:
    return totals


def _format_file(folder: str, name: str) -> Path:
    path = FORMATS / folder / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def format_file() -> Callable[[str, str], Path]:
    """A real export from /work/shared/formats by folder and name; skips when it is missing."""
    return _format_file
