"""AI-generated content without an explicit label. (Stub: the rule is not implemented yet.)"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())


RULE = Rule(
    id="ai_label_missing",
    clause="N2023-3c",
    severity=Severity.ERROR,
    title=L(zh="AI生成内容未作显式标识", en="AI-generated content without an explicit label"),
    doc=RuleDoc(
        what=L(zh="（待补充）", en="(to be written)"),
        why=L(zh="（待补充）", en="(to be written)"),
        example=L(zh="（待补充）", en="(to be written)"),
        fix=L(zh="（待补充）", en="(to be written)"),
    ),
    check=check,
)
