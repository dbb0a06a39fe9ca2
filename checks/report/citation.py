"""A clause cited in words, in the reader's language.

The clause catalogue (`resources/clauses.toml`) carries each source both as the English catalogue
writes it and in Chinese (`source_zh`, written by us), so every surface — the clause dialog,
`preflight explain` and the reports — cites a clause the same way from one list.
"""

from __future__ import annotations

from checks.clauses import clause_summary, clauses


def cite(clause_id: str, lang: str = "zh") -> str:
    """The clause's source in words, in `lang` ("" for an unknown id)."""
    c = clauses().get(clause_id)
    return c.source_in(lang) if c is not None else ""


def clause_in_words(clause_id: str, lang: str = "zh") -> tuple[str, str]:
    """(what the clause requires, where it is written) — both in `lang`."""
    return clause_summary(clause_id, lang), cite(clause_id, lang)


__all__ = ["cite", "clause_in_words"]
