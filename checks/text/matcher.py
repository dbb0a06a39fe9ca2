"""Multi-phrase matching with Aho-Corasick (pyahocorasick): one automaton per lexicon, built once.

Phrases and text are normalised the same way (`normalize`), so 純屬虛構 matches 纯属虚构 and
ＡＩ生成 matches ai生成. Matches carry offsets into the original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from checks.text.normalize import normalize


@dataclass(frozen=True)
class Match:
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
