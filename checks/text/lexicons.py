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
        anchors, width = _plan(rx.pattern)
        if not anchors:
            out.extend(rx.finditer(norm))
            continue
        if not any(ch in norm for ch in anchors):
            continue  # no character every match needs: the pattern cannot match
        hits = [] if width is None else sorted(i for ch in anchors for i in _positions(norm, ch, 64))
        if width is None or len(hits) >= 64:  # unbounded, or anchors everywhere: one full scan
            out.extend(rx.finditer(norm))
            continue
        lo_hi: list[tuple[int, int]] = []
        for i in hits:
            lo, hi = max(0, i - width), min(len(norm), i + width + 1)
            if lo_hi and lo <= lo_hi[-1][1]:
                lo_hi[-1] = (lo_hi[-1][0], max(hi, lo_hi[-1][1]))
            else:
                lo_hi.append((lo, hi))
        seen: set[tuple[int, int]] = set()
        for lo, hi in lo_hi:
            for m in rx.finditer(norm, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    out.append(m)
    return out


def _positions(text: str, ch: str, limit: int) -> list[int]:
    out, i = [], text.find(ch)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


@lru_cache(maxsize=1024)
def _plan(pattern: str) -> tuple[frozenset[str], int | None]:
    """(characters one of which every match contains, the maximum match width or None when
    unbounded); no characters means scan everything. A pattern such as (?:ai|人工智能)生成
    needs an "a" or a "人": only windows around those are searched, and a text with
    neither is never scanned."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
        width = tree.getwidth()[1]
        chars = _required(list(tree), sre_parse)
    except Exception:
        return frozenset(), None
    return chars or frozenset(), (width if width < 400 else None)


def _required(seq: list, sre: object) -> frozenset[str] | None:
    """The smallest set of characters one of which any match of `seq` must contain."""
    best: frozenset[str] | None = None
    for op, av in seq:
        got = _item(op, av, sre)
        if got is not None and (best is None or len(got) < len(best)):
            best = got
    return best


def _item(op: object, av: object, sre: object) -> frozenset[str] | None:
    c = sre  # sre_parse re-exports the opcode constants
    if op == c.LITERAL:
        ch = chr(av).lower()  # type: ignore[arg-type]
        return frozenset({ch}) if ch.isalnum() or not ch.isascii() else None
    if op == c.SUBPATTERN:
        return _required(list(av[-1]), sre)  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return _required(list(av[2]), sre)  # type: ignore[index]
    if op == c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            got = _required(list(alt), sre)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    return None
