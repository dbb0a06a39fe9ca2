"""Lexicon matching for the text analysis: every lexicon of the merged packs, plus the gazetteer's
place names (as the pseudo-lexicon `place_gazetteer`), in one Aho-Corasick automaton.
`place_names` entries "alias=canonical" are matched by their alias (see checks.text.places).

`matches(packs, name, text)` is what analysis modules call; the automaton is built once per
PackSet and each distinct text is scanned once, however many lexicons are asked about it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.text.matcher import Match, multi_matcher

if TYPE_CHECKING:
    from checks.packs.model import PackSet

GAZETTEER = "place_gazetteer"
_TABLES: list[tuple[object, dict[str, tuple[str, ...]]]] = []


def table(packs: PackSet) -> dict[str, tuple[str, ...]]:
    """The packs' lexicons plus gazetteer names; one object per PackSet lexicon table."""
    for owner, tab in _TABLES:
        if owner is packs.lexicons:
            return tab
    from checks.text.places import gazetteer_names

    tab = {**packs.lexicons, GAZETTEER: tuple(name for name, _ in gazetteer_names())}
    tab["place_names"] = tuple(e.partition("=")[0].strip() for e in tab.get("place_names", ()))
    _TABLES.append((packs.lexicons, tab))
    del _TABLES[:-4]
    return tab


def matches(packs: PackSet, name: str, text: str) -> list[Match]:
    """Matches of lexicon `name` in `text` (longest of overlapping ones, offsets into `text`)."""
    if not text:
        return []
    return multi_matcher(table(packs)).find(name, text)


def pattern_matches(packs: PackSet, name: str, norm: str) -> list[re.Match[str]]:
    """Matches of lexicon `name`'s regular expressions in the normalised text `norm`.

    A pattern with a character every match must contain (its first top-level literal) and a
    bounded width only runs in windows around that character's occurrences — most of a long
    post is never touched by most patterns.
    """
    out: list[re.Match[str]] = []
    for rx in packs.patterns(name):
        anchor, width = _plan(rx.pattern)
        if anchor is None:
            out.extend(rx.finditer(norm))
            continue
        lo_hi: list[tuple[int, int]] = []
        i = norm.find(anchor)
        while i != -1:
            lo, hi = max(0, i - width), min(len(norm), i + width + 1)
            if lo_hi and lo <= lo_hi[-1][1]:
                lo_hi[-1] = (lo_hi[-1][0], hi)
            else:
                lo_hi.append((lo, hi))
            i = norm.find(anchor, i + 1)
        seen: set[tuple[int, int]] = set()
        for lo, hi in lo_hi:
            for m in rx.finditer(norm, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    out.append(m)
    return out


@lru_cache(maxsize=1024)
def _plan(pattern: str) -> tuple[str | None, int]:
    """(a character every match contains, the maximum match width), or (None, 0) to scan all."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
        width = tree.getwidth()[1]
    except Exception:
        return None, 0
    if width >= 400:
        return None, 0
    for op, arg in tree:
        if op == sre_parse.LITERAL:
            ch = chr(arg).lower()
            if ch.isalnum() or not ch.isascii():
                return ch, width
    return None, 0
