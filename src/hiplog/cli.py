"""The command line: argparse over the services. No Qt is imported on this path.

Exit status: 0 success, 2 bad usage or bad input (one line on stderr naming what and where),
1 anything else (details go to the log file, never a traceback on the terminal).

Reading the arguments imports nothing heavy (argparse, the version and the view names): the
domain, the services and SQLAlchemy are imported by the command that needs them, so
`hiplog --version` and `hiplog --help` answer at once (benchmarks/bench_cli_start.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from hiplog import __version__
from hiplog.domain.importers import FORMATS as IMPORT_FORMATS
from hiplog.views import VIEW_NAMES

if TYPE_CHECKING:
    from hiplog.domain.programs import Program
    from hiplog.domain.units import Unit
    from hiplog.services.context import AppContext

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


_NEGATIVE_SET = re.compile(r"^-\d[\d.,]*[xX×]")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line and exits 2."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        # argparse would read "-60x10" as an unknown option; say what is really wrong.
        for token in sys.argv[1:] if args is None else args:
            if _NEGATIVE_SET.match(token):
                self.error(f"load must be 0 or more, not '{token}'")
        return super().parse_args(args, namespace)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"hiplog: {message} (see hiplog --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hiplog",
        description="Training log and progression tracker for hip-extensor training. "
        "With no command, opens the desktop window.",
    )
    _add_global_options(parser, default=None)
    parser.add_argument("--view", choices=VIEW_NAMES, help="open the window at this view")
    parser.add_argument("--exercise", metavar="SLUG", help="open the window on this exercise")
    # The same global options after the command ('hiplog suggest --db me.db'); SUPPRESS keeps
    # a value given before the command when none is given after it.
    after = _Parser(add_help=False)
    _add_global_options(after, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_commands(sub, after)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file (default: $HIPLOG_DB, else the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"hiplog {__version__}")


def _add_commands(sub: argparse._SubParsersAction[_Parser], after: _Parser) -> None:
    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[after])

    p = add("exercises", "list the exercise catalog")
    p.add_argument("--json", action="store_true", help="every fact as JSON")

    p = add("log", "log sets of one exercise")
    p.add_argument("exercise", metavar="EXERCISE", help="slug or name, e.g. barbell-hip-thrust")
    p.add_argument("sets", metavar="SET", nargs="+", help="LOADxREPS (60x12) or xREPS (x15)")
    p.add_argument("--date", help="session start, YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: now)")
    p.add_argument("--unit", choices=("kg", "lb"), help="unit of the loads (default: setting)")
    p.add_argument(
        "--warmup", metavar="SET", nargs="+", default=[], help="warm-up sets, logged first"
    )
    p.add_argument("--rir", help="reps in reserve on the working sets, 0-10")
    p.add_argument("--note", default="", help="a note on these sets")

    p = add("import", "import a file (hiplog CSV/JSON, Strong, Hevy, FitNotes)")
    p.add_argument("file", type=Path)
    p.add_argument("--format", default="auto", choices=IMPORT_FORMATS)
    p.add_argument("--unit", choices=("kg", "lb"), help="unit for files that do not say")
    p.add_argument("--dry-run", action="store_true", help="read and report, change nothing")

    p = add("export", "export every set (csv) or a full backup (json)")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--format", choices=("csv", "json"), help="default: from the file name, else csv"
    )
    p.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never a database)"
    )

    p = add("suggest", "next-session suggestions")
    p.add_argument("--date", help="as of YYYY-MM-DD (12:00) or YYYY-MM-DDTHH:MM (default: now)")
    p.add_argument("--json", action="store_true")

    # its actions, not the command, take the global options after them
    p = sub.add_parser("program", help="programs: list, show one, follow one")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    a = actions.add_parser("list", help="your programs and the starters", parents=[after])
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("show", help="one program, day by day", parents=[after])
    a.add_argument("name", metavar="NAME")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser(
        "use", help="follow NAME from its first day (a starter is copied)", parents=[after]
    )
    which = a.add_mutually_exclusive_group(required=True)
    which.add_argument("name", metavar="NAME", nargs="?")
    which.add_argument("--none", action="store_true", help="stop following a program")

    p = add("stats", "per-session volume, top set and e1RM of one exercise")
    p.add_argument("exercise", metavar="EXERCISE")
    p.add_argument("--json", action="store_true")

    p = add("backup", "write a verified copy of the database")
    p.add_argument("file", nargs="?", type=Path, help="default: the backups folder")

    p = add("check", "list rows damaged outside hiplog (left out everywhere)")
    p.add_argument(
        "--drop",
        action="store_true",
        help="delete those rows (after a backup in the backups folder)",
    )

    p = add("restore", "replace the database with a backup (backs up first)")
    p.add_argument("file", type=Path)


def _unit(ctx: AppContext, given: str | None) -> Unit:
    from hiplog.domain.units import Unit

    return Unit(given) if given else ctx.settings().unit


def _cmd_exercises(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.catalog import exercise_to_dict
    from hiplog.services import exercises

    items = exercises.list_exercises(ctx)
    if args.json:
        json.dump([exercise_to_dict(e) for e in items], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    width = max(len(e.slug) for e in items)
    for e in sorted(items, key=lambda e: e.is_other):  # hip exercises first
        if e.is_other:
            out.write(f"{e.slug:<{width}}  {e.name}  (other training)\n")
            continue
        lo, hi = e.rep_range
        side = " per side" if e.unilateral else ""
        kind = "custom" if e.custom else e.load_kind.value
        out.write(f"{e.slug:<{width}}  {e.name}  ({kind}, {e.sets} x {lo}-{hi}{side})\n")
    return EXIT_OK


def _cmd_log(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.models import SetEntry
    from hiplog.domain.validation import parse_rir, parse_set_spec, parse_when_midnight_default
    from hiplog.domain.wording import date_time_text, load_reps_text, plural
    from hiplog.services import exercises, training_log

    exercise = exercises.find_exercise(ctx, args.exercise, "EXERCISE")
    unit = _unit(ctx, args.unit)
    when = parse_when_midnight_default(args.date, "--date") if args.date else None
    rir = parse_rir(args.rir, "--rir") if args.rir is not None else None
    entries: list[SetEntry] = []
    for label, specs, warm in (("--warmup", args.warmup, True), ("SET", args.sets, False)):
        for i, spec in enumerate(specs, start=1):
            load, reps = parse_set_spec(spec, unit, f"{label} {i} ('{spec}')")
            entries.append(
                SetEntry(
                    exercise=exercise.slug,
                    order=1,
                    reps=reps,
                    load_kg=load,
                    rir=None if warm else rir,
                    warmup=warm,
                    notes=args.note,
                )
            )
    session = training_log.log_sets(ctx, entries, when)
    working = [e for e in entries if not e.warmup]
    desc = ", ".join(load_reps_text(e.load_kg, e.reps, unit) for e in working)
    out.write(
        f"Logged {plural(len(working), 'set')} of {exercise.name} "
        f"({desc}) in the session of "
        f"{date_time_text(session.started_at)}.\n"
    )
    return EXIT_OK


def _cmd_import(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.units import Unit
    from hiplog.services import import_export

    unit = Unit(args.unit) if args.unit else None
    summary = import_export.import_file(ctx, args.file, args.format, unit, args.dry_run)
    for line in summary.lines():
        out.write(line + "\n")
    return EXIT_OK


def _cmd_export(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.wording import plural
    from hiplog.services import import_export, row_repair

    fmt = args.format or ("json" if args.file.suffix.lower() == ".json" else "csv")
    if fmt == "json":
        count = import_export.export_json(ctx, args.file, replace=args.force)
        out.write(f"Wrote a full backup with {plural(count, 'set')} to {args.file}.\n")
    else:
        count = import_export.export_csv(ctx, args.file, replace=args.force)
        out.write(f"Wrote {plural(count, 'set')} to {args.file}.\n")
    if row_repair.bad_rows(ctx):
        out.write("Left out these damaged rows (see `hiplog check`):\n")
        _report_bad_rows(ctx, out)
    return EXIT_OK


def _cmd_suggest(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.plan import parse_as_of_noon_default, plan_to_json
    from hiplog.domain.wording import date_time_text, plural, prescription_text
    from hiplog.services import plan as plan_service

    as_of = parse_as_of_noon_default(args.date) if args.date else None
    plan = plan_service.suggest(ctx, as_of)
    if args.json:
        json.dump(plan_to_json(plan), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    unit = ctx.settings().unit
    timing = plan.next_session
    earliest = date_time_text(timing.earliest) if timing.earliest else "any time"
    count = timing.sessions_last_7_days
    out.write(
        f"Next session: {earliest} ({timing.status}; {plural(count, 'session')} "
        f"in the last 7 days)\n"
    )
    if plan.program is not None:
        info = plan.program
        out.write(f"{info.day} of {info.program}; next: {info.next_day}\n")
    if not plan.suggestions:
        out.write("No exercise trained in the last 90 days: log a session to get suggestions.\n")
    for s in plan.suggestions:
        name = ctx.catalog()[s.exercise].name if s.exercise in ctx.catalog() else s.exercise
        tag = " (warm-up)" if s.warmup else ""
        out.write(f"- {name}{tag}: {prescription_text(s, unit)} [{s.rule}]\n  {s.reason}\n")
    for w in plan.warnings:
        out.write(f"! {w.message}\n")
    return EXIT_OK


def _cmd_program(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.programs import program_to_dict
    from hiplog.services import programs

    if args.action == "use":
        followed = programs.use_program(ctx, None if args.none else args.name)
        if followed is None:
            out.write("No program followed: the Plan suggests every recent exercise.\n")
        else:
            out.write(f"Following {followed.name}, from {followed.days[0].name}.\n")
        return EXIT_OK
    run = programs.active_run(ctx)
    active = None if run is None else run.program
    if args.action == "show":
        shown = programs.find_program(ctx, args.name)
        if args.json:
            _write_json(program_to_dict(shown), out)
        else:
            _write_program(ctx, shown, out)
        return EXIT_OK
    listed = programs.list_programs(ctx)
    if args.json:
        _write_json({"active": active, "programs": [program_to_dict(p) for p in listed]}, out)
        return EXIT_OK
    for p in listed:
        tag = " (starter)" if p.starter else " (following)" if p.name == active else ""
        days = ", ".join(d.name for d in p.days) or "no days"
        out.write(f"{p.name}{tag}: {days}\n")
    return EXIT_OK


def _write_json(data: object, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _write_program(ctx: AppContext, program: Program, out: TextIO) -> None:
    catalog = ctx.catalog()
    out.write(f"{program.name}{' (starter)' if program.starter else ''}\n")
    for day in program.days:
        out.write(f"{day.name}\n")
        for e in day.entries:
            name = catalog[e.slug].name if e.slug in catalog else e.slug
            what = f"{name} ladder" if e.ladder else name
            tag = " (warm-up)" if e.warmup else ""
            out.write(f"- {what}{tag}: {e.sets} x {e.rep_range[0]}-{e.rep_range[1]}\n")


def _cmd_stats(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.metrics import stats_to_json
    from hiplog.domain.wording import format_load, plural
    from hiplog.services import charts, exercises

    exercise = exercises.find_exercise(ctx, args.exercise, "EXERCISE")
    rows = charts.stats(ctx, exercise.slug)
    if args.json:
        json.dump(stats_to_json(exercise.slug, rows), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    unit = ctx.settings().unit
    out.write(f"{exercise.name}: {plural(len(rows), 'session')} (e1RM is an estimate)\n")
    out.write(f"{'date':<17} {'sets':>4} {'reps':>5} {'volume':>10} {'top':>10} {'e1RM':>10}\n")
    for r in rows:
        e1rm = format_load(r.e1rm_kg, unit) if r.e1rm_kg else "-"
        out.write(
            f"{r.date:%Y-%m-%d %H:%M} {r.sets:>4} {r.reps:>5} {format_load(r.volume_kg, unit):>10} "
            f"{format_load(r.top_load_kg, unit):>10} {e1rm:>10}\n"
        )
    return EXIT_OK


def _cmd_backup(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.services import backups

    path = backups.backup_now(ctx, args.file)
    out.write(f"Backed up to {path} (integrity checked).\n")
    return EXIT_OK


def _report_bad_rows(ctx: AppContext, out: TextIO, shown: int = 20) -> int:
    from hiplog.services import row_repair

    found = row_repair.bad_rows(ctx)
    for bad in found[:shown]:
        out.write(f"  {bad.describe()}\n")
    if len(found) > shown:
        out.write(f"  ... and {len(found) - shown} more\n")
    return len(found)


def _cmd_check(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.wording import plural
    from hiplog.services import row_repair

    if args.drop:
        dropped, saved = row_repair.drop_bad_rows(ctx)
        if saved is None:
            out.write("No damaged rows: nothing to drop.\n")
        else:
            out.write(
                f"Dropped {plural(dropped, 'damaged row')}; the database before is saved as "
                f"{saved}.\n"
            )
        return EXIT_OK
    if not row_repair.bad_rows(ctx):
        out.write("No damaged rows.\n")
        return EXIT_OK
    out.write("These rows hold values hiplog cannot read; they are left out everywhere:\n")
    _report_bad_rows(ctx, out)
    out.write("Fix them with a SQLite tool, or drop them with `hiplog check --drop`.\n")
    return EXIT_OK


COMMANDS = {
    "check": _cmd_check,
    "exercises": _cmd_exercises,
    "log": _cmd_log,
    "import": _cmd_import,
    "export": _cmd_export,
    "suggest": _cmd_suggest,
    "stats": _cmd_stats,
    "program": _cmd_program,
    "backup": _cmd_backup,
}


def run_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; returns the exit status. Expected errors become one line on stderr."""
    from hiplog.domain.errors import HiplogError
    from hiplog.services import backups
    from hiplog.services.context import AppContext
    from hiplog.services.locations import resolve_locations

    out = out or sys.stdout
    err = err or sys.stderr
    locations = resolve_locations(args.db)
    try:
        if args.command == "restore":
            saved = backups.restore_file(locations, args.file)
            out.write(f"Restored {args.file}; the previous database was saved as {saved}.\n")
            out.flush()
            return EXIT_OK
        ctx = AppContext.open(locations)
        try:
            status = COMMANDS[args.command](ctx, args, out)
        finally:
            ctx.close()
        out.flush()  # here, not at exit, so that a reader gone away is seen below
        return status
    except BrokenPipeError:
        return _reader_gone(out)
    except HiplogError as exc:  # bad input (InputError), an unusable database, ...
        err.write(f"hiplog: {exc}\n")
        return EXIT_USAGE
    except Exception as exc:
        from hiplog.services.error_log import log_exception

        where = log_exception(locations, exc)
        details = (
            f"details in {where}"
            if where is not None
            else f"no details: the log folder {locations.log_dir} cannot be written"
        )
        err.write(f"hiplog: unexpected error: {exc.__class__.__name__}: {exc} ({details})\n")
        return EXIT_ERROR


def _reader_gone(out: TextIO) -> int:
    """The reader of our output closed it early (`hiplog exercises | head -1`): whatever the
    command did is done, so this is success. Python's final flush of stdout would fail again
    and print a traceback, so stdout now goes nowhere."""
    if out is sys.stdout:
        try:
            fd = sys.stdout.fileno()
        except (OSError, ValueError):
            return EXIT_OK
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (a command is required here; __main__ opens the window without)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        sys.stderr.write("hiplog: give a command (see hiplog --help)\n")
        return EXIT_USAGE
    return run_command(args)
