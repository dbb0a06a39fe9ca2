"""The vocabulary layer: the merged word lists and patterns every rule reads, and how findings
are adjusted by overrides. Below the text layer (which matches these words) and the rules (which
read them); the pack loader (checks.packs) builds a `PackSet` from packs on disk.

Precedence (DESIGN.md "Rule packs"): lexicons and pack rules only ever add; an `override` may make
a built-in rule stricter freely, but relaxing one (lower severity, or disabling it) needs a stated
reason, and the creator sees that reason on every finding it touched (`Finding.note`). A disabled
built-in rule keeps reporting, as `info` with the note, so a relaxed obligation never silently
disappears from the creator's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checks.i18n import L, tr
from checks.model import Finding, PackInfo, Severity
from checks.vocabulary.safe_regex import PackPattern, compile_pattern

if TYPE_CHECKING:
    from checks.rules.base import Rule


class PackError(Exception):
    """A pack that cannot be used; the message names file, line (when known) and key.

    Typed so every front end can word it in its own language: `kind` is a stable code (tests, the
    GUI's advice), `params` fill the message, `hint` is advice for the command line only
    ("run 'preflight pack trust PUBFILE'"). `str(exc)` stays English with the hint (logs, the CLI);
    `exc.text(lang, cli=False)` is what the desktop app shows. A plain string still works (kind "other").
    """

    def __init__(self, message: L | str, kind: str = "other", *, hint: L | None = None, **params: object):
        self.message = message if isinstance(message, L) else L(zh=message, en=message)
        self.kind = kind
        self.hint = hint
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "zh", *, cli: bool = True) -> str:
        body = tr(self.message, lang, **self.params)
        if cli and self.hint is not None:
            body += tr(self.hint, lang, **self.params)
        return body


@dataclass(frozen=True)
class Override:
    """An `override` file: a built-in rule's severity or enablement, and why."""

    pack: str
    rule: str
    severity: Severity | None = None
    enabled: bool = True
    reason: str = ""

    def relaxes(self, default: Severity) -> bool:
        return not self.enabled or (self.severity is not None and self.severity.rank > default.rank)


@dataclass(frozen=True)
class PackSet:
    """All packs merged: what rules read (`lexicon`, `patterns`) and how findings are adjusted."""

    infos: tuple[PackInfo, ...] = ()
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    patterns_src: dict[str, tuple[str, ...]] = field(default_factory=dict)
    overrides: dict[str, Override] = field(default_factory=dict)

    def lexicon(self, name: str) -> tuple[str, ...]:
        """Phrases of lexicon `name` (built-in entries first, then every pack's additions)."""
        return self.lexicons.get(name, ())

    def patterns(self, name: str) -> tuple[PackPattern, ...]:
        """Regular expressions of lexicon `name`, compiled once (validated as safe at load time)."""
        return _compiled(self.patterns_src.get(name, ()))

    def enabled(self, rule_id: str) -> bool:
        """Pack rules can be disabled outright; built-in rules are relaxed in `adjust` instead."""
        ov = self.overrides.get(rule_id)
        return ov is None or ov.enabled or ":" not in rule_id

    def adjust(self, finding: Finding, lang: str = "zh") -> Finding | None:
        """Apply an override to a finding: stricter severity, or relaxed with the reason as a note."""
        ov = self.overrides.get(finding.rule)
        if ov is None:
            return finding
        severity = finding.severity
        if not ov.enabled:
            severity = Severity.INFO
        elif ov.severity is not None:
            severity = ov.severity
        if severity.rank > finding.severity.rank:
            verb = ("停用" if not ov.enabled else "放宽") if lang != "en" else None
            note = (
                f"由 {ov.pack} {verb}：{ov.reason}"
                if verb
                else f"{'Disabled' if not ov.enabled else 'Relaxed'} by {ov.pack}: {ov.reason}"
            )
            return replace(finding, severity=severity, note=note)
        return replace(finding, severity=severity)


def _compiled(sources: tuple[str, ...]) -> tuple[PackPattern, ...]:
    """Every pattern, built-in or from a pack, runs on RE2: linear time whatever the pattern."""
    return tuple(compile_pattern(s) for s in sources)
