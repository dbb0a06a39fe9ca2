"""The commercial frame shared by the advertising rules: is this post selling something?

A post is commercial when it offers a way to buy (a cart, a link, a group-buy voucher, a discount
code, an order instruction — lexicon `commerce_channels`), discloses or betrays paid promotion
(品牌方, 恰饭, #ad, sponsored — `commerce_sponsorship`), piles up selling pressure (two different
`commerce_offers`: 到手价 + 手慢无), makes an offer with the seller's contact (团购 + 加扣扣, 价格好商量 + a WeChat id), carries the
`advertising` declaration, or labels itself an ad (【广告】, 广告｜, #ad — a label standing on its
own: a post that says it is an ad is one, and the ad-content rules bind it; 推广垃圾分类 or 广告公司
hold the word, not a label). A cue that is denied
(不是恰饭, 链接就不放了, not sponsored — `commerce_negation`) or that names a link which is not a way
to buy (原文链接, 报名链接 — `commerce_channel_guards`) does not count. An honest review, a diary
or a haul without a way to buy is therefore not an ad, however enthusiastic it is.

The helpers here (`post_hits`, `sentence_at`, `quoted`) read lexicons through the one text layer
(checks.text.layer: evasions folded, one `Span` type); the other commerce rules use them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checks.rules.base import Context
from checks.rules.evidence import source
from checks.text.labels import Label
from checks.text.layer import Span, find, find_words, pattern_matches
from checks.vocabulary.normalize import normalize

Hit = Span  # a lexicon hit: target (title | text), offsets into what the creator typed

WHERES = ("title", "text")
FRAME_LEXICONS = ("commerce_channels", "commerce_sponsorship", "commerce_offers", "commerce_negation",
                  "commerce_channel_guards", "contact_handles")  # fmt: skip
ASCII_NEG = re.compile(r"\b(?:not|no|non|isn't|without|never)\b[\w\s'-]{0,14}$")
LABEL_OPENERS = "【[（(#＃|｜:：-—·•"
QUOTES = re.compile(
    r"《[^《》\n]{1,30}》|「[^「」\n]{1,30}」|“[^“”\n]{1,30}”|\"[^\"\n]{1,30}\"|『[^『』\n]{1,30}』"
)


@dataclass(frozen=True)
class Frame:
    """Why a post is commercial: the cues found (empty when only declared or labelled), the
    declaration, and whether the post labels itself an ad (广告, sponsored, #ad)."""

    cues: tuple[Hit, ...]
    declared: bool
    labelled: bool = False

    def evidence(self) -> str:
        shown = ", ".join(dict.fromkeys(h.text for h in self.cues[:4]))
        return shown or "advertising"


def keys(entries: tuple[str, ...]) -> tuple[str, ...]:
    """Lexicon entries without their substitution part ("最佳=很好" → "最佳")."""
    return _keys(entries)


@lru_cache(maxsize=64)
def _keys(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for e in entries if (k := e.partition("=")[0].strip())))


def post_hits(ctx: Context, lexicon: str, wheres: tuple[str, ...] = WHERES) -> list[Hit]:
    """A lexicon's phrases (evasions folded) and patterns (on the normalised text) in the title and
    text, in reading order. A substitution lexicon ("最佳=很好") is matched by its claims."""
    entries = ctx.packs.lexicon(lexicon)
    substitution = any("=" in e for e in entries)
    found: list[Hit] = []
    for where in wheres:
        text = source(ctx.draft, where)
        if not text:
            continue
        if not substitution:
            found += find(ctx.packs, lexicon, text, where)
            continue
        found += find_words(ctx.packs, keys(entries), text, where)
        found += [
            Span(where, m.start(), m.end(), text[m.start() : m.end()], m.group(0), lexicon)
            for m in pattern_matches(ctx.packs, lexicon, normalize(text))
            if m.end() > m.start()
        ]
    found.sort(key=lambda h: (WHERES.index(h.target) if h.target in WHERES else 9, h.start, -h.end))
    return found


