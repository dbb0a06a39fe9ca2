"""What every rule module provides, and the context a rule checks.

A rule module (one per obligation, ruff's model) defines a module-level `RULE = Rule(...)` with
a stable id, the clause it comes from (../shared/rules/CLAUSES.md), its default severity, its
docs (what / why / example / fix safety, shown by `preflight explain`) and a `check(ctx)`
function yielding findings. Rules see facts only — the draft, `MediaFacts`, the text analysis,
the merged rule pack — never library objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from checks.i18n import L, tr
from checks.model import Applicability, Draft, Finding, Fix, FixKind, MediaFacts, Severity

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet


@dataclass(frozen=True)
class RuleDoc:
    what: L  # what it checks
    why: L  # why it matters (the obligation, in plain words)
    example: L  # a failing example
    fix: L  # what the fix does, and whether it is safe


@dataclass(frozen=True)
class Rule:
    id: str
    clause: str
    severity: Severity
    title: L
    doc: RuleDoc
    check: Callable[[Context], Iterable[Finding]] = field(repr=False)
    related_clauses: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()  # the pack lexicons this rule reads (`preflight explain` prints them)


@dataclass
class Context:
    """Everything a rule may look at. Expensive parts (text analysis) are computed once, lazily."""

    draft: Draft
    media: tuple[MediaFacts, ...]
    packs: PackSet
    publish_at: datetime
    lang: str = "zh"
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def text(self) -> Any:
        """The shared text analysis of title, body and account (checks.text.analysis)."""
        from checks.text.analysis import analyse

        return analyse(self.draft, self.packs, self.publish_at)

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def t(self, text: L | str, **kw: object) -> str:
        return tr(text, self.lang, **kw)

    def manual_fix(self, title: L, *steps: L, **fmt: object) -> Fix:
        """A display-only fix: steps the creator takes by hand (the title is the only step if none given)."""
        return Fix(
            kind=FixKind.MANUAL,
            title=self.t(title, **fmt),
            applicability=Applicability.DISPLAY_ONLY,
            payload={"steps": [self.t(s, **fmt) for s in (steps or (title,))]},
        )

    def finding(
        self,
        rule: Rule,
        message: L | str,
        *,
        severity: Severity | None = None,
        target: str = "text",
        span: tuple[int, int] | None = None,
        evidence: str | None = None,
        fixes: Iterable[Fix] = (),
        **fmt: object,
    ) -> Finding:
        return Finding(
            rule=rule.id,
            severity=severity or rule.severity,
            clause=rule.clause,
            message=self.t(message, **fmt),
            target=target,
            span=span,
            evidence=evidence,
            fixes=tuple(fixes),
        )
