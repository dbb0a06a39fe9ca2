"""The clause catalogue findings cite (resources/clauses.toml, from shared/rules/CLAUSES.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from checks import resources


@dataclass(frozen=True)
class Clause:
    id: str
    source: str
    zh: str
    en: str


@cache
def clauses() -> dict[str, Clause]:
    data = tomllib.loads(resources.path("clauses.toml").read_text(encoding="utf-8"))
    return {cid: Clause(id=cid, **fields) for cid, fields in data.get("clause", {}).items()}


def clause_summary(clause_id: str, lang: str = "zh") -> str:
    c = clauses().get(clause_id)
    if c is None:
        return ""
    return c.en if lang == "en" else c.zh
