"""Several hiplog clients at once, as separate processes: each runs a script, says "ready",
and all start together on one line of stdin, so their writes race."""

from __future__ import annotations

import subprocess
import sys


def run_together(script: str, argv: dict[str, list[str]], timeout: float = 300) -> None:
    """Run `script` once per client (named by argv's keys, with its argv), start them at the
    same moment, and wait for all; fails the test with a client's stderr if one fails."""
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in argv.values()
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        _, err = writer.communicate(timeout=timeout)
        assert writer.returncode == 0, err
