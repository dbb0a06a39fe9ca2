"""Batch audits for MCN agencies: check every draft under a folder in parallel, summarise per account
and per rule.

Workers are processes (the engine is CPU-bound Python); each loads the rule packs once and sends
back plain report dicts (`report_to_dict`), which is all the JSON/CSV/HTML writers need. A draft
that cannot be loaded or checked is one error row; it never stops the batch.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checks import __version__
from checks.draft import DraftError, load_draft, read_regular_file
from checks.model import Severity

Progress = Callable[[int, int], None]
DRAFT_KEYS = {"title", "text", "media", "platform", "declarations", "publish_at"}
CHUNK = 4


@dataclass(frozen=True)
class AuditRow:
    draft: str  # path as found under the audited folder
    report: dict[str, Any] | None = None  # report_to_dict(...) + "title", "account" (+ "thumbnails")
    error: str | None = None

    @property
    def verdict(self) -> str:
        return "error" if self.report is None else str(self.report["summary"]["verdict"])

    @property
    def account(self) -> str:
        return str(((self.report or {}).get("account") or {}).get("name") or "")


@dataclass(frozen=True)
class Audit:
    root: str
    rows: tuple[AuditRow, ...]
    packs: list[dict[str, Any]] = field(default_factory=list)
    lang: str = "zh"
    skipped: int = 0  # .toml files that are account files, pack files or not drafts

    @property
    def exit_code(self) -> int:
        """0 all ready/review; 1 any fix_required or error row."""
        return 1 if any(r.verdict in ("fix_required", "error") for r in self.rows) else 0

    def summary(self) -> dict[str, Any]:
        verdicts = Counter(r.verdict for r in self.rows)
        accounts: dict[str, dict[str, Any]] = {}
        rules: dict[str, dict[str, Any]] = {}
        for row in self.rows:
            acc = accounts.setdefault(
                row.account,
                {
                    "account": row.account,
                    "mcn": None,
                    "drafts": 0,
                    "ready": 0,
                    "review": 0,
                    "fix_required": 0,
                    "error": 0,
                    "findings": 0,
                },
            )
            acc["drafts"] += 1
            acc[row.verdict] += 1
            if row.report is None:
                continue
            acc["mcn"] = acc["mcn"] or (row.report.get("account") or {}).get("mcn")
            acc["findings"] += len(row.report["findings"])
            seen = set()
            for f in row.report["findings"]:
                r = rules.setdefault(
                    f["rule"],
                    {
                        "rule": f["rule"],
                        "clause": f["clause"],
                        "error": 0,
                        "warning": 0,
                        "info": 0,
                        "drafts": 0,
                    },
                )
                r[f["severity"]] += 1
                if f["rule"] not in seen:
                    r["drafts"] += 1
                    seen.add(f["rule"])
        order = {s.value: s.rank for s in Severity}
        return {
            "drafts": len(self.rows),
            "ready": verdicts["ready"],
            "review": verdicts["review"],
            "fix_required": verdicts["fix_required"],
            "errors": verdicts["error"],
            "skipped_files": self.skipped,
            "by_account": sorted(
                accounts.values(), key=lambda a: (-a["fix_required"] - a["error"], a["account"])
            ),
            "by_rule": sorted(
                rules.values(),
                key=lambda r: (
                    min(order[s] for s in ("error", "warning", "info") if r[s]),
                    -r["drafts"],
                    r["rule"],
                ),
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """The audit JSON: per-draft report dicts (thumbnails left out) plus error rows and the summary."""
        reports = [
            {k: v for k, v in r.report.items() if k != "thumbnails"}
            for r in self.rows
            if r.report is not None
        ]
        return {
            "preflight": __version__,
            "root": self.root,
            "lang": self.lang,
            "packs": self.packs,
            "summary": self.summary(),
            "reports": reports,
            "errors": [{"draft": r.draft, "error": r.error} for r in self.rows if r.report is None],
        }

    def to_html(self) -> str:
        from checks.report.html import render_audit_html

        entries = [
            r.report if r.report is not None else {"draft": r.draft, "error": r.error} for r in self.rows
        ]
        return render_audit_html(self.to_dict(), entries, self.lang)

    def to_csv(self) -> str:
        from checks.report.csv_report import audit_to_csv

        return audit_to_csv(self)


# --------------------------------------------------------------------------- finding the drafts


def _walk_tomls(root: Path) -> Iterator[tuple[Path, bool]]:
    """(`*.toml` file, inside a rule pack) under `root`, hidden folders and files left out.

    An explicit stack, not recursion: a draft 1,000 folders deep is found like any other. Linked
    folders are not followed (a link loop cannot trap the walk); linked files are read as files.
    """
    stack: list[tuple[Path, bool]] = [(root, False)]
    while stack:
        folder, in_pack = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        in_pack = in_pack or any(e.name == "pack.toml" for e in entries)
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                if entry.name.endswith(".toml"):
                    yield Path(entry.path), True  # hidden: counted as skipped
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append((Path(entry.path), in_pack))
                elif entry.name.endswith(".toml"):
                    yield Path(entry.path), in_pack
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def _misspelt_draft(data: dict[str, Any]) -> bool:
    """Keys such as `tittle` or `medai`: a draft with a typo, not some other TOML file."""
    return any(difflib.get_close_matches(str(k).lower(), DRAFT_KEYS, n=1, cutoff=0.8) for k in data)


def find_drafts(root: str | os.PathLike[str]) -> tuple[list[Path], int]:
    """Every `*.toml` draft under `root` (hidden folders, pack folders and account files skipped).

    A file counts as a draft when it has a draft key (title, text, media…); a file some draft names
    as its `account = "…"` is an account file. A file that cannot be read as TOML — unparseable,
    too large, a pipe or device named `*.toml` — is kept: it becomes an error row, never a hang.
    Returns (drafts, number of .toml files skipped).
    """
    base = Path(root)
    candidates, skipped, accounts = [], 0, set()
    files = sorted(_walk_tomls(base), key=lambda item: item[0])
    for file, skip in files:
        if skip:
            skipped += 1
            continue
        try:
            data = tomllib.loads(read_regular_file(file, "draft").decode("utf-8-sig"))
        except (DraftError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            candidates.append(file)
            continue
        ref = data.get("account")
        if isinstance(ref, str) and "\0" not in ref:
            accounts.add(os.path.abspath(file.parent / ref))
        if DRAFT_KEYS & data.keys() or _misspelt_draft(data):
            candidates.append(file)  # a misspelt draft becomes an error row naming the typo
        else:
            skipped += 1
    drafts = [f for f in candidates if os.path.abspath(f) not in accounts]
    return drafts, skipped + len(candidates) - len(drafts)


# --------------------------------------------------------------------------- checking (in workers)

_WORKER: dict[str, Any] = {}


def _init_worker(extra_packs: Sequence[str], lang: str, thumbnails: bool) -> None:
    from checks.packs import load_packs

    _WORKER.update(packs=load_packs(extra_packs), lang=lang, thumbnails=thumbnails)


def check_one(path: str) -> AuditRow:
    """Check one draft with the worker's packs; every failure becomes the row's error."""
    from checks.engine import check_draft
    from checks.media import read_media
    from checks.report.json_report import report_to_dict

    try:
        draft = load_draft(path)
        paths = [draft.media_path(i) for i in range(len(draft.media))]
        facts = read_media(paths, jobs=1)  # the audit already runs one process per core
        facts = [replace(f, path=name) for f, name in zip(facts, draft.media, strict=True)]
        report = check_draft(draft, lang=_WORKER["lang"], packs=_WORKER["packs"], media=facts)
        data = report_to_dict(report)
        data["draft"] = path
        data["title"] = draft.title
        data["account"] = {
            "name": draft.account.name,
            "mcn": draft.account.mcn,
            "mcn_displayed": draft.account.mcn_displayed,
        }
        if _WORKER["thumbnails"]:
            from checks.report.html import thumbnails_for

            data["thumbnails"] = thumbnails_for(paths)
        return AuditRow(draft=path, report=data)
    except DraftError as exc:
        return AuditRow(draft=path, error=str(exc))
    except Exception as exc:  # one broken draft is one error row, never the end of the batch
        return AuditRow(draft=path, error=f"{type(exc).__name__}: {exc}")


DEFAULT_TIMEOUT = 120.0  # seconds per draft: generous for 4K video, finite for a stalled network drive


def run_audit(
    root: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    extra_packs: Sequence[str | os.PathLike[str]] = (),
    lang: str = "zh",
    thumbnails: bool = False,
    on_progress: Progress | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Audit:
    """Audit every draft under `root`. Raises PackError/DraftError only for bad input (folder, packs).

    `timeout` (seconds, None or 0 = none) bounds each draft: one whose media never finishes
    reading (a pipe, a stalled network mount) becomes one error row and the others still finish.
    """
    from checks.packs import load_packs

    base = Path(root)
    if not base.is_dir():
        raise DraftError(f"not a folder: {base}")
    extra = [str(p) for p in extra_packs]
    packs = [p.to_json() for p in load_packs(extra).infos]  # bad packs fail here, before any work
    drafts, skipped = find_drafts(base)
    paths = [str(p) for p in drafts]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths) or 1))
    limit = timeout if timeout and 0 < timeout < 1e7 else None  # inf: no limit
    rows: list[AuditRow] = []

    def done(row: AuditRow) -> None:
        rows.append(row)
        if on_progress:
            on_progress(len(rows), len(paths))

    if jobs == 1 and limit is None:
        _init_worker(extra, lang, thumbnails)
        for path in paths:
            done(check_one(path))
    else:
        _run_pool(paths, jobs, (extra, lang, thumbnails), limit, done)
    return Audit(root=str(base), rows=tuple(rows), packs=packs, lang=lang, skipped=skipped)


def _run_pool(
    paths: list[str],
    jobs: int,
    init: tuple[list[str], str, bool],
    limit: float | None,
    done: Callable[[AuditRow], None],
) -> None:
    """Check `paths` in worker processes; a draft over `limit` seconds becomes an error row.

    Results arrive in order and tasks are handed out one at a time in order, so when the next
    result is `limit` seconds late, that draft has been running at least that long. Its worker may
    be stuck in a system call nothing can interrupt, so the pool is terminated and a fresh one
    carries on after it (drafts that were in flight beside it are simply checked again).
    """
    pending = list(paths)
    context = multiprocessing.get_context(_start_method())
    while pending:
        with context.Pool(min(jobs, len(pending)), _init_worker, init) as pool:
            results = pool.imap(check_one, pending, chunksize=1 if limit else CHUNK)
            for i, path in enumerate(pending):
                try:
                    row = results.next(limit)
                except multiprocessing.TimeoutError:
                    done(AuditRow(draft=path, error=_timed_out(limit or 0)))
                    pending = pending[i + 1 :]
                    pool.terminate()
                    break
                done(row)
            else:
                pending = []


def _timed_out(limit: float) -> str:
    return (
        f"timed out after {limit:g} s: a media file never finished reading "
        "(a pipe, or a stalled network drive?); raise --timeout if the files are just large"
    )


def _start_method() -> str:
    """fork on Linux (fast, workers inherit the loaded engine); spawn elsewhere (macOS, Windows)."""
    return "fork" if sys.platform.startswith("linux") else "spawn"
