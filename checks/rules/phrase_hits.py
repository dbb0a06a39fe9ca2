"""Lexicon hits in the account name, bio, title and text, shared by the account and content rules.

Creators write the same phrase many ways: 防失联 / 防·失·联, 各位观众，晚上好！, 點讚, "Link in
bio". Chinese entries are therefore matched on a normalised copy with punctuation and spaces
removed (so punctuation inside a phrase does not hide it), English entries on the normalised text
with word boundaries (so "off" never matches "coffee"). Every hit keeps offsets into what the
creator typed, and says where it was found, so a finding can highlight it and name the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from checks.i18n import L
from checks.model import Draft, Finding, Fix, Severity
from checks.rules.base import Context, Rule
from checks.text.matcher import matcher
from checks.text.normalize import normalize

WHERES = ("name", "bio", "title", "text")
TARGET = {"name": "account", "bio": "account", "title": "title", "text": "text"}
FIELD_LABEL = {
    "name": L(zh="账号名称", en="Account name"),
    "bio": L(zh="账号简介", en="Account bio"),
    "title": L(zh="标题", en="Title"),
    "text": L(zh="正文", en="Text"),
}
SENTENCE_END = re.compile(r"[。！？!?；;\n]+|\.(?=\s|$)")


@dataclass(frozen=True)
class Hit:
    where: str  # name | bio | title | text
    start: int
    end: int
    text: str  # as the creator wrote it
    phrase: str  # the lexicon entry (compacted for Chinese entries)


def source(draft: Draft, where: str) -> str:
    if where == "name":
        return draft.account.name or ""
    if where == "bio":
        return draft.account.bio or ""
    return (draft.title if where == "title" else draft.text) or ""


def _drop(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "PZ" or cat == "Cc"


@lru_cache(maxsize=512)
def compact(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalised `text` without punctuation/spaces, and each kept character's original offset."""
    norm = normalize(text)
    keep = [i for i, ch in enumerate(norm) if not _drop(ch)]
    return "".join(norm[i] for i in keep), tuple(keep)


def _is_ascii(phrase: str) -> bool:
    return phrase.isascii()


@lru_cache(maxsize=128)
def _split(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    cjk = tuple(dict.fromkeys(c for p in phrases if not _is_ascii(p) and (c := compact(p)[0])))
    latin = sorted(
        {normalize(p.strip()) for p in phrases if _is_ascii(p) and p.strip()}, key=len, reverse=True
    )
    if not latin:
        return cjk, None
    parts = []
    for p in latin:
        body = re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]?")
        head = r"(?<![a-z0-9])" if p[0].isalnum() else ""
        tail = r"(?![a-z0-9])" if p[-1].isalnum() else ""
        parts.append(head + body + tail)
    return cjk, re.compile("|".join(parts))


LATIN = re.compile(r"[a-z]")


def find(phrases: tuple[str, ...], text: str, where: str = "text") -> list[Hit]:
    """Hits of a lexicon in `text`, in order, longest first where they overlap."""
    if not text or not phrases:
        return []
    return list(_find(phrases, text, where))


@lru_cache(maxsize=2048)
def _find(phrases: tuple[str, ...], text: str, where: str) -> tuple[Hit, ...]:
    cjk, latin = _split(phrases)
    hits: list[Hit] = []
    if cjk:
        packed, offsets = compact(text)
        for m in matcher(cjk).find(packed):
            s, e = offsets[m.start], offsets[m.end - 1] + 1
            hits.append(Hit(where, s, e, text[s:e], m.phrase))
    if latin is not None and LATIN.search(normalize(text)):
        for m in latin.finditer(normalize(text)):
            hits.append(Hit(where, m.start(), m.end(), text[m.start() : m.end()], m.group(0)))
    hits.sort(key=lambda h: (h.start, -h.end))
    return tuple(hits)


def find_pattern(
    pattern: re.Pattern[str], text: str, where: str = "text", *, packed: bool = True
) -> list[Hit]:
    """Matches of `pattern`, with spans into what the creator typed.

    Chinese patterns (`packed`) run on the normalised text without punctuation or spaces, as
    lexicon entries do, so "观众朋友们，大家好！" is 观众朋友们大家好; English patterns run on
    the normalised text, spaces kept.
    """
    if not text:
        return []
    if not packed:
        return [
            Hit(where, m.start(), m.end(), text[m.start() : m.end()], m.group(0))
            for m in pattern.finditer(normalize(text))
        ]
    flat, offsets = compact(text)
    hits = []
    for m in pattern.finditer(flat):
        if m.end() > m.start():
            s, e = offsets[m.start()], offsets[m.end() - 1] + 1
            hits.append(Hit(where, s, e, text[s:e], m.group(0)))
    return hits


def outside(hits: Iterable[Hit], guards: Iterable[Hit]) -> list[Hit]:
    """`hits` not lying inside a guard hit: 炸锅 inside 空气炸锅 is part of an ordinary word."""
    spans = [(g.where, g.start, g.end) for g in guards]
    return [h for h in hits if not any(w == h.where and s <= h.start and h.end <= e for w, s, e in spans)]


def find_in(ctx: Context, lexicon: str, wheres: Iterable[str]) -> list[Hit]:
    phrases = ctx.packs.lexicon(lexicon)
    return [h for w in wheres for h in find(phrases, source(ctx.draft, w), w)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or clause-ending chunk of `text`."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def snippet(text: str, start: int, end: int, width: int = 14) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b].replace("\n", " ") + ("…" if b < len(text) else "")


def evidence(ctx: Context, hit: Hit) -> str:
    text = source(ctx.draft, hit.where)
    shown = text if hit.where == "name" or len(text) <= 40 else snippet(text, hit.start, hit.end)
    return (
        f"{ctx.t(FIELD_LABEL[hit.where])}：{shown}"
        if ctx.lang != "en"
        else f"{ctx.t(FIELD_LABEL[hit.where])}: {shown}"
    )


def finding_at(
    ctx: Context,
    rule: Rule,
    message: L,
    hit: Hit,
    *,
    fixes: Iterable[Fix] = (),
    severity: Severity | None = None,
    **fmt: object,
) -> Finding:
    return ctx.finding(
        rule,
        message,
        severity=severity,
        target=TARGET[hit.where],
        span=(hit.start, hit.end),
        evidence=evidence(ctx, hit),
        fixes=fixes,
        **fmt,
    )
