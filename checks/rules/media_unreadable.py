"""Unreadable media file. (Stub: the rule is not implemented yet.)"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())


RULE = Rule(
    id="media_unreadable",
    clause="N2023-3b",
    severity=Severity.WARNING,
    title=L(zh="无法读取的媒体文件", en="Unreadable media file"),
    doc=RuleDoc(
        what=L(zh="（待补充）", en="(to be written)"),
        why=L(zh="（待补充）", en="(to be written)"),
        example=L(zh="（待补充）", en="(to be written)"),
        fix=L(zh="（待补充）", en="(to be written)"),
    ),
    check=check,
)
