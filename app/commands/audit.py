"""`preflight audit DIR`: check every draft under a folder in parallel (MCN batch audits).

Prints a summary per account and per rule; `--report` writes HTML (to file with the agency's
records), JSON (for tools) or CSV (for spreadsheets), chosen by the file's suffix. Exit 0 when every
draft is ready or only needs review, 1 when any needs fixing or could not be checked, 2 for bad
input (not a folder, a bad pack, an unknown report type).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from app.cli import CommandError
from app.commands import add_ocr_flag, apply_ocr_flag
from app.commands.account import text_table
from checks.audit import DEFAULT_TIMEOUT, Audit, run_audit
from checks.draft import atomic_write
from checks.i18n import L, tr
from checks.terminal import printable_lines

REPORT_TYPES = (".html", ".htm", ".json", ".csv")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="check every draft under DIR in parallel (exit 0 ok, 1 fixes needed/errors, 2 bad input)",
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default: CPU count)"
    )
    p.add_argument("--report", metavar="FILE", help="write a report: FILE.html, FILE.json or FILE.csv")
    p.add_argument("--pack", action="append", default=[], metavar="P", help="add a rule pack (folder or zip)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per draft; one that runs longer is an error row (default {DEFAULT_TIMEOUT:g}, 0 = none)",
    )
    add_ocr_flag(p)
    p.set_defaults(run=run)


class ProgressBar:
    """A one-line bar redrawn on stderr, only when stderr is a terminal (logs stay clean)."""

    def __init__(self, lang: str) -> None:
        self.enabled = sys.stderr.isatty()
        self.start = time.monotonic()
        self.lang = lang
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.start, 1e-6)
        unit = tr(L(zh="篇/秒", en="drafts/s"), self.lang)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {rate:.1f} {unit} ")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def render_summary(audit: Audit, elapsed: float) -> str:
    lang = audit.lang
    t = lambda x, **kw: tr(x, lang, **kw)  # noqa: E731
    s = audit.summary()
    lines = [
        t(
            L(
                zh="共 {n} 篇稿件（{sec:.1f} 秒）：可以发布 {ready}，需复核 {review}，需修改 {fix}，无法检查 {err}",
                en="{n} drafts in {sec:.1f} s: {ready} ready, {review} to review, {fix} need fixes, {err} errors",
            ),
            n=s["drafts"],
            sec=elapsed,
            ready=s["ready"],
            review=s["review"],
            fix=s["fix_required"],
            err=s["errors"],
        ),
    ]
    if s["skipped_files"]:
        lines.append(
            t(
                L(
                    zh="（另有 {n} 个 .toml 文件不是稿件，已跳过）",
                    en="({n} other .toml files are not drafts; skipped)",
                ),
                n=s["skipped_files"],
            )
        )
    lines.append("")
    if s["by_account"]:
        head = [
            t(L(zh="账号", en="account")),
            "MCN",
            t(L(zh="稿件", en="drafts")),
            t(L(zh="可发布", en="ready")),
            t(L(zh="复核", en="review")),
            t(L(zh="需修改", en="fix")),
            t(L(zh="出错", en="error")),
            t(L(zh="问题", en="findings")),
        ]
        rows = [
            [
                a["account"] or "—",
                a["mcn"] or "",
                *(str(a[k]) for k in ("drafts", "ready", "review", "fix_required", "error", "findings")),
            ]
            for a in s["by_account"]
        ]
        lines += [t(L(zh="按账号", en="By account")), *text_table([head, *rows]), ""]
    if s["by_rule"]:
        head = [
            t(L(zh="规则", en="rule")),
            t(L(zh="条款", en="clause")),
            t(L(zh="稿件", en="drafts")),
            t(L(zh="必须修改", en="errors")),
            t(L(zh="复核", en="warnings")),
            t(L(zh="提示", en="infos")),
        ]
        rows = [
            [r["rule"], r["clause"], *(str(r[k]) for k in ("drafts", "error", "warning", "info"))]
            for r in s["by_rule"]
        ]
        lines += [t(L(zh="按规则", en="By rule")), *text_table([head, *rows]), ""]
    errors = [r for r in audit.rows if r.error]
    if errors:
        lines.append(t(L(zh="无法检查的稿件", en="Drafts that could not be checked")))
        lines += [f"  ✗ {r.draft}: {r.error}" for r in errors]
    return "\n".join(lines).rstrip()


def _check_writable(report: Path) -> None:
    """Refuse an unwritable report path before checking hundreds of drafts, not after."""
    folder = report.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise CommandError(
            f"cannot write the report {report}: {exc.filename} is a file, not a folder"
        ) from exc
    except OSError as exc:
        raise CommandError(f"cannot write the report {report}: {exc.strerror or exc}") from exc
    if report.is_dir() or not os.access(folder, os.W_OK):
        raise CommandError(f"cannot write the report {report}: not a writable file location")


def run(args: argparse.Namespace) -> int:
    apply_ocr_flag(args)
    if args.jobs < 0:
        raise CommandError("--jobs must be a positive number")
    if not args.timeout >= 0:  # also refuses nan
        raise CommandError("--timeout must be a number of seconds (0 = no limit)")
    suffix = Path(args.report).suffix.lower() if args.report else ""
    if args.report and suffix not in REPORT_TYPES:
        raise CommandError(f"--report must end in .html, .json or .csv (got {args.report!r})")
    if not os.path.isdir(args.dir):
        raise CommandError(f"not a folder: {args.dir}")
    if args.report:
        _check_writable(Path(args.report))
    start = time.monotonic()
    audit = run_audit(
        args.dir,
        jobs=args.jobs or None,
        extra_packs=args.pack,
        lang=args.lang,
        thumbnails=suffix in (".html", ".htm"),
        on_progress=ProgressBar(args.lang),
        timeout=args.timeout or None,
    )
    elapsed = time.monotonic() - start
    if args.report:
        if suffix == ".json":
            from checks.report.json_report import dumps

            out = dumps(audit.to_dict()) + "\n"
        elif suffix == ".csv":
            out = audit.to_csv()
        else:
            out = audit.to_html()
        atomic_write(args.report, out)
    sys.stdout.write(printable_lines(render_summary(audit, elapsed)) + "\n")
    if args.report:
        sys.stdout.write(
            tr(L(zh="报告已写入 {f}", en="Report written to {f}"), args.lang, f=args.report) + "\n"
        )
    return audit.exit_code
