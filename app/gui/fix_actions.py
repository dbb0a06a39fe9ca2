"""Applying a finding's fix from the window: text through the editor's undo stack, declarations
and account changes on the document, media fixes as exported copies (originals never written).

What a fix changes is decided by the engine: text edits come from
`checks.fixes.apply.apply_text_fix`, and the editor only turns the engine's new title/body into
one undoable edit. Media copies come from `checks.fixes.*.export_media`.
"""

from __future__ import annotations

import inspect
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.gui.services import optional
from checks.model import Account, Applicability, Draft, Finding, Fix, FixKind, MediaFacts

TEXT_KINDS = (FixKind.INSERT_TEXT,)
MEDIA_KINDS = (FixKind.EXPORT_MEDIA, FixKind.STRIP_GPS)


def apply_text_fix(draft: Draft, fix: Fix) -> Draft:
    """The engine's text fix; a literal reading of the payload contract until that module lands."""
    engine = optional("checks.fixes.apply", "apply_text_fix")
    if engine is not None:
        return engine(draft, fix)
    p = fix.payload
    text, where = str(p.get("text", "")), p.get("where", "text_end")
    target = p.get("target", "title" if where == "title_prefix" else "text")
    value = draft.title if target == "title" else draft.text
    if text and text in value and where != "replace":
        return draft
    if where == "replace" and p.get("span"):
        s, e = p["span"]
        value = value[:s] + text + value[e:]
    elif where == "title_prefix":
        value = text + value
    elif where == "text_start":
        value = text + ("\n" if value else "") + value
    else:
        value = value + ("\n" if value and not value.endswith("\n") else "") + text
    return draft.with_changes(**{target: value})


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


def export_copy(src: Path, out_dir: Path, plan: MediaPlan, facts: MediaFacts | None) -> Path:
    """Write the labelled/stripped copy of `src` into `out_dir` and return its path."""
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
    accepted = inspect.signature(fn).parameters
    if not any(p.kind == p.VAR_KEYWORD for p in accepted.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in accepted}
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
    # replacements first, from the end backwards, so earlier spans stay valid; insertions after
    plan.text.sort(key=lambda fx: (fx.payload.get("where") != "replace", -(fx.payload.get("span") or [0])[0]))
    return plan


def apply_text_fixes(draft: Draft, fixes: Sequence[Fix]) -> Draft:
    for fix in fixes:
        draft = apply_text_fix(draft, fix)
    return draft


def apply_account_fix(account: Account, fix: Fix) -> Account | None:
    """The account with the fix's field set; None for changes made elsewhere (credentials → profile)."""
    fld, value = fix.payload.get("field"), fix.payload.get("value")
    if fld in ("name", "bio") and isinstance(value, str):
        return replace(account, **{fld: value})
    if fld == "mcn_displayed":
        return replace(account, mcn_displayed=True if value is None else bool(value))
    return None
