"""`hiplog --version` and `hiplog --help`: process start to exit, through hiplog's real entry
point (`python -m hiplog`), each in a fresh process with a private home folder.

The floor is the same for a bare Python that builds an argparse parser with a version option
and answers `--version`: the least any Python command line does. The goal is absolute as well:
under 150 ms, which only holds if reading the arguments imports nothing heavy (no SQLAlchemy,
no services, no progression rules; see the top of cli.py).
"""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.harness import ROOT, CaseResult, child_env, median, scratch_dir

GOAL_MS = 150.0
FLOOR_CODE = (
    "import argparse; p = argparse.ArgumentParser(prog='bare');"
    " p.add_argument('--version', action='version', version='bare 0');"
    " p.parse_args(['--version'])"
)


def _time_process(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    return (time.perf_counter() - started) * 1000


def run(runs: int = 20) -> list[CaseResult]:
    kinds = {
        "floor": ["-c", FLOOR_CODE],
        "version": ["-m", "hiplog", "--version"],
        "help": ["-m", "hiplog", "--help"],
    }
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    with scratch_dir() as home:
        env = child_env(home)
        for n in range(runs + 1):
            for kind, args in kinds.items():  # alternate, so a slow moment falls on all
                elapsed = _time_process(args, env)
                if n:  # the first round warms the disk cache
                    samples[kind].append(elapsed)
    floor = median(samples["floor"])
    results = []
    for kind in ("version", "help"):
        figure = median(samples[kind])
        results.append(
            CaseResult(
                case=f"cli-{kind}",
                label=f"hiplog --{kind}, process start to exit",
                figure=figure,
                unit="ms",
                floor=floor,
                floor_label="bare python answering --version with argparse",
                goal=f"< {GOAL_MS:g} ms",
                goal_met=figure < GOAL_MS,
                runs=runs,
                samples=[round(s, 1) for s in samples[kind]],
                floor_samples=[round(s, 1) for s in samples["floor"]],
            )
        )
    return results


if __name__ == "__main__":
    import json

    print(json.dumps([r.to_json() for r in run()], indent=2))
