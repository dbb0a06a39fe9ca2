"""The clause catalogue findings cite (resources/clauses.toml, from shared/rules/CLAUSES.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from checks import resources
from checks.i18n import L

SUMMARY_LABEL = L(zh="摘要（本软件编写，非官方原文）", en="Summary (written by Preflight, not the official text)")
"""Every place that shows a clause summary labels it with this: the summaries are ours, not the law's."""


@dataclass(frozen=True)
class Clause:
    id: str
    source: str
    zh: str
    en: str
    source_zh: str = ""  # the instrument's Chinese title and article, for the Chinese UI

    def source_in(self, lang: str = "zh") -> str:
        return self.source if lang == "en" or not self.source_zh else self.source_zh


@cache
def clauses() -> dict[str, Clause]:
    data = tomllib.loads(resources.path("clauses.toml").read_text(encoding="utf-8"))
    return {cid: Clause(id=cid, **fields) for cid, fields in data.get("clause", {}).items()}


def clause_summary(clause_id: str, lang: str = "zh") -> str:
    """Our plain-words summary of a clause in `lang` ("" for an unknown id)."""
    c = clauses().get(clause_id)
    if c is None:
        return ""
    return c.en if lang == "en" else c.zh