def sentence_at(ctx: Context, where: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of `where` (title | text) holding offset `pos` (the shared
    sentence split of the text analysis)."""
    for seg in ctx.text.sentences:
        if seg.target == where and seg.start <= pos < seg.end:
            return seg.start, seg.end
    return pos, pos


def same_sentence(ctx: Context, a: Hit, b: Hit) -> bool:
    return a.target == b.target and sentence_at(ctx, a.target, a.start) == sentence_at(ctx, b.target, b.start)


def quoted(ctx: Context, hit: Hit) -> bool:
    """The hit lies inside a quoted name or title (《最强大脑》, 「第一家」, "Best Buy")."""
    text = source(ctx.draft, hit.target)
    return any(m.start() <= hit.start and hit.end <= m.end() for m in QUOTES.finditer(text))


def negated(ctx: Context, hit: Hit) -> bool:
    """A denial right before the cue (不是恰饭, 没有任何合作, not sponsored) or right after a
    channel (链接就不放了)."""
    text = normalize(source(ctx.draft, hit.target))
    before = text[max(0, hit.start - 24) : hit.start]
    if hit.text.isascii():
        if ASCII_NEG.search(before):
            return True
    else:
        for neg in ctx.packs.lexicon("commerce_negation"):
            if neg.isascii():
                continue
            window = before[-(len(neg) + (2 if len(neg) > 1 else 1)) :]
            at = window.rfind(neg)
            if at != -1 and not any(not c.isalnum() for c in window[at + len(neg) :]):
                return True
    after = text[hit.end : hit.end + 8]
    return any(rx.match(after) for rx in ctx.packs.patterns("commerce_negation"))


def _overlaps(hit: Hit, guards: list[Hit]) -> bool:
    return any(g.target == hit.target and g.start < hit.end and hit.start < g.end for g in guards)


def live(ctx: Context, lexicon: str) -> list[Hit]:
    """Hits of a commerce lexicon that are neither denied nor a guarded non-buying link."""
    guards = post_hits(ctx, "commerce_channel_guards")
    return [h for h in post_hits(ctx, lexicon) if not negated(ctx, h) and not _overlaps(h, guards)]


def label_shaped(ctx: Context, label: Label) -> bool:
    """The label stands on its own (【广告】, 广告｜…, #ad): it opens its line or follows a bracket or
    hash, and no word runs on after it (广告公司, 推广垃圾分类 are words, not labels)."""
    text = source(ctx.draft, label.target)
    before = text[: label.start].rsplit("\n", 1)[-1]
    after = text[label.end : label.end + 1]
    if after and (after.isalnum() or after == "_"):
        return False
    return not before.strip() or before.rstrip()[-1] in LABEL_OPENERS


def commercial_frame(ctx: Context) -> Frame | None:
    """The post's commercial frame, or None for a post that sells nothing (computed once)."""
    if "commerce_frame" not in ctx.extra:
        ctx.extra["commerce_frame"] = _frame(ctx)
    frame: Frame | None = ctx.extra["commerce_frame"]
    return frame


def _frame(ctx: Context) -> Frame | None:
    declared = "advertising" in ctx.draft.declarations
    cues = live(ctx, "commerce_channels") + live(ctx, "commerce_sponsorship")
    offers = live(ctx, "commerce_offers")
    contacts = post_hits(ctx, "contact_handles") if offers else []
    if len({normalize(h.phrase) for h in offers}) >= 2 or contacts:
        cues += offers + contacts  # selling pressure piled up, or an offer with the seller's contact
    cues.sort(key=lambda h: (WHERES.index(h.target), h.start))
    labelled = any(label_shaped(ctx, lb) for lb in ctx.text.labels_of("advertising", "ok"))
    if not cues and not declared and not labelled:
        return None
    return Frame(tuple(cues), declared, labelled)
