"""`preflight check DRAFT`: the report, as text for people or JSON/HTML for tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import add_ocr_flag, apply_ocr_flag
from checks.engine import check_file
from checks.model import Verdict
from checks.report.json_report import dumps, report_to_dict
from checks.report.text import render_text
from checks.terminal import printable_lines


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check a draft (exit 0 ready/review, 1 fix required, 2 bad input)")
    p.add_argument("draft", help="the draft .toml file")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    p.add_argument("--pack", action="append", default=[], metavar="P", help="add a rule pack (folder or zip)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report here instead of stdout")
    add_ocr_flag(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    apply_ocr_flag(args)
    report = check_file(args.draft, lang=args.lang, extra_packs=args.pack)
    if args.format == "json":
        out = dumps(report_to_dict(report))
    elif args.format == "html":
        from checks.report.html import render_html

        out = render_html(report)
    else:
        out = printable_lines(render_text(report))  # file names and metadata may hold escape codes
    if args.output:
        from app.cli import CommandError
        from checks.draft import atomic_write, input_files

        if Path(args.output).resolve() in input_files(report.draft):
            raise CommandError(
                f"-o {args.output}: that is the draft, its account file or one of its media; "
                "refusing to overwrite it"
            )
        atomic_write(args.output, out + "\n")
    else:
        sys.stdout.write(out + "\n")
    return 1 if report.verdict == Verdict.FIX_REQUIRED else 0
