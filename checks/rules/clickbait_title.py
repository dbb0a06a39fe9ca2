"""Clickbait headline. (Stub: the rule is not implemented yet.)"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())


RULE = Rule(
    id="clickbait_title",
    clause="SA2023-1.3",
    severity=Severity.WARNING,
    title=L(zh="标题党", en="Clickbait headline"),
    doc=RuleDoc(
        what=L(zh="（待补充）", en="(to be written)"),
        why=L(zh="（待补充）", en="(to be written)"),
        example=L(zh="（待补充）", en="(to be written)"),
        fix=L(zh="（待补充）", en="(to be written)"),
    ),
    check=check,
)
