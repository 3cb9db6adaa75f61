"""The benchmark histories, generated once and cached under benchmarks/data/ (git-ignored).

    python -m benchmarks.datasets            # generate whatever is missing

Each size is a hiplog database and the same history as a Strong CSV. A file is written under a
temporary name and renamed when complete, so an interrupted run never leaves a half-written
history behind to be measured.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 7

#: name -> target number of sets. 1 year of 2-3 sessions a week is about 3,000 sets.
SIZES: dict[str, int] = {
    "1y": 3_000,
    "10y": 30_000,
    "100k": 100_000,
    "1m": 1_000_000,
}


@dataclass(frozen=True)
class Dataset:
    name: str
    sets: int
    db: Path
    strong_csv: Path


def paths(name: str) -> Dataset:
    return Dataset(
        name, SIZES[name], DATA_DIR / f"history-{name}.db", DATA_DIR / f"history-{name}-strong.csv"
    )


def ensure(name: str, verbose: bool = True) -> Dataset:
    """The cached dataset `name`, generating the files that are missing."""
    from benchmarks.generate_history import generate_sessions, write_database, write_strong_csv

    found = paths(name)
    if found.db.exists() and found.strong_csv.exists():
        return found
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if verbose:
        print(f"generating the {name} history ({found.sets:,} sets) once ...", flush=True)
    sessions = generate_sessions(found.sets, SEED)
    if not found.strong_csv.exists():
        partial = found.strong_csv.with_suffix(".partial")
        write_strong_csv(partial, sessions)
        partial.replace(found.strong_csv)
    if not found.db.exists():
        partial = found.db.with_suffix(".partial")
        for leftover in DATA_DIR.glob(partial.name + "*"):
            leftover.unlink()
        write_database(partial, sessions)
        partial.replace(found.db)
    if verbose:
        print(f"  done in {time.perf_counter() - started:.1f} s: {found.db.name}", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"some of {', '.join(SIZES)}")
    names = parser.parse_args().names or list(SIZES)
    unknown = sorted(set(names) - set(SIZES))
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    for name in names:
        ensure(name)


if __name__ == "__main__":
    main()
