"""The command line: argparse over the services. No Qt is imported on this path.

Exit status: 0 success, 2 bad usage or bad input (one line on stderr naming what and where),
1 anything else (details go to the log file, never a traceback on the terminal).

Reading the arguments imports nothing heavy (argparse, the version and the view names): the
domain, the services and SQLAlchemy are imported by the command that needs them, so
`hiplog --version` and `hiplog --help` answer at once (benchmarks/bench_cli_start.py).

Every message is in the person's language (domain/translation.py): the system's, until a
command has opened the database and read the language setting. The help follows the system's.
Over 400 lines: the parser and the commands' wording read best together, one command a function.
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
from hiplog.domain.translation import N_, _, follow_setting, ngettext
from hiplog.views import VIEW_NAMES

if TYPE_CHECKING:
    from hiplog.domain.programs import Program
    from hiplog.domain.units import Unit
    from hiplog.services.context import AppContext

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

#: How `hiplog exercises` names a load kind and `hiplog suggest` a timing status (translated
#: where written; the JSON keeps the codes).
LOAD_KIND_WORDS = {
    "external": N_("external"),
    "bodyweight": N_("bodyweight"),
    "activation": N_("activation"),
}
TIMING_STATUS_WORDS = {
    "recover": N_("recover"),
    "ahead": N_("ahead"),
    "behind": N_("behind"),
    "ok": N_("ok"),
}


_NEGATIVE_SET = re.compile(r"^-\d[\d.,]*[xX×]")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line and exits 2."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        # argparse would read "-60x10" as an unknown option; say what is really wrong.
        for token in sys.argv[1:] if args is None else args:
            if _NEGATIVE_SET.match(token):
                self.error(_("load must be 0 or more, not '{text}'").format(text=token))
        return super().parse_args(args, namespace)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(
            EXIT_USAGE, _("hiplog: {message} (see hiplog --help)").format(message=message) + "\n"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hiplog",
        description=_(
            "Training log and progression tracker for hip-extensor training. "
            "With no command, opens the desktop window."
        ),
    )
    _add_global_options(parser, default=None)
    parser.add_argument("--view", choices=VIEW_NAMES, help=_("open the window at this view"))
    parser.add_argument("--exercise", metavar="SLUG", help=_("open the window on this exercise"))
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
        help=_("database file (default: $HIPLOG_DB, else the user data folder)"),
    )
    parser.add_argument(
        "--db-url",
        metavar="URL",
        default=default,
        help=_(
            "a PostgreSQL database, postgresql+psycopg://user@host/dbname (default: "
            "$HIPLOG_DATABASE_URL); the password comes from ~/.pgpass, PGPASSWORD or a service file"
        ),
    )
    parser.add_argument(
        "--athlete",
        metavar="NAME",
        default=default,
        help=_("whose training (needed when the database holds more than one athlete)"),
    )
    parser.add_argument("--version", action="version", version=f"hiplog {__version__}")


def _add_commands(sub: argparse._SubParsersAction[_Parser], after: _Parser) -> None:
    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[after])

    p = add("exercises", _("list the exercise catalog"))
    p.add_argument("--json", action="store_true", help=_("every fact as JSON"))

    p = add("log", _("log sets of one exercise"))
    p.add_argument("exercise", metavar="EXERCISE", help=_("slug or name, e.g. barbell-hip-thrust"))
    p.add_argument("sets", metavar="SET", nargs="+", help=_("LOADxREPS (60x12) or xREPS (x15)"))
    p.add_argument("--date", help=_("session start, YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: now)"))
    p.add_argument("--unit", choices=("kg", "lb"), help=_("unit of the loads (default: setting)"))
    p.add_argument(
        "--warmup", metavar="SET", nargs="+", default=[], help=_("warm-up sets, logged first")
    )
    p.add_argument("--rir", help=_("reps in reserve on the working sets, 0-10"))
    p.add_argument("--note", default="", help=_("a note on these sets"))

    p = add("import", _("import a file (hiplog CSV/JSON, Strong, Hevy, FitNotes)"))
    p.add_argument("file", type=Path)
    p.add_argument("--format", default="auto", choices=IMPORT_FORMATS)
    p.add_argument("--unit", choices=("kg", "lb"), help=_("unit for files that do not say"))
    p.add_argument("--dry-run", action="store_true", help=_("read and report, change nothing"))

    p = add("export", _("export every set (csv) or a full backup (json)"))
    p.add_argument("file", type=Path)
    p.add_argument(
        "--format", choices=("csv", "json"), help=_("default: from the file name, else csv")
    )
    p.add_argument(
        "--force", action="store_true", help=_("replace FILE if it exists (never a database)")
    )
    p.add_argument(
        "--all-athletes",
        action="store_true",
        help=_("every athlete of the database (json only)"),
    )

    p = add("athletes", _("the athletes of the database; 'athletes add NAME' adds one"))
    p.add_argument("--json", action="store_true")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    a = actions.add_parser("add", help=_("add an athlete"), parents=[after])
    a.add_argument("name", metavar="NAME")
    a = actions.add_parser("rename", help=_("give an athlete another name"), parents=[after])
    a.add_argument("name", metavar="NAME")
    a.add_argument("new_name", metavar="NEW_NAME")

    p = add("suggest", _("next-session suggestions"))
    p.add_argument("--date", help=_("as of YYYY-MM-DD (12:00) or YYYY-MM-DDTHH:MM (default: now)"))
    p.add_argument("--json", action="store_true")

    # its actions, not the command, take the global options after them
    p = sub.add_parser("program", help=_("programs: list, show one, follow one"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    a = actions.add_parser("list", help=_("your programs and the starters"), parents=[after])
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("show", help=_("one program, day by day"), parents=[after])
    a.add_argument("name", metavar="NAME")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser(
        "use", help=_("follow NAME from its first day (a starter is copied)"), parents=[after]
    )
    which = a.add_mutually_exclusive_group(required=True)
    which.add_argument("name", metavar="NAME", nargs="?")
    which.add_argument("--none", action="store_true", help=_("stop following a program"))

    p = add("stats", _("per-session volume, top set and e1RM of one exercise"))
    p.add_argument("exercise", metavar="EXERCISE")
    p.add_argument("--json", action="store_true")

    p = add("backup", _("write a verified copy of the database"))
    p.add_argument("file", nargs="?", type=Path, help=_("default: the backups folder"))

    p = add("copy-to", _("copy the whole database into an empty PostgreSQL database or a new file"))
    p.add_argument(
        "destination",
        metavar="DEST",
        help=_("postgresql+psycopg://user@host/db or PATH"),
    )

    p = add("check", _("list rows damaged outside hiplog (left out everywhere)"))
    p.add_argument(
        "--drop",
        action="store_true",
        help=_("delete those rows (after a backup in the backups folder)"),
    )

    p = add("restore", _("replace the database with a backup (backs up first)"))
    p.add_argument("file", type=Path)


def _unit(ctx: AppContext, given: str | None) -> Unit:
    from hiplog.domain.units import Unit

    return Unit(given) if given else ctx.settings().unit


def _cmd_exercises(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.catalog import exercise_to_dict
    from hiplog.domain.translation import exercise_name
    from hiplog.services import exercises

    items = exercises.list_exercises(ctx)
    if args.json:
        json.dump([exercise_to_dict(e) for e in items], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    width = max(len(e.slug) for e in items)
    for e in sorted(items, key=lambda e: e.is_other):  # hip exercises first
        if e.is_other:
            out.write(f"{e.slug:<{width}}  {exercise_name(e.name)}  ({_('other training')})\n")
            continue
        lo, hi = e.rep_range
        kind = (
            _("custom")
            if e.custom
            else _(LOAD_KIND_WORDS.get(e.load_kind.value, e.load_kind.value))
        )
        plan = (
            _("{sets} x {lo}-{hi} per side") if e.unilateral else _("{sets} x {lo}-{hi}")
        ).format(sets=e.sets, lo=lo, hi=hi)
        out.write(f"{e.slug:<{width}}  {exercise_name(e.name)}  ({kind}, {plan})\n")
    return EXIT_OK


def _cmd_log(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.models import SetEntry
    from hiplog.domain.translation import exercise_name
    from hiplog.domain.validation import parse_rir, parse_set_spec, parse_when_midnight_default
    from hiplog.domain.wording import date_time_text, load_reps_text
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
    logged = ngettext(
        "Logged {count} set of {name} ({sets}) in the session of {when}.",
        "Logged {count} sets of {name} ({sets}) in the session of {when}.",
        len(working),
    )
    out.write(
        logged.format(
            count=len(working),
            name=exercise_name(exercise.name),
            sets=desc,
            when=date_time_text(session.started_at),
        )
        + "\n"
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
    from hiplog.domain.errors import InputError
    from hiplog.services import import_export, row_repair

    fmt = args.format or ("json" if args.file.suffix.lower() == ".json" else "csv")
    if fmt == "json":
        everyone = args.all_athletes
        count = import_export.export_json(ctx, args.file, replace=args.force, everyone=everyone)
        if everyone:
            wrote = ngettext(
                "Wrote a full backup of every athlete with {count} set to {file}.",
                "Wrote a full backup of every athlete with {count} sets to {file}.",
                count,
            )
        else:
            wrote = ngettext(
                "Wrote a full backup of {athlete} with {count} set to {file}.",
                "Wrote a full backup of {athlete} with {count} sets to {file}.",
                count,
            )
    elif args.all_athletes:
        raise InputError(
            _("the CSV holds one athlete's sets; export every athlete to a .json file")
        )
    else:
        count = import_export.export_csv(ctx, args.file, replace=args.force)
        wrote = ngettext("Wrote {count} set to {file}.", "Wrote {count} sets to {file}.", count)
    out.write(wrote.format(count=count, file=args.file, athlete=ctx.athlete) + "\n")
    if row_repair.bad_rows(ctx):
        out.write(_("Left out these damaged rows (see `hiplog check`):") + "\n")
        _report_bad_rows(ctx, out)
    return EXIT_OK


def _cmd_suggest(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.plan import parse_as_of_noon_default, plan_to_json
    from hiplog.domain.translation import exercise_name
    from hiplog.domain.wording import date_time_text, prescription_text
    from hiplog.services import plan as plan_service

    as_of = parse_as_of_noon_default(args.date) if args.date else None
    plan = plan_service.suggest(ctx, as_of)
    if args.json:
        json.dump(plan_to_json(plan), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    unit = ctx.settings().unit
    timing = plan.next_session
    earliest = date_time_text(timing.earliest) if timing.earliest else _("any time")
    count = timing.sessions_last_7_days
    line = ngettext(
        "Next session: {when} ({status}; {count} session in the last 7 days)",
        "Next session: {when} ({status}; {count} sessions in the last 7 days)",
        count,
    )
    status = _(TIMING_STATUS_WORDS.get(timing.status, timing.status))
    out.write(line.format(when=earliest, status=status, count=count) + "\n")
    if plan.program is not None:
        info = plan.program
        out.write(
            _("{day} of {program}; next: {next_day}").format(
                day=exercise_name(info.day),
                program=exercise_name(info.program),
                next_day=exercise_name(info.next_day),
            )
            + "\n"
        )
    if not plan.suggestions:
        out.write(
            _("No exercise trained in the last 90 days: log a session to get suggestions.") + "\n"
        )
    for s in plan.suggestions:
        name = ctx.catalog()[s.exercise].name if s.exercise in ctx.catalog() else s.exercise
        tag = _(" (warm-up)") if s.warmup else ""
        out.write(
            f"- {exercise_name(name)}{tag}: {prescription_text(s, unit)} [{s.rule}]\n  {s.reason}\n"
        )
    for w in plan.warnings:
        out.write(f"! {w.message}\n")
    return EXIT_OK


def _cmd_program(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.programs import program_to_dict
    from hiplog.domain.translation import exercise_name
    from hiplog.services import programs

    if args.action == "use":
        followed = programs.use_program(ctx, None if args.none else args.name)
        if followed is None:
            out.write(_("No program followed: the Plan suggests every recent exercise.") + "\n")
        else:
            out.write(
                _("Following {program}, from {day}.").format(
                    program=exercise_name(followed.name), day=exercise_name(followed.days[0].name)
                )
                + "\n"
            )
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
        tag = _(" (starter)") if p.starter else _(" (following)") if p.name == active else ""
        days = ", ".join(exercise_name(d.name) for d in p.days) or _("no days")
        out.write(f"{exercise_name(p.name)}{tag}: {days}\n")
    return EXIT_OK


def _write_json(data: object, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _write_program(ctx: AppContext, program: Program, out: TextIO) -> None:
    from hiplog.domain.translation import exercise_name

    catalog = ctx.catalog()
    out.write(f"{exercise_name(program.name)}{_(' (starter)') if program.starter else ''}\n")
    for day in program.days:
        out.write(f"{exercise_name(day.name)}\n")
        for e in day.entries:
            name = exercise_name(catalog[e.slug].name) if e.slug in catalog else e.slug
            what = _("{name} ladder").format(name=name) if e.ladder else name
            tag = _(" (warm-up)") if e.warmup else ""
            out.write(f"- {what}{tag}: {e.sets} x {e.rep_range[0]}-{e.rep_range[1]}\n")


def _cmd_stats(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.domain.metrics import stats_to_json
    from hiplog.domain.translation import exercise_name
    from hiplog.domain.wording import format_load
    from hiplog.services import charts, exercises

    exercise = exercises.find_exercise(ctx, args.exercise, "EXERCISE")
    rows = charts.stats(ctx, exercise.slug)
    if args.json:
        json.dump(stats_to_json(exercise.slug, rows), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    unit = ctx.settings().unit
    title = ngettext(
        "{name}: {count} session (e1RM is an estimate)",
        "{name}: {count} sessions (e1RM is an estimate)",
        len(rows),
    )
    out.write(title.format(name=exercise_name(exercise.name), count=len(rows)) + "\n")
    heads = (_("date"), _("sets"), _("reps"), _("volume"), _("top"), _("e1RM"))
    # Columns as wide as the English ones, or as their heading in the language.
    widths = [max(w, len(h)) for w, h in zip((16, 4, 5, 10, 10, 10), heads, strict=True)]
    table = [heads] + [
        (
            f"{r.date:%Y-%m-%d %H:%M}",
            str(r.sets),
            str(r.reps),
            format_load(r.volume_kg, unit),
            format_load(r.top_load_kg, unit),
            format_load(r.e1rm_kg, unit) if r.e1rm_kg else "-",
        )
        for r in rows
    ]
    for cells in table:
        first = f"{cells[0]:<{widths[0]}}"
        rest = " ".join(f"{c:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True))
        out.write(f"{first} {rest}\n")
    return EXIT_OK


def _cmd_backup(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.services import backups

    path = backups.backup_now(ctx, args.file)
    out.write(_("Backed up to {file} (integrity checked).").format(file=path) + "\n")
    return EXIT_OK


def _report_bad_rows(ctx: AppContext, out: TextIO, shown: int = 20) -> int:
    from hiplog.services import row_repair

    found = row_repair.bad_rows(ctx)
    for bad in found[:shown]:
        out.write(f"  {bad.describe()}\n")
    if len(found) > shown:
        out.write("  " + _("... and {count} more").format(count=len(found) - shown) + "\n")
    return len(found)


def _cmd_check(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.services import row_repair

    if args.drop:
        dropped, saved = row_repair.drop_bad_rows(ctx)
        if saved is None:
            out.write(_("No damaged rows: nothing to drop.") + "\n")
        else:
            text = ngettext(
                "Dropped {count} damaged row; the database before is saved as {file}.",
                "Dropped {count} damaged rows; the database before is saved as {file}.",
                dropped,
            )
            out.write(text.format(count=dropped, file=saved) + "\n")
        return EXIT_OK
    if not row_repair.bad_rows(ctx):
        out.write(_("No damaged rows.") + "\n")
        return EXIT_OK
    out.write(_("These rows hold values hiplog cannot read; they are left out everywhere:") + "\n")
    _report_bad_rows(ctx, out)
    out.write(_("Fix them with a SQLite tool, or drop them with `hiplog check --drop`.") + "\n")
    return EXIT_OK


def _cmd_copy_to(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.services.copy_to import copy_to
    from hiplog.services.error_log import mask

    copied = copy_to(ctx, args.destination)
    sets = copied.get("sets", 0)
    sessions = copied.get("sessions", 0)
    rows, tables = sum(copied.values()), len(copied)
    text = _(
        "Copied {sessions} and {sets} ({rows} in {tables}) to {destination}; both export the same."
    )
    out.write(
        text.format(
            sessions=ngettext("{count} session", "{count} sessions", sessions).format(
                count=sessions
            ),
            sets=ngettext("{count} set", "{count} sets", sets).format(count=sets),
            rows=ngettext("{count} row", "{count} rows", rows).format(count=rows),
            tables=ngettext("{count} table", "{count} tables", tables).format(count=tables),
            destination=mask(args.destination),
        )
        + "\n"
    )
    return EXIT_OK


def _cmd_athletes(ctx: AppContext, args: argparse.Namespace, out: TextIO) -> int:
    from hiplog.services import athletes

    if args.action == "add":
        name = athletes.add_athlete(ctx, args.name)
        out.write(
            _('Added the athlete {name}; use it with --athlete "{name}".').format(name=name) + "\n"
        )
        return EXIT_OK
    if args.action == "rename":
        name = athletes.rename_athlete(ctx, args.name, args.new_name)
        out.write(_("Renamed the athlete {old} to {new}.").format(old=args.name, new=name) + "\n")
        return EXIT_OK
    found = athletes.list_athletes(ctx)
    if args.json:
        _write_json({"athletes": [a.to_json() for a in found]}, out)
        return EXIT_OK
    for a in found:
        sessions = ngettext("{count} session", "{count} sessions", a.sessions)
        out.write(f"{a.name}  ({a.unit}, {sessions.format(count=a.sessions)})\n")
    return EXIT_OK


# Commands that show or change one athlete's training: they need to know whose.
_PER_ATHLETE = {"log", "import", "export", "suggest", "stats", "program"}

COMMANDS = {
    "athletes": _cmd_athletes,
    "check": _cmd_check,
    "copy-to": _cmd_copy_to,
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
    from hiplog.services import athletes, backups
    from hiplog.services.context import AppContext
    from hiplog.services.error_log import mask
    from hiplog.services.locations import resolve_locations

    out = out or sys.stdout
    err = err or sys.stderr
    if getattr(args, "db", None) and getattr(args, "db_url", None):
        err.write(_("hiplog: give --db or --db-url, not both (see hiplog --help)") + "\n")
        return EXIT_USAGE
    locations = resolve_locations(getattr(args, "db", None), db_url=getattr(args, "db_url", None))
    try:
        if args.command == "restore":
            saved = backups.restore_file(locations, args.file)
            text = _("Restored {file}; the previous database was saved as {saved}.")
            out.write(text.format(file=args.file, saved=saved) + "\n")
            out.flush()
            return EXIT_OK
        ctx = AppContext.open(locations)
        try:
            if args.command in _PER_ATHLETE and not getattr(args, "all_athletes", False):
                athletes.choose_for_command(ctx, args.athlete)
            elif args.athlete is not None:
                ctx.use_athlete(args.athlete)
            follow_setting(ctx.settings().language)
            status = COMMANDS[args.command](ctx, args, out)
        finally:
            ctx.close()
        out.flush()  # here, not at exit, so that a reader gone away is seen below
        return status
    except BrokenPipeError:
        return _reader_gone(out)
    except HiplogError as exc:  # bad input (InputError), an unusable database, ...
        err.write(f"hiplog: {mask(str(exc))}\n")
        return EXIT_USAGE
    except Exception as exc:
        from hiplog.services.error_log import error_line, log_exception

        where = log_exception(locations, exc)
        details = (
            _("details in {file}").format(file=where)
            if where is not None
            else _("no details: the log folder {folder} cannot be written").format(
                folder=locations.log_dir
            )
        )
        text = _("hiplog: unexpected error: {error} ({details})")
        err.write(text.format(error=error_line(exc), details=details) + "\n")
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
        sys.stderr.write(_("hiplog: give a command (see hiplog --help)") + "\n")
        return EXIT_USAGE
    return run_command(args)
