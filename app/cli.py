"""`preflight`: the command-line front end (argparse, no Qt).

Each subcommand lives in `app/commands/<name>.py` with `register(subparsers)` and a `run(args)`;
this file only assembles them, so adding a command never touches another (only the name and
one-line help in `COMMANDS` below). Exit codes (DESIGN.md): 0 ready or review, 1 fix required,
2 usage error or unreadable input.

Start-up is lazy: the command line must feel instant, and importing the engine, the media readers
or `cryptography` costs several times bare Python. Only the command being run is imported (and
it imports what it needs); the others appear in the parser as stubs carrying their help line, so
`preflight --version`, `--help` and a usage error import none of them (bench/bench_cli.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from checks import __version__

# name → the help line `preflight --help` shows; each must equal the one its module registers
# (tests/test_cli_startup.py checks it), since listing commands must not import them.
COMMANDS = {
    "check": "check a draft (exit 0 ready/review, 1 fix required, 2 bad input)",
    "fix": (
        "write a fixed copy of a draft and its media into DIR "
        "(originals untouched; exit 0 clean, 1 errors left, 2 bad input)"
    ),
    "media": "print the facts read from media files",
    "explain": "explain a rule (or list them all)",
    "audit": "check every draft under DIR in parallel (exit 0 ok, 1 fixes needed/errors, 2 bad input)",
    "pack": "rule packs: keygen, sign, verify, info, trust, install, update …",
    "account": "account standing: when monetisation may be enabled; MCN display (N2023-8/9/11)",
    "gui": "open the desktop app",
}


class CommandError(Exception):
    """A problem with the user's input: printed as one line, exit 2."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with `command` (if any) fully registered from its module and every other
    command a stub that only names it: no command module is imported unless it is the one run."""
    parser = argparse.ArgumentParser(
        prog="preflight",
        description="Preflight 发布前自检: check a self-media draft for required labels, then fix it.",
    )
    parser.add_argument("--version", action="version", version=f"preflight {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_line in COMMANDS.items():
        if name == command:
            import_module(f"app.commands.{name}").register(sub)
        else:
            sub.add_parser(name, help=help_line)
    return parser


def command_in(argv: Sequence[str]) -> str | None:
    """The command named on the line: the first argument that is not an option (the top level
    has only -h/--help/--version, none of which takes a value), if it is a command at all."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        clean_after_crashes()
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("preflight: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if _is_refusal(exc):
            text = getattr(exc, "text", None)  # refusals that carry both languages (pack signatures)
            message = text(getattr(args, "lang", "zh")) if callable(text) else str(exc)
            print(f"preflight: {_printable(message)}", file=sys.stderr)
            return 2
        if isinstance(exc, BrokenPipeError):
            return 0
        if isinstance(exc, OSError):  # an output path the user gave cannot be created or written
            where = f" {exc.filename}" if exc.filename else ""
            reason = "a file is in the way of a folder" if isinstance(exc, FileExistsError) else exc.strerror
            print(f"preflight: {_printable(f'cannot use{where}: {reason or exc}')}", file=sys.stderr)
            return 2
        raise


# The engine's refusals of bad input, by module: a command that can raise one has imported its
# module, so a refusal is recognised without importing the engine (or `cryptography`) up front.
_REFUSALS = (("checks.draft", "DraftError"), ("checks.vocabulary.packset", "PackError"))


def _is_refusal(exc: BaseException) -> bool:
    """A problem with the user's input, printed as one line (exit 2) rather than a traceback."""
    if isinstance(exc, CommandError):
        return True
    for module, name in _REFUSALS:
        kind = getattr(sys.modules.get(module), name, None)
        if isinstance(kind, type) and isinstance(exc, kind):
            return True
    return False


def _printable(text: str) -> str:
    from checks.terminal import printable

    return printable(text)  # one line: a file name's escape codes or newlines are shown, not obeyed


def clean_after_crashes() -> None:
    """Stale temp files of a save that was killed (kill -9, power loss) go on the next start
    (of the command line, and of the desktop app: app/gui/__init__.py)."""
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
