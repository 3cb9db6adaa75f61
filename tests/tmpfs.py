"""A small tmpfs mounted for one test (full disks, read-only media), unmounted afterwards.

Mounting needs root, which CI has: there a failure to mount fails the test, so the cases it
guards always run in CI; elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def mount_tmpfs(mount: Path, options: str) -> subprocess.CompletedProcess[str]:
    """Mount a tmpfs at `mount` with `options` (e.g. 'size=2m', 'remount,ro')."""
    return subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)], capture_output=True, text=True
    )


@contextmanager
def tmpfs(mount: Path, options: str, needed_for: str) -> Iterator[Path]:
    """`mount` (made here) on a tmpfs of its own for the duration; `needed_for` names the
    cases it serves in the message when it cannot be mounted."""
    mount.mkdir()
    done = mount_tmpfs(mount, options)
    if done.returncode != 0:
        reason = f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI runs as root and must run {needed_for})")
        pytest.skip(reason)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
