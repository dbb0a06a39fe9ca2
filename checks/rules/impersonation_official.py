"""An account name or bio posing as a Party, government or military organ or public institution.

N2023-1 and SA2023-2.1 forbid account information that imitates organs: 交警路况提醒, 疾控健康提醒,
教育考试院通知, 临安发布. A name containing an organ word poses as that organ unless the word is
someone's past or relation (退休民警老张, 法院家属). In the bio, an organ word counts only with a
claim of official standing (权威通报), because bios routinely mention where someone works.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.evidence import finding_at
from checks.text.claims import ORGAN_LEXICONS
from checks.text.divisions import DIVISION_LEXICONS
from checks.text.layer import Span

MESSAGE = L(
    zh="账号信息仿冒党政军机关或事业单位（“{word}”），普通自媒体账号不得使用此类名称",
    en="The account imitates a Party, government or military organ or public institution ('{word}')",
)


def organ_hits(ctx: Context) -> list[Span]:
    """Organ claims of the account (computed once in the text analysis: checks.text.claims)."""
    return list(ctx.text.claims.organs)


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
    lexicons=(*ORGAN_LEXICONS, *DIVISION_LEXICONS),
)
