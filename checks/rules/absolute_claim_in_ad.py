"""Absolute claims in a commercial post (ADL-9.3): 国家级, 最高级, 最佳, 全网最低, 史上最…

Only ads are bound: 最好吃的一顿 in a diary and "best ever" in a review without a way to buy are
fine, so the rule reads the commercial frame first. Inside the ad, a superlative is not the
advertiser's claim when it is part of a quoted name (《最强大脑》, 「第一家」) or when its sentence
names the ranking's source (据…数据, 荣获…榜第一 — `absolute_claim_guards`); ordinary phrases that
contain one (唯一的缺点, 最好提前预约, the best part) are `absolute_claim_nonclaims`. The lexicon
`absolute_claims` is a Vale-style substitution ("最佳=很好"): the fix offers the replacement.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import (
    FRAME_LEXICONS,
    Hit,
    commercial_frame,
    post_hits,
    quoted,
    same_sentence,
)
from checks.rules.evidence import finding_at
from checks.text.layer import outside
from checks.vocabulary.normalize import normalize

LEXICONS = (*FRAME_LEXICONS, "absolute_claims", "absolute_claim_guards", "absolute_claim_nonclaims")
MAX_FINDINGS = 5
MESSAGE = L(
    zh="广告中不得使用“国家级”“最高级”“最佳”等绝对化用语（“{claim}”）",
    en="Ads must not use absolute claims such as 国家级, 最高级, 最佳 ('{claim}')",
)


def substitutions(ctx: Context) -> dict[str, str]:
    """claim → suggested replacement ("" when the advice is to delete it), keys normalised."""
    table: dict[str, str] = {}
    for entry in ctx.packs.lexicon("absolute_claims"):
        claim, _, repl = entry.partition("=")
        table.setdefault(
            normalize("".join(claim.split()) if not claim.isascii() else claim.strip()), repl.strip()
        )
    return table


def claims(ctx: Context) -> list[Hit]:
    """Superlatives that are the advertiser's own claim (not quoted, not sourced, not idiom)."""
    found = outside(post_hits(ctx, "absolute_claims"), post_hits(ctx, "absolute_claim_nonclaims"))
    guards = post_hits(ctx, "absolute_claim_guards")
    kept: list[Hit] = []
    for h in sorted(found, key=lambda h: (h.target, h.start, -h.end)):
        if kept and kept[-1].target == h.target and h.start < kept[-1].end:
            continue  # 史上最 inside 史上最好用: one claim
        if not quoted(ctx, h) and not any(same_sentence(ctx, h, g) for g in guards):
            kept.append(h)
    kept.sort(key=lambda h: (h.target != "title", h.start))
    return kept


def check(ctx: Context) -> Iterator[Finding]:
    if commercial_frame(ctx) is None:
        return
    table = substitutions(ctx)
    seen: set[str] = set()
    for hit in claims(ctx):
        key = normalize(hit.phrase)
        if key in seen:
            continue
        seen.add(key)
        repl = table.get(key, "")
        if repl:
            fix = Fix(
                FixKind.INSERT_TEXT,
                ctx.t(L(zh="把“{a}”改为“{b}”", en="Replace '{a}' with '{b}'"), a=hit.text, b=repl),
                Applicability.UNSAFE,
                {"text": repl, "where": "replace", "span": [hit.start, hit.end], "target": hit.target},
            )
        else:
            fix = Fix(
                FixKind.INSERT_TEXT,
                ctx.t(L(zh="删去“{a}”", en="Delete '{a}'"), a=hit.text),
                Applicability.UNSAFE,
                {"text": "", "where": "replace", "span": [hit.start, hit.end], "target": hit.target},
            )
        yield finding_at(ctx, RULE, MESSAGE, hit, fixes=(fix,), claim=hit.text)
        if len(seen) >= MAX_FINDINGS:
            return


RULE = Rule(
    id="absolute_claim_in_ad",
    clause="ADL-9.3",
    severity=Severity.ERROR,
    title=L(zh="广告使用绝对化用语", en="Absolute claims in an ad"),
    doc=RuleDoc(
        what=L(
            zh="在带货、推广等商业内容（有购买方式、品牌合作或营销推广声明）中查找绝对化用语：国家级、最高级、最佳、第一品牌、全网最低、史上最…、顶级、the best、#1 等。日记里的“最好吃的一顿”、没有购买方式的测评里的“best ever”不算；书名号/引号里的名称（《最强大脑》）和注明来源的排名（据某榜单数据）不算。",
            en="Looks for absolute claims (国家级, 最高级, 最佳, 第一品牌, 全网最低, 史上最…, 顶级, the best, #1 …) in commercial posts (a way to buy, paid promotion or an advertising declaration). 最好吃的一顿 in a diary or 'best ever' in a review without a link is fine; quoted names (《最强大脑》) and rankings with a named source are skipped.",
        ),
        why=L(
            zh="《广告法》第9条第3项：广告不得使用“国家级”“最高级”“最佳”等用语。",
            en="Art. 9(3) of the Advertising Law: ads must not use 国家级, 最高级, 最佳 or similar terms.",
        ),
        example=L(
            zh="“全网最低价！史上最好用的面霜，小黄车已挂。”",
            en="'The best serum ever made, #1 in the world — link in bio.'",
        ),
        fix=L(
            zh="把每个绝对化用语换成规则包里建议的说法（如“最佳”→“很好”），没有建议的删去；会改动正文，须你确认后应用（unsafe）。代理机构可在规则包 absolute_claims 词表里增补“用语=建议”。",
            en="Replaces each claim with the pack's suggestion (最佳 → 很好) or deletes it; changes your text, so it is applied only after you confirm (unsafe). Agencies extend the `absolute_claims` lexicon with 'claim=suggestion' entries.",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
