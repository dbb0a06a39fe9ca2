"""Applying text, declaration and account fixes to a draft — pure functions, no files.

`apply_text_fix` applies one fix; `apply_fixes` applies many at once and is where overlapping
edits are resolved so a post is never garbled: identical edits are deduplicated, `replace` edits
are applied right to left on the original offsets, an edit that overlaps an accepted one (or an
insertion point inside a replaced span) is skipped — the next check re-emits it against the new
text — and label inserts that are already present are no-ops, which makes fixing idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from checks.draft import DraftError, account_from_dict
from checks.model import DECLARATIONS, Account, Draft, Fix, FixKind

TEXT_TARGETS = ("title", "text")


class FixError(ValueError):
    """A fix whose payload cannot be applied to this draft (stale span, unknown field...)."""


def apply_text_fix(draft: Draft, fix: Fix) -> Draft:
    """The draft with `fix` applied (insert_text, declare, edit_account); media fixes raise FixError."""
    if fix.kind == FixKind.INSERT_TEXT:
        return _insert(draft, fix.payload)
    if fix.kind == FixKind.DECLARE:
        decl = str(fix.payload.get("declaration", ""))
        if decl not in DECLARATIONS:
            raise FixError(f"unknown declaration '{decl}'")
        return (
            draft
            if decl in draft.declarations
            else draft.with_changes(declarations=(*draft.declarations, decl))
        )
    if fix.kind == FixKind.EDIT_ACCOUNT:
        account = edit_account(draft.account, fix.payload)
        return draft if account == draft.account else draft.with_changes(account=account)
    raise FixError(f"'{fix.kind}' fixes change files, not the draft: use fix_draft or export_media")


def _target(payload: dict[str, Any]) -> str:
    target = payload.get("target") or ("title" if payload.get("where") == "title_prefix" else "text")
    if target not in TEXT_TARGETS:
        raise FixError(f"cannot insert text into '{target}'")
    return str(target)


def _squash(value: str) -> str:
    return "".join(value.split())


def _present(value: str, label: str, where: str) -> bool:
    """Already there conspicuously: in the title, as dedicated lines, or in the first two / last lines.

    A label buried mid-paragraph does not count (that is what the rules warn about), so the fix
    still adds a dedicated line; one that is already its own line is never added twice.
    """
    if where == "title_prefix":
        return _squash(label) in _squash(value)
    lines = [_squash(line) for line in value.splitlines() if line.strip()]
    wanted = [_squash(line) for line in label.splitlines() if line.strip()]
    if all(w in lines for w in wanted):
        return True
    edge = lines[:2] if where == "text_start" else lines[-1:]
    return _squash(label) in "".join(edge)


def _span(payload: dict[str, Any], value: str) -> tuple[int, int]:
    span = payload.get("span")
    if not (isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise FixError("a replace fix needs a span [start, end]")
    start, end = span
    if not 0 <= start <= end <= len(value):
        raise FixError(
            f"span {start}-{end} is outside the text ({len(value)} characters); re-check the draft"
        )
    return start, end


def _insert(draft: Draft, payload: dict[str, Any]) -> Draft:
    text, where = str(payload.get("text", "")), payload.get("where", "text_end")
    target = _target(payload)
    value: str = getattr(draft, target)
    if where == "replace":
        start, end = _span(payload, value)
        if value[start:end] == text:
            return draft
        new = value[:start] + text + value[end:]
    elif not text.strip() or _present(value, text, str(where)):
        return draft
    elif where == "title_prefix":
        new = text + value
    elif where == "text_start":
        new = text + ("\n" + value if value else "")
    elif where == "text_end":
        body = value.rstrip()
        new = body + "\n" + text if body else text
    else:
        raise FixError(f"unknown insert position '{where}'")
    return draft.with_changes(**{target: new})


def edit_account(account: Account, payload: dict[str, Any]) -> Account:
    field, value = payload.get("field"), payload.get("value")
    if field in ("name", "bio"):
        if not isinstance(value, str):
            raise FixError(f"account {field} must be text")
        return replace(account, name=value) if field == "name" else replace(account, bio=value)
    if field == "mcn_displayed":
        return replace(account, mcn_displayed=True if value is None else bool(value))
    if field == "mcn":
        return replace(account, mcn=str(value).strip() or None if value else None)
    if field == "credentials":
        items = value if isinstance(value, list) else [value]
        try:
            new = account_from_dict({"credentials": items}, "credential fix").credentials
        except DraftError as exc:
            raise FixError(str(exc)) from exc
        added = tuple(c for c in new if c not in account.credentials)
        return replace(account, credentials=account.credentials + added)
    raise FixError(f"unknown account field '{field}'")


def apply_fixes(draft: Draft, fixes: Sequence[Fix]) -> tuple[Draft, list[Fix], list[Fix]]:
    """Apply several draft fixes together: (new draft, applied, skipped as conflicting or invalid)."""
    applied: list[Fix] = []
    skipped: list[Fix] = []
    unique: list[Fix] = []
    for fix in fixes:
        if fix.kind not in (FixKind.INSERT_TEXT, FixKind.DECLARE, FixKind.EDIT_ACCOUNT):
            skipped.append(fix)
        elif not any(fix.kind == u.kind and fix.payload == u.payload for u in unique):
            unique.append(fix)
    replaces = [f for f in unique if f.kind == FixKind.INSERT_TEXT and f.payload.get("where") == "replace"]
    others = [f for f in unique if f not in replaces]
    for target in TEXT_TARGETS:
        draft = _apply_replaces(
            draft, target, [f for f in replaces if _safe_target(f) == target], applied, skipped
        )
    skipped.extend(f for f in replaces if _safe_target(f) not in TEXT_TARGETS)
    account_fields: set[str] = set()
    for fix in others:
        if fix.kind == FixKind.EDIT_ACCOUNT and fix.payload.get("field") != "credentials":
            field = str(fix.payload.get("field"))
            if field in account_fields:  # two edits of one field were computed from the same old value
                skipped.append(fix)
                continue
            account_fields.add(field)
        try:
            new = apply_text_fix(draft, fix)
        except FixError:
            skipped.append(fix)
            continue
        if new != draft:
            applied.append(fix)
        draft = new
    return draft, applied, skipped


def _safe_target(fix: Fix) -> str | None:
    try:
        return _target(fix.payload)
    except FixError:
        return None


def _apply_replaces(
    draft: Draft, target: str, fixes: list[Fix], applied: list[Fix], skipped: list[Fix]
) -> Draft:
    value: str = getattr(draft, target)
    accepted: list[tuple[int, int, Fix]] = []
    for fix in fixes:
        try:
            start, end = _span(fix.payload, value)
        except FixError:
            skipped.append(fix)
            continue
        if any(_clash(start, end, s, e) for s, e, _ in accepted):
            skipped.append(fix)
            continue
        accepted.append((start, end, fix))
    new = value
    for start, end, fix in sorted(accepted, key=lambda a: (a[0], a[1]), reverse=True):
        text = str(fix.payload.get("text", ""))
        if new[start:end] != text:
            new = new[:start] + text + new[end:]
            applied.append(fix)
    return draft if new == value else draft.with_changes(**{target: new})


def _clash(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Overlapping spans, or an insertion point strictly inside the other span, or two inserts at one point."""
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1
