"""Parsed rule packs and the merged set the engine runs with.

A `Pack` is one pack as read from disk (`load_pack`), before anything trusts it; `merge` turns a
sequence of packs into the `PackSet` rules read from. Keeping the two apart lets the signature
check sit between reading and merging.

Precedence (DESIGN.md "Rule packs"): lexicons and pack rules only ever add; an `override` may make
a built-in rule stricter freely, but relaxing one (lower severity, or disabling it) needs a stated
reason, and the creator sees that reason on every finding it touched (`Finding.note`). A disabled
built-in rule keeps reporting, as `info` with the note, so a relaxed obligation never silently
disappears from the creator's report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.model import PackInfo
from checks.rules.base import Rule
from checks.vocabulary.packset import Override, PackError, PackSet

__all__ = ["Override", "Pack", "PackError", "PackSet"]


@dataclass(frozen=True)
class Pack:
    """One pack as parsed: metadata, lexicon additions, declarative rules and overrides."""

    info: PackInfo
    min_app_version: str = "0"
    expires: str | None = None
    description: dict[str, str] = field(default_factory=dict)
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    overrides: tuple[Override, ...] = ()
    files: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
