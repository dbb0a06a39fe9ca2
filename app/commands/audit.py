"""`preflight audit` (stub: not implemented yet)."""

from __future__ import annotations

import argparse

from app.cli import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="(not implemented yet)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise CommandError("'audit' is not implemented yet")
