"""`preflight account` (stub: not implemented yet)."""

from __future__ import annotations

import argparse

from app.cli import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("account", help="(not implemented yet)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise CommandError("'account' is not implemented yet")
