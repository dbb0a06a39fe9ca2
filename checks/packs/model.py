"""Loaded rule packs, merged (stub: replaced by the pack-format work)."""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.model import Finding, PackInfo
from checks.rules.base import Rule


class PackError(Exception):
    """A pack that cannot be used; the message names file, line and key."""


@dataclass(frozen=True)
class PackSet:
    infos: tuple[PackInfo, ...] = ()
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()

    def lexicon(self, name: str) -> tuple[str, ...]:
        return self.lexicons.get(name, ())

    def enabled(self, rule_id: str) -> bool:
        return True

    def adjust(self, finding: Finding) -> Finding | None:
        """Apply overrides (severity, enablement, stated reason) to a built-in rule's finding."""
        return finding
