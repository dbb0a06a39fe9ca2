"""Findings at a text-layer `Span`: which field it is in, the evidence snippet, the highlight.

Matching itself is checks.text.layer (one normaliser, one folder, one Span type); this module
only turns a span found in the account name, bio, title or text into a finding that names the
field and highlights what the creator typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from checks.i18n import L
from checks.model import Draft, Finding, Fix, Severity
from checks.rules.base import Context, Rule
from checks.text.layer import Span

WHERES = ("name", "bio", "title", "text")
TARGET = {"name": "account", "bio": "account", "title": "title", "text": "text"}
FIELD_LABEL = {
    "name": L(zh="账号名称", en="Account name"),
    "bio": L(zh="账号简介", en="Account bio"),
    "title": L(zh="标题", en="Title"),
    "text": L(zh="正文", en="Text"),
}


def source(draft: Draft, where: str) -> str:
    if where == "name":
        return draft.account.name or ""
    if where == "bio":
        return draft.account.bio or ""
    return (draft.title if where == "title" else draft.text) or ""


def snippet(text: str, start: int, end: int, width: int = 14) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b].replace("\n", " ") + ("…" if b < len(text) else "")


def evidence(ctx: Context, hit: Span) -> str:
    text = source(ctx.draft, hit.target)
    shown = text if hit.target == "name" or len(text) <= 40 else snippet(text, hit.start, hit.end)
    return (
        f"{ctx.t(FIELD_LABEL[hit.target])}：{shown}"
        if ctx.lang != "en"
        else f"{ctx.t(FIELD_LABEL[hit.target])}: {shown}"
    )


def finding_at(
    ctx: Context,
    rule: Rule,
    message: L,
    hit: Span,
    *,
    fixes: Iterable[Fix] = (),
    severity: Severity | None = None,
    **fmt: object,
) -> Finding:
    return ctx.finding(
        rule,
        message,
        severity=severity,
        target=TARGET[hit.target],
        span=(hit.start, hit.end),
        evidence=evidence(ctx, hit),
        fixes=fixes,
        **fmt,
    )
