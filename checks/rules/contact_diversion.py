"""Contact details that take users off the platform: phone numbers, WeChat/QQ handles, other
platforms with an add/follow request (platform rules; N2023-7b where it induces following another
account).

Creators dodge the platforms' filters with evasions — V, vx, 薇信, 威信, 绿泡泡, 加我 + digits,
spaced or dotted characters — so `contact_handles` holds patterns that allow separators and
variants, and phrases are matched with punctuation and spaces removed (加 微 信 is 加微信). A
platform's name diverts only in a sentence that also asks the reader to add, follow or search it
and speaks to them (我/来/去…): 据微博网友爆料 is a citation, 微博同名来找我 a diversion. The
post's own platform is never "another platform". No law forbids a phone number; the platforms'
rules against off-site diversion do, so the finding is a warning that cites them as advice, and
names N2023-7b when the diversion is to follow another account (that duty is `follow_inducement`'s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from checks.i18n import L
from checks.model import Finding, Severity
from checks.platforms import platform_name
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import Hit, post_hits, sentence_at
from checks.rules.evidence import finding_at, source
from checks.text.layer import search_folded
from checks.vocabulary.normalize import normalize

LEXICONS = ("contact_handles", "contact_platforms", "contact_requests")
ADDRESSED = re.compile(r"我|来|去|快|欢迎|记得|可以|请|私|\b(?:me|my|us|our)\b")
FOLLOW = re.compile(r"关注|follow|subscribe")
MESSAGE = L(
    zh="正文留有站外联系方式或引流到其他平台（“{found}”），平台规则禁止站外引流",
    en="The post gives off-platform contact details or sends users to another platform ('{found}'); platform rules forbid off-site diversion",
)
FOLLOW_OTHER = L(
    zh="引导用户到其他平台关注账号（“{found}”）：平台规则禁止站外引流，诱导关注其他账号也违反《关于加强“自媒体”管理的通知》第7条",
    en="The post sends users to follow an account on another platform ('{found}'): platform rules forbid off-site diversion, and inducing users to follow other accounts breaches art. 7 of the 2023 self-media notice",
)


def _own_platform(ctx: Context, hit: Hit) -> bool:
    names = {normalize(platform_name(ctx.draft.platform, lang)) for lang in ("zh", "en")}
    names |= {"b站", "哔哩哔哩"} if ctx.draft.platform == "bilibili" else set()
    names |= {"公众号", "视频号"} if ctx.draft.platform == "wechat" else set()
    return normalize(hit.text).replace(" ", "") in {n.replace(" ", "") for n in names}


def platform_hits(ctx: Context) -> list[Hit]:
    """Other platforms named in a sentence that asks the reader to add, follow or search them."""
    requests = post_hits(ctx, "contact_requests")
    found = []
    for hit in post_hits(ctx, "contact_platforms"):
        if _own_platform(ctx, hit):
            continue
        start, end = sentence_at(ctx, hit.target, hit.start)
        sentence = normalize(source(ctx.draft, hit.target)[start:end])
        asked = [r for r in requests if r.target == hit.target and start <= r.start < end and not (
            hit.start <= r.start < hit.end)]  # fmt: skip
        if asked and ADDRESSED.search(sentence):
            found.append(hit)
    return found


def contact_hits(ctx: Context) -> list[Hit]:
    """Phone numbers, messenger handles and add-me requests in the title and text. The handle
    patterns also run on the folded text (checks.text.layer), so 威 信 号 / 薇❤ spellings match."""
    found = post_hits(ctx, "contact_handles")
    for where in ("title", "text"):
        text = source(ctx.draft, where)
        for rx in ctx.packs.patterns("contact_handles"):
            for hit in search_folded(ctx.packs, rx, text, where, "contact_handles"):
                if not any(h.target == where and h.start < hit.end and hit.start < h.end for h in found):
                    found.append(hit)
    found.sort(key=lambda h: (h.target != "title", h.start))
    return found


def check(ctx: Context) -> Iterator[Finding]:
    handles = contact_hits(ctx)
    platforms = platform_hits(ctx)
    if not handles and not platforms:
        return
    fix = ctx.manual_fix(
        L(
            zh="删去电话号码、微信/QQ号和站外平台引导；需要联系时使用平台的私信或官方商务功能",
            en="Remove phone numbers, WeChat/QQ handles and pointers to other platforms; use the platform's messages or its official business tools",
        )
    )
    if handles:
        hit = handles[0]
        yield finding_at(ctx, RULE, MESSAGE, hit, fixes=(fix,), found=hit.text)
        return
    hit = platforms[0]
    start, end = sentence_at(ctx, hit.target, hit.start)
    follow = FOLLOW.search(normalize(source(ctx.draft, hit.target)[start:end]))
    found = finding_at(ctx, RULE, FOLLOW_OTHER if follow else MESSAGE, hit, fixes=(fix,), found=hit.text)
    yield replace(found, clause="N2023-7b") if follow else found


RULE = Rule(
    id="contact_diversion",
    clause="PLATFORM-DIVERSION",
    related_clauses=("N2023-7b",),
    severity=Severity.WARNING,
    title=L(
        zh="站外引流（联系方式、其他平台）", en="Off-platform diversion (contact details, other platforms)"
    ),
    doc=RuleDoc(
        what=L(
            zh="查找正文里的电话号码、微信/QQ号（含 V、vx、薇信、威信、绿泡泡、加我+数字、加 微 信 等变体）和“去淘宝搜”“小红书同名”“关注我的公众号”等引到其他平台的话。引用其他平台的消息（据微博网友爆料）不算，发布平台本身不算。",
            en="Finds phone numbers, WeChat/QQ handles (with evasions: V, vx, 薇信, 威信, 绿泡泡, 加我 + digits, spaced 加 微 信) and pointers to other platforms ('search my Taobao shop', 'same name on Xiaohongshu', 'follow my Official Account'). Citing another platform (据微博网友爆料) and the post's own platform are fine.",
        ),
        why=L(
            zh="各平台社区规范禁止站外引流（留联系方式、导流到其他平台），这是平台规则而非法律条款，因此只作提醒；引导关注其他平台账号时，同时属于《关于加强“自媒体”管理的通知》第7条禁止的诱导关注其他账号。",
            en="The platforms' community rules forbid off-site diversion (contact details, sending users to other platforms); that is platform policy, not law, so this is a warning. Sending users to follow an account elsewhere is also inducing them to follow another account, which art. 7 of the 2023 self-media notice forbids.",
        ),
        example=L(
            zh="“需要的姐妹加我薇❤：mei_2024，或者去闲鱼搜同名。”",
            en="'DM me on WhatsApp +86 138 1234 5678 for the price.'",
        ),
        fix=L(
            zh="删去联系方式和站外引导，改用平台私信或官方商务功能（须你手动修改）。",
            en="Remove the contact details and pointers; use the platform's messages or business tools (manual).",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
