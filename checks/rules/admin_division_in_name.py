"""An account name that uses a county-or-higher administrative division (SA2023-2.1).

Names like 成都新闻眼 or 临安公安发布 read as a local authority's or local outlet's account; the
platforms require authorisation for them. The matching rules and guards (张北京, 江山如画,
黄山毛峰) live in checks.text.divisions.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules import account_fixes
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.evidence import finding_at
from checks.text.divisions import DIVISION_LEXICONS, division_hits
from checks.text.layer import Span

MESSAGE = L(
    zh="账号名称使用了行政区划名称“{place}”，县级以上行政区划名称须经授权方可用于账号名称",
    en="The account name uses the administrative division name '{place}'; county-or-higher division names need authorisation",
)


def check(ctx: Context) -> Iterator[Finding]:
    for d in division_hits(ctx.draft.account.name, ctx.packs)[:1]:
        hit = Span("name", d.start, d.end, d.text, d.text)
        fixes = (
            *account_fixes.rename(ctx, d.start, d.end),
            account_fixes.manual(
                ctx,
                L(
                    zh="如确为当地授权账号，请在平台提交授权证明后保留该名称",
                    en="If the account is authorised by the local government, submit the authorisation on the platform",
                ),
            ),
        )
        yield finding_at(ctx, RULE, MESSAGE, hit, fixes=fixes, place=d.text)


RULE = Rule(
    id="admin_division_in_name",
    clause="SA2023-2.1",
    severity=Severity.ERROR,
    title=L(zh="账号名称使用行政区划名称", en="Account name uses an administrative division"),
    doc=RuleDoc(
        what=L(
            zh="检查账号名称是否使用县级以上行政区划的全称（××市、××区），或以简称开头并紧跟“发布、新闻、头条、公安、文旅”等机构或频道用语。人名（张北京）、成语（江山如画）、品牌（黄山毛峰）不算。",
            en="Flags an account name containing a full county-or-higher division name (…市/区/县/省), or starting with a short name followed by an institution or channel word (发布, 新闻, 头条, 公安, 文旅…). Personal names (张北京), idioms (江山如画) and brands (黄山毛峰) are ignored.",
        ),
        why=L(
            zh="《关于开展“清朗·自媒体乱象专项整治”的通知》要求账号信息不得未经授权使用县级以上行政区划名称，以免用户误以为是当地官方或媒体账号。",
            en="The 2023 special action forbids account information that uses county-or-higher division names without authorisation, so users do not mistake the account for a local authority or outlet.",
        ),
        example=L(
            zh="账号名称“温州今日头条”“朝阳区政府便民服务”。",
            en="Account names such as 温州今日头条 or 朝阳区政府便民服务.",
        ),
        fix=L(
            zh="建议改名（去掉地名，需要你确认新名称，不自动应用）；如有当地授权，提交授权证明。",
            en="Suggests a name without the place (unsafe: you confirm the new name); or submit the local authorisation.",
        ),
    ),
    check=check,
    lexicons=DIVISION_LEXICONS,
)
