"""`preflight gui [DRAFT]`: open the desktop app."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("draft", nargs="?", help="a draft to open")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.gui import main as gui_main

    return gui_main([args.draft] if args.draft else [])
