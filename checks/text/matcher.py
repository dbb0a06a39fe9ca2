"""Multi-phrase matching with Aho-Corasick (pyahocorasick): one automaton per lexicon, built once.

Phrases and text are normalised the same way (`normalize`), so 純屬虛構 matches 纯属虚构 and
ＡＩ生成 matches ai生成. Matches carry offsets into the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from checks.text.normalize import normalize


class Match(NamedTuple):
    """One hit (a NamedTuple: thousands are made per long post, and tuples are cheap)."""

    start: int
    end: int
    phrase: str  # the lexicon entry as written in the pack
    text: str  # the matched text as the creator wrote it


class Matcher:
    def __init__(self, phrases: Iterable[str]) -> None:
        self._auto = ahocorasick.Automaton()
        count = 0
        for phrase in phrases:
            key = normalize(phrase.strip())
            if key:
                self._auto.add_word(key, (len(key), phrase.strip()))
                count += 1
        self._empty = count == 0
        if not self._empty:
            self._auto.make_automaton()

    def find(self, text: str, *, longest: bool = True) -> list[Match]:
        """All matches in `text`; with `longest`, overlapping matches keep only the longest."""
        if self._empty or not text:
            return []
        norm = normalize(text)
        found = [
            Match(end - n + 1, end + 1, phrase, text[end - n + 1 : end + 1])
            for end, (n, phrase) in self._auto.iter(norm)
        ]
        if not longest:
            return sorted(found, key=lambda m: (m.start, -m.end))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Match] = []
        for m in found:
            if kept and m.start < kept[-1].end:
                if m.end - m.start > kept[-1].end - kept[-1].start:
                    kept[-1] = m
                continue
            kept.append(m)
        return kept

    def first(self, text: str) -> Match | None:
        found = self.find(text)
        return found[0] if found else None


@lru_cache(maxsize=256)
def matcher(phrases: tuple[str, ...]) -> Matcher:
    """A cached matcher for a lexicon (pass `packs.lexicon(name)`, which is a tuple)."""
    return Matcher(phrases)


class MultiMatcher:
    """One automaton over many lexicons: a single pass over a text finds every lexicon's phrases.

    The text analysis asks ~30 lexicons about the same title and text; scanning once and
    sorting the hits by lexicon keeps a 5,000-character post well inside its time budget.
    Results per lexicon are exactly `Matcher(lexicon).find(text)`'s.
    """

    def __init__(self, lexicons: dict[str, tuple[str, ...]]) -> None:
        self._auto = ahocorasick.Automaton()
        keys: dict[str, list[tuple[str, str]]] = {}
        for name, phrases in lexicons.items():
            for phrase in phrases:
                key = normalize(phrase.strip())
                if key:
                    keys.setdefault(key, []).append((name, phrase.strip()))
        for key, owners in keys.items():
            self._auto.add_word(key, (len(key), tuple(dict.fromkeys(owners))))
        self._empty = not keys
        if not self._empty:
            self._auto.make_automaton()
        self._cache: dict[str, tuple[dict[str, list[tuple[int, int, str]]], dict[str, list[Match]]]] = {}

    def find_all(self, text: str) -> dict[str, list[Match]]:
        """lexicon name → its matches in `text` (overlaps within one lexicon keep the longest)."""
        raw = self._raw(text)
        return {name: self.find(name, text) for name in raw[0]}

    def _raw(self, text: str) -> tuple[dict[str, list[tuple[int, int, str]]], dict[str, list[Match]]]:
        """One automaton pass per distinct text: raw hits per lexicon, plus a cache of the finished
        `Match` lists — built only for the lexicons someone asks about."""
        got = self._cache.get(text)
        if got is not None:
            return got
        per: dict[str, list[tuple[int, int, str]]] = {}
        if not self._empty and text:
            for end, (n, owners) in self._auto.iter(normalize(text)):
                for name, phrase in owners:
                    per.setdefault(name, []).append((end - n + 1, end + 1, phrase))
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[text] = got = (per, {})
        return got

    def find(self, name: str, text: str) -> list[Match]:
        raw, done = self._raw(text)
        found = done.get(name)
        if found is None:
            hits = raw.get(name, ())
            found = done[name] = _longest([Match(a, b, p, text[a:b]) for a, b, p in hits])
        return found


def _longest(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


_MULTI: list[tuple[object, MultiMatcher]] = []


def multi_matcher(lexicons: dict[str, tuple[str, ...]]) -> MultiMatcher:
    """The MultiMatcher for a lexicon table (a PackSet's), built once per table object."""
    for owner, mm in _MULTI:
        if owner is lexicons:
            return mm
    mm = MultiMatcher(lexicons)
    _MULTI.append((lexicons, mm))
    del _MULTI[:-4]
    return mm
