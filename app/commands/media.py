"""`preflight media FILE…`: the facts Preflight reads from media files."""

from __future__ import annotations

import argparse
import sys

from checks.i18n import tr
from checks.media import read_media
from checks.report.json_report import dumps


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("media", help="print the facts read from media files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    facts = read_media(args.files)
    if args.format == "json":
        sys.stdout.write(dumps([f.to_json() for f in facts]) + "\n")
        return 0
    for f in facts:
        sys.stdout.write(f"{f.path}\n")
        if f.error:
            sys.stdout.write(f"  error: {f.error}\n")
            continue
        rows = [
            ("kind", f"{f.kind} ({f.format})" if f.format else f.kind),
            ("provenance", tr(f"provenance.{f.provenance}", args.lang)),
            ("size", f"{f.width}×{f.height}" if f.width else None),
            ("captured", f.capture_time.isoformat() if f.capture_time else None),
            ("gps", f"{f.gps.lat:.6f}, {f.gps.lon:.6f}" if f.gps else None),
            ("place", f.place),
            ("device", f.device),
            ("software", f.software),
            ("duration", f"{f.duration:.1f} s" if f.duration else None),
            (
                "c2pa",
                f"{f.c2pa.validation_state} {' '.join(f.c2pa.codes)}".strip()
                if f.c2pa and f.c2pa.present
                else None,
            ),
        ]
        for key, value in rows:
            if value:
                sys.stdout.write(f"  {key:10} {value}\n")
        for e in f.evidence:
            sys.stdout.write(f"  evidence   {e.points_to}: {e.where} {e.detail}".rstrip() + "\n")
    return 0
