"""Inducing users to follow ANOTHER account (N2023-7b).

防失联, 提前关注 and 备用号 send the audience to a second account so that a penalty on this one
costs nothing; withheld payoffs do the same (完整版在小号, 结局在另一个号). Asking users to
follow this account (点个关注不迷路, 完整版在我主页合集, follow me for more) is allowed. Because 小号
is also a trumpet and 大号 a size, a word naming another account (listed, or shaped: 另一个/
备用/置顶的那个 + 号/账号/频道, my other page) counts only in a clause that also asks for a
follow, withholds the payoff or sends users there (移步, 都在, go follow). A private channel
(加微信, QQ群 — evasions such as 加V信 / 薇❤ folded by the text layer) counts with a reason to
move: this account may be lost (号随时会没) or the content continues there (以后在那边更新).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.evidence import finding_at, source
from checks.text.layer import Span, find

CLAUSE_END = re.compile(r"[，,。！？!?；;\n]+|\.(?=\s|$)")
# "@小鹿追剧2号", "“阿欣日常2”", "@leo_eats_2": a second account named after this one.
NUMBERED_HANDLE = re.compile(
    r"@[\w\u4e00-\u9fff]{1,20}?(?<!\d)[2-9２-９](?!\d)"
    r"|[“\"「][\w\u4e00-\u9fff]{2,20}?(?<!\d)(?:[2-9２-９]|二|三)号?[”\"」]"
)


def clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in CLAUSE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


MESSAGE = L(
    zh="诱导用户关注其他账号（“{phrase}”），不得以“防失联”“提前关注”、悬念等方式引导关注其他账号",
    en="The post induces users to follow another account ('{phrase}')",
)


def inducement_hits(ctx: Context) -> list[Span]:
    packs = ctx.packs
    strong = "follow_other_strong"
    targets = "follow_other_targets"
    requests = "follow_requests"
    allowed = "follow_self_allowed"
    found: list[Span] = []
    for where in ("title", "text"):
        text = source(ctx.draft, where)
        found += find(packs, strong, text, where)
        for start, end in clauses(text):
            sentence = text[start:end]
            ok = find(packs, allowed, sentence)
            tgt = [
                t for t in find(packs, targets, sentence) if not any(a.start <= t.start < a.end for a in ok)
            ]
            tgt += [
                Span(where, m.start(), m.end(), m.group(0), "handle")
                for m in NUMBERED_HANDLE.finditer(sentence)
            ]
            if tgt and find(packs, requests, sentence):
                t = tgt[0]
                found.append(Span(where, start + t.start, start + t.end, t.text, t.phrase))
    found += _private_diversions(ctx)
    found.sort(key=lambda h: (h.target != "title", h.start))
    return found or find(packs, strong, source(ctx.draft, "bio"), "bio")


def _private_diversions(ctx: Context) -> list[Span]:
    """A private channel (加微信, QQ群, 公众号 — evasions folded by the text layer) with a reason
    to move there: this account may be lost (anywhere in the post: 号随时会没), or the content
    continues there (same sentence: 以后在那边更新)."""
    ta = ctx.text
    loss = bool(ta.find("follow_account_loss"))
    moved = ta.find("follow_moved")
    channels = ta.find("follow_private_channels")
    out = []
    for c in channels:
        sent = ta.sentence_of(c)
        if loss or (sent and any(m.target == c.target and sent.start <= m.start < sent.end for m in moved)):
            out.append(c)
    return out


def check(ctx: Context) -> Iterator[Finding]:
    hits = inducement_hits(ctx)
    if not hits:
        return
    hit = hits[0]
    text = source(ctx.draft, hit.target)
    start = max((text.rfind(p, 0, hit.start) for p in "。！？!?\n"), default=-1) + 1
    ends = [i for p in "。！？!?\n" if (i := text.find(p, hit.end)) != -1]
    end = min(ends) + 1 if ends else len(text)
    if hit.target == "bio":
        fix = Fix(
            kind=FixKind.EDIT_ACCOUNT,
            title=ctx.t(
                L(
                    zh="从账号简介删去引导关注其他账号的话",
                    en="Remove the pointer to another account from the bio",
                )
            ),
            applicability=Applicability.UNSAFE,
            payload={"field": "bio", "value": (text[:start] + text[end:]).strip()},
        )
        yield finding_at(ctx, RULE, MESSAGE, hit, fixes=(fix,), phrase=hit.text)
        return
    fix = Fix(
        kind=FixKind.INSERT_TEXT,
        title=ctx.t(
            L(zh="删除引导关注其他账号的句子", en="Delete the sentence that sends users to another account")
        ),
        applicability=Applicability.UNSAFE,
        payload={"text": "", "where": "replace", "span": [start, end], "target": hit.target},
    )
    yield finding_at(ctx, RULE, MESSAGE, hit, fixes=(fix,), phrase=hit.text)


RULE = Rule(
    id="follow_inducement",
    clause="N2023-7b",
    severity=Severity.ERROR,
    title=L(zh="诱导用户关注其他账号", en="Inducing users to follow another account"),
    doc=RuleDoc(
        what=L(
            zh="检查标题和正文是否引导用户关注其他账号：“防失联”“提前关注”“关注小号/备用号”“完整版在小号”“结局在另一个号”等。账号简介中的“防失联”“备用号”等也会检查。引导关注本账号（“点个关注不迷路”“完整版在我主页合集”）不算。",
            en="Flags titles and text that send users to another account: 防失联 (in case we get lost), 提前关注, follow my backup/second account, the full version or ending is on another account. The bio is checked for the unambiguous phrases too. Asking users to follow this account (点个关注不迷路, follow me for more) is fine.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第7条禁止以“防失联”“提前关注”、制造悬念等方式诱导用户关注其他账号。",
            en="Article 7 of the 2023 self-media notice forbids inducing users to follow other accounts through 防失联, 提前关注, suspense or similar.",
        ),
        example=L(
            zh="“这个号随时可能被限流，防失联大家关注一下我的小号”。",
            en="'Full video on my backup account, follow it in case this one gets banned.'",
        ),
        fix=L(
            zh="删除该句（会改动正文，须你确认后应用）。",
            en="Deletes the sentence (changes your text: unsafe, applied only after you confirm).",
        ),
    ),
    check=check,
    lexicons=(
        "follow_other_strong", "follow_other_targets", "follow_requests", "follow_self_allowed",
        "follow_private_channels", "follow_account_loss", "follow_moved",
    ),
)
