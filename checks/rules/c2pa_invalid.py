"""Content credentials (C2PA) broken after signing. (Stub: the rule is not implemented yet.)"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())


RULE = Rule(
    id="c2pa_invalid",
    clause="N2023-4",
    severity=Severity.WARNING,
    title=L(zh="内容凭证（C2PA）签名后被改动", en="Content credentials (C2PA) broken after signing"),
    doc=RuleDoc(
        what=L(zh="（待补充）", en="(to be written)"),
        why=L(zh="（待补充）", en="(to be written)"),
        example=L(zh="（待补充）", en="(to be written)"),
        fix=L(zh="（待补充）", en="(to be written)"),
    ),
    check=check,
)
