"""Past news cited without its original time and place. (Stub: the rule is not implemented yet.)"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())


RULE = Rule(
    id="old_news_time_place_missing",
    clause="N2023-3d",
    severity=Severity.ERROR,
    title=L(zh="引用旧闻未注明原始时间和地点", en="Past news cited without its original time and place"),
    doc=RuleDoc(
        what=L(zh="（待补充）", en="(to be written)"),
        why=L(zh="（待补充）", en="(to be written)"),
        example=L(zh="（待补充）", en="(to be written)"),
        fix=L(zh="（待补充）", en="(to be written)"),
    ),
    check=check,
)
