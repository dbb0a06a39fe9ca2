"""An account posing as a news outlet, or a post dressed as a TV news programme.

N2023-1 / SA2023-2.1 forbid account information imitating news media: a real outlet's name
(人民日报精选摘抄, CCTV Daily Highlights), an outlet-style name (上海午报, 廣州今日快訊), or a weak
outlet word made outlet-like by a place or a news-desk modifier (成都新闻眼, 动态新闻). SA2023-2.2
forbids dressing content as a TV news programme (各位观众晚上好…欢迎收看). Naming an outlet as a
source in the text (据人民日报报道) is attribution, not imitation, so the text is only checked
for broadcast openings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.evidence import finding_at, source
from checks.text.claims import OUTLET_LEXICONS
from checks.text.divisions import DIVISION_LEXICONS
from checks.text.layer import Span, find, search, search_folded

ACCOUNT_MESSAGE = L(
    zh="账号信息仿冒新闻媒体（“{word}”），自媒体账号不得使用新闻媒体或类似媒体的名称",
    en="The account imitates a news outlet ('{word}'); self-media accounts must not use outlet or outlet-style names",
)
TEXT_MESSAGE = L(
    zh="内容模仿电视新闻节目播报（“{word}”），不得以新闻节目形式包装自媒体内容",
    en="The post is dressed as a TV news programme ('{word}')",
)
# The shapes of a broadcast, beyond the fixed phrases of `tv_news_openings`: an anchor's greeting
# to viewers (各位观众/观众朋友们 + 大家/晚上…好), a programme welcome (欢迎收看…新闻/节目), a
# station ident (这里是…新闻/电视台). Chinese patterns see the text without punctuation.
BROADCAST_ZH = re.compile(
    r"(各位观众(朋友们?)?|(亲爱的)?观众朋友们?)(大家)?(早上|上午|中午|下午|晚上|早|午|晚)?好"
    r"|欢迎(收看|收听)[^我]{0,10}?(新闻|节目|联播|播报|快讯)"
    r"|这里是[^的我]{0,10}?(新闻|电视台|卫视|广播电台)"
)
BROADCAST_EN = re.compile(
    r"\bgood (morning|afternoon|evening)\b[^.!?\n]{0,40}?\b(this is|welcome to|you're watching|you are watching)\b"
    r"[^.!?\n]{0,40}?\bnews\b"
    r"|\b(welcome to|you're watching|you are watching) (tonight's|this evening's|today's|the) [a-z0-9' ]{0,25}?news\b"
)


def account_hits(ctx: Context) -> list[Span]:
    """Outlet claims of the account (computed once in the text analysis: checks.text.claims)."""
    return list(ctx.text.claims.outlets)


def broadcast_hits(ctx: Context) -> list[Span]:
    openings = "tv_news_openings"
    hits: list[Span] = []
    for where in ("title", "text"):
        text = source(ctx.draft, where)
        found = find(ctx.packs, openings, text, where) + search_folded(ctx.packs, BROADCAST_ZH, text, where)
        found += search(BROADCAST_EN, text, where)
        hits += sorted(found, key=lambda h: (h.start, -h.end))
    return hits


def check(ctx: Context) -> Iterator[Finding]:
    for hit in account_hits(ctx)[:1]:
        fixes = account_fixes.rename(ctx, hit.start, hit.end) if hit.target == "name" else []
        fixes.append(
            account_fixes.manual(
                ctx,
                L(
                    zh="如确为该媒体的官方账号，请在平台完成媒体机构认证",
                    en="If this is the outlet's own account, complete the platform's media verification",
                ),
            )
        )
        yield finding_at(ctx, RULE, ACCOUNT_MESSAGE, hit, fixes=fixes, word=hit.text)
    for hit in broadcast_hits(ctx)[:1]:
        fix = account_fixes.manual(
            ctx,
            L(
                zh="删去“各位观众”“本台”等新闻播报用语，以个人口吻表述",
                en="Remove news-anchor phrases such as 'good evening, viewers' or 'this station' and speak as yourself",
            ),
        )
        yield finding_at(ctx, RULE, TEXT_MESSAGE, hit, fixes=(fix,), word=hit.text)


RULE = Rule(
    id="impersonation_media",
    clause="SA2023-2.1",
    related_clauses=("N2023-1", "SA2023-2.2"),
    severity=Severity.ERROR,
    title=L(zh="仿冒新闻媒体", en="Imitates a news outlet"),
    doc=RuleDoc(
        what=L(
            zh="检查账号名称或简介是否含有新闻媒体名称（人民日报、新华社、央视/CCTV……）或类媒体名称（××日报、××电视台、地名+新闻/头条/快讯），以及正文是否模仿电视新闻播报（“各位观众晚上好”“本台记者”）。正文中注明“据人民日报报道”属于来源标注，不算仿冒。",
            en="Flags account names or bios containing a news outlet's name (人民日报, 新华社, CCTV…) or an outlet-style name (…日报, …电视台, place + 新闻/头条/快讯), and text dressed as a TV news broadcast (各位观众晚上好, 本台记者). Citing an outlet as a source in the text is attribution and is not flagged.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第1条、专项整治通知要求账号不得仿冒新闻媒体，内容不得以新闻节目形式包装，以免用户误以为是权威报道。",
            en="The 2023 notice (art. 1) and special action forbid accounts imitating news media and content dressed as a TV news programme, which users would mistake for authoritative reporting.",
        ),
        example=L(
            zh="账号名称“人民日报精选摘抄”“成都新闻眼”；正文开头“各位观众，晚上好！欢迎收看本期节目”。",
            en="Account names such as 人民日报精选摘抄 or CCTV Daily Highlights; text opening 'Good evening, viewers, welcome to tonight's news'.",
        ),
        fix=L(
            zh="建议改名（不自动应用，须你确认）；删去新闻播报用语。",
            en="Suggests a new name (unsafe: you confirm it); remove the news-anchor phrases.",
        ),
    ),
    check=check,
    lexicons=(*OUTLET_LEXICONS, "tv_news_openings", *DIVISION_LEXICONS),
)
