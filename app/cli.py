"""`preflight`: the command-line front end (argparse, no Qt).

Each subcommand lives in `app/commands/<name>.py` with `register(subparsers)`; this file only
assembles them, so adding a command never touches another. Exit codes (DESIGN.md): 0 ready or
review, 1 fix required, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from checks import __version__

COMMANDS = ("check", "fix", "media", "explain", "audit", "pack", "account", "gui")


class CommandError(Exception):
    """A problem with the user's input: printed as one line, exit 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="preflight",
        description="Preflight 发布前自检: check a self-media draft for required labels, then fix it.",
    )
    parser.add_argument("--version", action="version", version=f"preflight {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from checks.draft import DraftError
    from checks.packs import PackError

    try:
        _clean_after_crashes()
        return int(args.run(args) or 0)
    except (CommandError, DraftError, PackError) as exc:
        text = getattr(exc, "text", None)  # refusals that carry both languages (pack signatures)
        message = text(getattr(args, "lang", "zh")) if callable(text) else str(exc)
        print(f"preflight: {_printable(message)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("preflight: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # an output path the user gave cannot be created or written
        where = f" {exc.filename}" if exc.filename else ""
        reason = "a file is in the way of a folder" if isinstance(exc, FileExistsError) else exc.strerror
        print(f"preflight: {_printable(f'cannot use{where}: {reason or exc}')}", file=sys.stderr)
        return 2


def _printable(text: str) -> str:
    from checks.terminal import printable

    return printable(text)  # one line: a file name's escape codes or newlines are shown, not obeyed


def _clean_after_crashes() -> None:
    """Stale temp files of a save that was killed (kill -9, power loss) go on the next start."""
    from checks.settings import clean_stale_temps_in_user_dirs

    try:
        clean_stale_temps_in_user_dirs()
    except OSError:
        pass


if __name__ == "__main__":
    # `python -m app.cli` runs this file as __main__, a second copy of the module: the commands
    # raise app.cli.CommandError, which __main__'s except clause would not catch (a traceback
    # instead of one line and exit 2). Run the package module's main instead.
    from app.cli import main as package_main

    sys.exit(package_main())
