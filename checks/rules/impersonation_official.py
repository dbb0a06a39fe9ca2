"""An account name or bio posing as a Party, government or military organ or public institution.

N2023-1 and SA2023-2.1 forbid account information that imitates organs: 交警路况提醒, 疾控健康提醒,
教育考试院通知, 临安发布. A name containing an organ word poses as that organ unless the word is
someone's past or relation (退休民警老张, 法院家属). In the bio, an organ word counts only with a
claim of official standing (权威通报), because bios routinely mention where someone works.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.division_names import division_hits
from checks.rules.evidence import finding_at, source
from checks.text.layer import Span, find
from checks.vocabulary.normalize import normalize

MESSAGE = L(
    zh="账号信息仿冒党政军机关或事业单位（“{word}”），普通自媒体账号不得使用此类名称",
    en="The account imitates a Party, government or military organ or public institution ('{word}')",
)
GUARD_WINDOW = 3
# 国家反诈中心, 国家税务总局, 省委宣传部, 市政府办公室: organ names built on a pattern.
ORGAN_PATTERN = re.compile(
    r"国家[\u4e00-\u9fff]{1,6}?(总局|局|部|委员会|署|中心)|(省|市|县|区)(委|政府|人大|政协|纪委)(?![\u4e00-\u9fff]{0,2}(粉丝|迷))"
)


RELATIONS = ("学生", "徒弟", "弟子", "学员", "粉丝", "家人", "助理", "司机", "邻居")


def _guarded(ctx: Context, text: str, hit: Span) -> bool:
    """Someone's past (退休民警), a topic (聊税务), a school or dish (公安大学, 部队火锅), or a
    relation: "法院家属", "税务局老李的学生" — a relation is not the organ."""
    norm = normalize(text)
    before = norm[max(0, hit.start - GUARD_WINDOW) : hit.start]
    after = norm[hit.end :].lstrip()
    if any(g in before for g in ctx.packs.lexicon("official_guards_before")) or after.startswith(
        ctx.packs.lexicon("official_guards_after")
    ):
        return True
    relation = after.find("的")
    if 0 <= relation <= 3:
        tail = after[relation + 1 :]
        return tail.startswith(RELATIONS) or tail.startswith(tuple(ctx.packs.lexicon("kinship_words")))
    return False


def organ_hits(ctx: Context) -> list[Span]:
    """Organ words in the name (unguarded), in the bio with a claim of official standing, and
    division + official-claim names (杭州发布, 朝阳政务)."""
    packs = ctx.packs
    organs = "official_organs"
    claims = "official_claim_words"
    name = source(ctx.draft, "name")
    found = [h for h in find(packs, organs, name, "name") if not _guarded(ctx, name, h)]
    found += [
        Span("name", m.start(), m.end(), name[m.start() : m.end()], "pattern")
        for m in ORGAN_PATTERN.finditer(normalize(name))
    ]
    found.sort(key=lambda h: (h.start, h.start - h.end))
    if not found and division_hits(name, packs):
        found = find(packs, claims, name, "name") or find(packs, "official_division_words", name, "name")
    if not found:
        bio = source(ctx.draft, "bio")
        if find(packs, claims, bio, "bio"):
            found = [h for h in find(packs, organs, bio, "bio") if not _guarded(ctx, bio, h)]
    return found


def check(ctx: Context) -> Iterator[Finding]:
    for hit in organ_hits(ctx)[:1]:
        fixes = account_fixes.rename(ctx, hit.start, hit.end) if hit.target == "name" else []
        fixes.append(
            account_fixes.manual(
                ctx,
                L(
                    zh="如确为该机构的官方账号，请在平台完成政务/机构认证",
                    en="If this is the organ's own account, complete the platform's government/institution verification",
                ),
            )
        )
        yield finding_at(ctx, RULE, MESSAGE, hit, fixes=fixes, word=hit.text)


RULE = Rule(
    id="impersonation_official",
    clause="SA2023-2.1",
    related_clauses=("N2023-1",),
    severity=Severity.ERROR,
    title=L(zh="账号仿冒党政军机关或事业单位", en="Account imitates an official organ"),
    doc=RuleDoc(
        what=L(
            zh="检查账号名称是否含有机关或事业单位名称（公安、交警、法院、政府、疾控、教育考试院、武警……），或“地名+发布/官方/政务”；简介中机关名称须伴随“官方、权威、通报”等官方口吻才算。“退休民警”“法院家属”等不算。",
            en="Flags an account name containing an organ or public-institution word (公安, 交警, 法院, 政府, 疾控, 教育考试院, 武警…) or 'place + 发布/官方/政务'; in the bio only together with a claim of official standing (官方, 权威, 通报). 'Retired police officer' and similar are ignored.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第1条及专项整治通知要求自媒体账号不得仿冒党政军机关、事业单位，避免误导公众。",
            en="Article 1 of the 2023 self-media notice and the special action forbid self-media accounts that counterfeit Party, government or military organs or public institutions.",
        ),
        example=L(
            zh="账号名称“交警路况提醒”“疾控健康提醒”“临安发布”。",
            en="Account names such as 交警路况提醒, 疾控健康提醒 or 临安发布.",
        ),
        fix=L(
            zh="建议改名（不自动应用，须你确认）；如确为机构账号，完成平台机构认证。",
            en="Suggests a new name (unsafe: you confirm it); a genuine organ account completes the platform's institution verification.",
        ),
    ),
    check=check,
)
