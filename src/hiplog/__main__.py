"""Start hiplog: a command runs on the command line; no command opens the desktop window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from hiplog.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from hiplog.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
