"""What every benchmark case shares: statistics, a result record, fresh child processes.

A case reports its figure beside a floor measured in the same run (the least any program could
do for the same job on this machine), so the ratio between them holds on a noisy machine even
when both figures move.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct` percentile by nearest rank (p99 of 200 runs is the second worst)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return float(ordered[rank - 1])


def time_ms(action: Callable[[], object]) -> float:
    """How long one call of `action` takes, in milliseconds."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def time_runs(action: Callable[[int], object], runs: int, warmup: int) -> list[float]:
    """Milliseconds of each call `action(n)` for n from 0 to warmup + runs - 1, the first
    `warmup` calls (caches and the disk warming up) left out."""
    samples = [time_ms(partial(action, n)) for n in range(warmup + runs)]
    return samples[warmup:]


@dataclass
class CaseResult:
    """One line of the table: a figure, its floor and the goal it is held to."""

    case: str
    label: str
    figure: float
    unit: str
    floor: float | None
    floor_label: str
    goal: str
    goal_met: bool
    runs: int
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.figure / self.floor

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def machine() -> dict[str, Any]:
    """Enough about the machine to read the figures against."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb: float | None = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory_gb = round(pages / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    versions: dict[str, str] = {}
    for module in ("PySide6", "pyqtgraph", "sqlalchemy"):
        try:
            versions[module] = __import__(module).__version__
        except ImportError:
            versions[module] = "missing"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": __import__("sqlite3").sqlite_version,
        **versions,
    }


def write_result(result: CaseResult, when: datetime | None = None) -> Path:
    """benchmarks/results/<date>-<case>.json"""
    stamp = when or datetime.now(UTC)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{stamp:%Y-%m-%d}-{result.case}.json"
    payload = {"date": stamp.isoformat(timespec="seconds"), "machine": machine()}
    payload.update(result.to_json())
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path


def child_env(home: Path) -> dict[str, str]:
    """Environment for a child: headless Qt and a private home, so no real user data is read
    or written and every run starts from the same state."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=os.pathsep.join(
            p for p in (str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")) if p
        ),
    )
    env.pop("HIPLOG_DB", None)
    # An installed hiplog has its bytecode compiled; without this a shell that sets
    # PYTHONDONTWRITEBYTECODE would make every start compile hiplog's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_sources() -> None:
    """Write hiplog's bytecode (__pycache__, git-ignored) as installing the wheel would."""
    import compileall

    compileall.compile_dir(ROOT / "src" / "hiplog", quiet=1)


def run_child(module: str, args: Sequence[str], home: Path, timeout: float = 300) -> dict[str, Any]:
    """Run `python -m module args` in a fresh process; it prints one JSON object as its last
    line. Adds `spawned_at` (time.monotonic() just before the process was created; the clock is
    shared by every process on Linux)."""
    spawned = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=child_env(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"{module} {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
        )
    data: dict[str, Any] = json.loads(lines[-1])
    data["spawned_at"] = spawned
    return data


@contextmanager
def scratch_dir(prefix: str = "hiplog-bench-") -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def copy_database(source: Path, target: Path) -> Path:
    """A private copy of a cached database, so a case that writes leaves the cache as it was."""
    shutil.copyfile(source, target)
    return target
