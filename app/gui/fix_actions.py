"""Planning a finding's fixes for the window: what touches the text, the declarations, the
account or the media files.

What a fix changes is decided by the engine (`checks.fixes.apply`): the window only turns the
engine's new title/body into one undoable editor edit, and writes media copies with
`checks.fixes.media_export.export_media` (originals are never written).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.gui.services import optional
from checks.model import Account, Applicability, Draft, Finding, Fix, FixKind, MediaFacts

TEXT_KINDS = (FixKind.INSERT_TEXT,)
MEDIA_KINDS = (FixKind.EXPORT_MEDIA, FixKind.STRIP_GPS)


EXPORT_MODULES = ("checks.fixes.media_export", "checks.fixes.apply")


def export_media_fn() -> Any | None:
    for module in EXPORT_MODULES:
        fn = optional(module, "export_media")
        if fn is not None:
            return fn
    return None


@dataclass
class MediaPlan:
    """Everything to do to one media file, merged so one copy carries all its fixes."""

    index: int
    visible_label: str | None = None
    implicit_label: bool = False
    strip_gps: bool = False

    def add(self, fix: Fix) -> None:
        if fix.kind == FixKind.STRIP_GPS:
            self.strip_gps = True
        else:
            self.visible_label = fix.payload.get("visible_label") or self.visible_label
            self.implicit_label = self.implicit_label or bool(fix.payload.get("implicit_label"))


def copy_name(src: Path, out_dir: Path) -> Path:
    return out_dir / f"{src.stem.removesuffix('-preflight')}-preflight{src.suffix}"


def export_copy(
    src: Path, out_dir: Path, plan: MediaPlan, facts: MediaFacts | None, platform: str | None = None
) -> Path:
    """Write the labelled/stripped copy of `src` into `out_dir` and return its path (the label where
    `platform`'s feed controls leave it visible)."""
    fn = export_media_fn()
    if fn is None:
        raise RuntimeError("export_media is not available")
    out_dir.mkdir(parents=True, exist_ok=True)
    dst = copy_name(src, out_dir)
    kwargs: dict[str, Any] = {
        "visible_label": plan.visible_label,
        "implicit_label": plan.implicit_label,
        "strip_gps": plan.strip_gps,
        "facts": facts,
    }
    if platform:
        kwargs["platform"] = platform
    if src.resolve() == dst.resolve():  # re-fixing our own copy: write beside it, then swap
        fd, tmp = tempfile.mkstemp(prefix=".preflight-", suffix=src.suffix, dir=out_dir)
        os.close(fd)
        written = Path(tmp)
        try:
            written = Path(fn(src, Path(tmp), **kwargs) or tmp)
            final = dst.with_suffix(written.suffix)
            os.replace(written, final)
            return final
        finally:
            for leftover in {Path(tmp), written}:
                if leftover.exists():
                    leftover.unlink()
    return Path(fn(src, dst, **kwargs) or dst)


@dataclass
class Plan:
    """The safe fixes of a report, grouped by what they touch."""

    text: list[Fix] = field(default_factory=list)
    declare: list[str] = field(default_factory=list)
    account: list[Fix] = field(default_factory=list)
    media: dict[int, MediaPlan] = field(default_factory=dict)


def plan_fixes(findings: Iterable[Finding], *, only_safe: bool = True) -> Plan:
    plan = Plan()
    seen_text: set[tuple[str, str]] = set()
    for f in findings:
        for fix in f.fixes:
            if only_safe and fix.applicability != Applicability.SAFE:
                continue
            if fix.kind in TEXT_KINDS:
                key = (str(fix.payload.get("text")), str(fix.payload.get("where")))
                if key not in seen_text:
                    seen_text.add(key)
                    plan.text.append(fix)
            elif fix.kind == FixKind.DECLARE and fix.payload.get("declaration"):
                if fix.payload["declaration"] not in plan.declare:
                    plan.declare.append(str(fix.payload["declaration"]))
            elif fix.kind == FixKind.EDIT_ACCOUNT:
                plan.account.append(fix)
            elif fix.kind in MEDIA_KINDS and isinstance(fix.payload.get("media"), int):
                i = fix.payload["media"]
                plan.media.setdefault(i, MediaPlan(i)).add(fix)
    return plan


def apply_text_fixes(draft: Draft, fixes: Sequence[Fix]) -> tuple[Draft, list[Fix]]:
    """The engine applies them together (replacements from the end, conflicts skipped)."""
    from checks.fixes.apply import apply_fixes

    new, _applied, skipped = apply_fixes(draft, list(fixes))
    return new, skipped


def apply_account_fix(account: Account, fix: Fix) -> Account | None:
    """The account with the engine's edit applied; None when the fix does not fit this account."""
    from checks.fixes.apply import FixError, edit_account

    try:
        return edit_account(account, fix.payload)
    except FixError:
        return None
