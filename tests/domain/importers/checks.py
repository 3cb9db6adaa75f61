"""Assertions every reader's tests make: a refusal says where, and no input crashes a reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hiplog.domain.errors import InputError
from hiplog.domain.models import ImportedData


def assert_refused(read: Callable[[], object], where: str, message: str) -> None:
    """`read()` raises an InputError whose message matches `message`, located at `where`."""
    with pytest.raises(InputError, match=message) as err:
        read()
    assert err.value.where == where


def assert_data_or_refusal(read: Callable[[], object]) -> None:
    """`read()` returns ImportedData or raises InputError; any other exception fails the test."""
    try:
        data = read()
    except InputError:
        return
    assert isinstance(data, ImportedData)
