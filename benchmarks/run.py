"""`make bench`: every benchmark case, each beside its floor, as a table and as JSON.

    python -m benchmarks.run                 # all cases; results in benchmarks/results/
    python -m benchmarks.run --only suggest,save-set --quick

Each case module runs in a fresh process of its own (start-up and memory cases start further
processes), so one case's imports, caches and memory never colour another's, and a case that
crashes is reported as failed while the others still run. The histories are generated once
and cached under benchmarks/data/ (git-ignored). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import datasets
from benchmarks.harness import (
    RESULTS_DIR,
    ROOT,
    CaseResult,
    compile_sources,
    machine,
    write_result,
)

# name -> (module, runs, quick runs). The order is the order of the table.
CASES: dict[str, tuple[str, int, int]] = {
    "startup": ("benchmarks.bench_startup", 5, 5),
    "import": ("benchmarks.bench_import", 5, 5),
    "chart-switch": ("benchmarks.bench_chart_switch", 15, 5),
    "suggest": ("benchmarks.bench_suggest", 20, 5),
    "suggest-program": ("benchmarks.bench_suggest_program", 20, 5),
    "memory": ("benchmarks.bench_memory", 5, 5),
    "save-set": ("benchmarks.bench_save_set", 200, 100),
    "cli-start": ("benchmarks.bench_cli_start", 20, 10),
    "server": ("benchmarks.bench_server", 200, 100),
}


def run_case_here(module: str, runs: int) -> None:
    """Child side: run one case module, print its results as one JSON line."""
    case = __import__(module, fromlist=["run"])
    results: list[CaseResult] = case.run(runs)
    print(json.dumps([r.to_json() for r in results]), flush=True)


def run_case(name: str, runs: int) -> list[dict[str, Any]] | str:
    """Parent side: the case's results, or the reason it failed."""
    module = CASES[name][0]
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", module, "--runs", str(runs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return f"failed (exit {proc.returncode}): {tail}"
    data: list[dict[str, Any]] = json.loads(lines[-1])
    return data


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def _note(result: dict[str, Any]) -> str:
    """What the table's last column adds for some cases."""
    details = result.get("details") or {}
    case = result["case"]
    if case == "save-set":
        return (
            f"p50 {details['p50_ms']:.1f} ms (floor {details['floor_p50_ms']:.1f}); "
            f"floor p99 {details['floor_p99_ms']:.1f}"
        )
    if case == "startup-1m" and details.get("growth_vs_10y"):
        return f"{details['growth_vs_10y']:.2f}x the 10y start"
    if case.startswith("startup") and "first_start_of_day_ms" in details:
        return f"day's first start {details['first_start_of_day_ms']:.0f} ms"
    if case == "chart-switch" and "warm_median_ms" in details:
        return f"cached {details['warm_median_ms']:.1f} ms"
    if case == "suggest" and "first_call_ms" in details:
        return f"first call {details['first_call_ms']:.1f} ms"
    return ""


def table(rows: list[dict[str, Any]]) -> list[str]:
    header = ("case", "figure", "floor", "ratio", "goal", "", "note")
    lines = [header]
    for r in rows:
        if "failed" in r:
            lines.append((r["case"], "-", "-", "-", "-", "FAILED", r["failed"][:70]))
            continue
        ratio = f"{r['ratio']:.2f}x" if r.get("ratio") else "-"
        floor = _number(r["floor"], r["unit"]) if r.get("floor") is not None else "-"
        lines.append(
            (
                r["label"],
                _number(r["figure"], r["unit"]),
                floor,
                ratio,
                r["goal"],
                "met" if r["goal_met"] else "MISSED",
                _note(r),
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def markdown(rows: list[dict[str, Any]], when: datetime, info: dict[str, Any]) -> str:
    lines = [
        f"Run of {when:%Y-%m-%d %H:%M} UTC on {info['cpu']} ({info['cores']} cores, "
        f"{info['memory_gb']} GB), {info['system']}, Python {info['python']}, "
        f"SQLite {info['sqlite']}, PySide6 {info['PySide6']}, pyqtgraph {info['pyqtgraph']}.",
        "",
        "| case | figure | floor | ratio | goal | | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "failed" in r:
            lines.append(f"| {r['case']} | - | - | - | - | FAILED | {r['failed']} |")
            continue
        ratio = f"{r['ratio']:.2f}x" if r.get("ratio") else "-"
        floor = _number(r["floor"], r["unit"]) if r.get("floor") is not None else "-"
        lines.append(
            f"| {r['label']} | {_number(r['figure'], r['unit'])} | {floor} | {ratio} | "
            f"{r['goal']} | {'met' if r['goal_met'] else 'MISSED'} | {_note(r)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", help=f"comma-separated cases: {', '.join(CASES)}")
    parser.add_argument("--quick", action="store_true", help="fewer runs (still at least 5)")
    parser.add_argument("--runs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only; write no results")
    args = parser.parse_args()
    if args.child:
        run_case_here(args.child, args.runs)
        return 0

    names = list(CASES) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; choose from {', '.join(CASES)}")
    for size in datasets.SIZES:  # generate missing histories up front, outside any timing
        datasets.ensure(size)
    compile_sources()

    when = datetime.now(UTC)
    info = machine()
    print(f"hiplog benchmarks, {when:%Y-%m-%d %H:%M} UTC, {info['cpu']}, {info['cores']} cores")
    rows: list[dict[str, Any]] = []
    for name in names:
        _module, runs, quick = CASES[name]
        started = time.perf_counter()
        print(f"  {name} ...", end="", flush=True)
        outcome = run_case(name, quick if args.quick else runs)
        print(f" {time.perf_counter() - started:.0f} s", flush=True)
        if isinstance(outcome, str):
            rows.append({"case": name, "failed": outcome})
            continue
        for data in outcome:
            rows.append(data)
            if not args.no_write:
                result = CaseResult(**{k: v for k, v in data.items() if k != "ratio"})
                write_result(result, when)
    print()
    print("\n".join(table(rows)))
    if not args.no_write:
        summary = RESULTS_DIR / f"{when:%Y-%m-%d}-summary.md"
        summary.write_text(markdown(rows, when, info), encoding="utf-8")
        print(f"\nresults: {Path(RESULTS_DIR).relative_to(ROOT)}/ ({summary.name})")
    # A missed goal is a finding, shown in the table; only a case that could not run fails.
    return 1 if any("failed" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
