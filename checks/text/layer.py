"""The one text layer: every lexicon and pattern query of every rule (built-in or pack) goes here.

Why one layer: three matchers, three sentence splitters and two hit types used to disagree (a
pack token missed 防·失·联 that a built-in rule caught). Now a string is normalised once, folded
once, and every query answers with the same `Span`.

Two views of a string, both mapping back to what the creator typed:
- `norm` — same length as the original (OpenCC t2s, full-width → half-width, lower case), so a
  regular expression's match [i, j) highlights [i, j) in the original. **Patterns** (pack
  `patterns`, a rule's own regex) run here: their punctuation is part of their meaning.
- `folded` — `norm` with creators' filter evasions undone: separators, dots, spaces and emoji
  between CJK characters dropped (防·失·联 → 防失联, 加 微 信 → 加微信, 关❤注 → 关注), runs of
  spaces between words made one, and the variant spellings of lexicon `evasion_variants`
  ("V信=微信", "薇❤=微信", "vx=微信") replaced. **Phrases** (lexicon entries, pack tokens) are
  folded the same way and matched here; `Folded.span` maps a folded span back to the original.
  Latin-edged phrases need a word edge (“off” never matches “coffee”, “ai” never “said”).

How rules query it (through `ctx.text`, the shared `TextAnalysis`):
    ctx.text.find("follow_requests")            # Spans in title + text (phrases and patterns)
    ctx.text.find("official_organs", "name")    # in the account name; "bio", "account" = both
    ctx.text.search(REGEX, "title", "text")     # a rule-local regex on `norm`, as Spans
    ctx.text.sentence_of(span)                  # the sentence Segment a span sits in
On an arbitrary string (a sentence, a name): `find(packs, lexicon, text, target)`, and
`search(regex, text, target)`. Ad-hoc phrase tuples (a filtered lexicon): `find_words`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick

from checks.vocabulary.normalize import normalize

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet
    from checks.vocabulary.safe_regex import PackPattern, PatternMatch

GAZETTEER = "place_gazetteer"
# Hits kept per lexicon per string: every rule needs the first few; a hostile post repeating one
# word a million times must not make every query pay for all of them.
MAX_HITS = 5000
VARIANTS = "evasion_variants"
TARGETS = ("title", "text", "name", "bio")


class Span(NamedTuple):
    """One hit of a lexicon phrase or pattern (a NamedTuple: thousands are made per long post)."""

    target: str  # title | text | name | bio (or a caller's label for an ad-hoc string)
    start: int  # offsets into the original string of `target`
    end: int
    text: str  # as the creator wrote it
    phrase: str  # the lexicon entry as written in the pack, or the matched normalised text
    lexicon: str = ""  # which lexicon (or the rule's name for its own pattern)


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEP = r"(?:[^\w\s。!?;…]|_|[^\S\n\r])"
_SEP_RUN = re.compile(
    rf"(?<=[{_CJK}]){_SEP}{{1,4}}(?=[{_CJK}a-z0-9])|(?<=[a-z0-9]){_SEP}{{1,4}}(?=[{_CJK}])"
    r"|(?P<w>(?<=[a-z0-9])[^\S\n\r]{2,}(?=[a-z0-9]))"
)


class Folded:
    """A string's `norm` and `folded` views and the map from folded offsets to original ones."""

    __slots__ = ("_fs", "_lin", "_rend", "_rs", "folded", "norm", "raw")

    def __init__(self, raw: str, norm: str, folded: str, segs: list[tuple[int, int, int, bool]] | None):
        self.raw, self.norm, self.folded = raw, norm, folded
        if segs is None:
            self._fs: list[int] = []
            return
        self._fs = [s[0] for s in segs]
        self._rs = [s[1] for s in segs]
        self._rend = [s[2] for s in segs]
        self._lin = [s[3] for s in segs]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        if not self._fs:
            return start, end
        k = bisect_right(self._fs, start) - 1
        a = self._rs[k] + (start - self._fs[k]) if self._lin[k] else self._rs[k]
        j = end - 1
        k = bisect_right(self._fs, j) - 1
        b = self._rs[k] + (j - self._fs[k]) + 1 if self._lin[k] else self._rend[k]
        return a, b


class Folder:
    """Folds text with one variant table (a pack set's `evasion_variants`)."""

    def __init__(self, variants: Iterable[str] = ()) -> None:
        table: dict[str, str] = {}
        for entry in variants:
            key, _, canon = entry.partition("=")
            key, canon = normalize(key.strip()), normalize(canon.strip())
            if key and canon and key != canon:
                table[key] = canon
        self._table = table
        self._bare = {k: v for k, v in table.items() if _strip_seps(k) == k}
        parts = []
        for key in sorted(table, key=len, reverse=True):
            body = r"[^\w\n]{0,2}".join(re.escape(c) for c in key)  # cheap to compile, unlike _SEP
            head = r"(?<![a-z])" if key[0].isascii() and key[0].isalpha() else ""
            tail = r"(?![a-z])" if key[-1].isascii() and key[-1].isalpha() else ""
            parts.append(f"{head}{body}{tail}")
        self._rx = re.compile(f"(?P<v>{'|'.join(parts)})|" + _SEP_RUN.pattern) if parts else _SEP_RUN
        firsts = "".join(sorted({re.escape(k[0]) for k in table}))
        self._first = re.compile(f"[{firsts}]") if firsts else None
        # Anything folding could change: a separator, a variant's first character, two spaces.
        self._maybe = re.compile(f"{_SEP}|[{firsts}]|  " if firsts else f"{_SEP}|  ")
        self._cache: dict[str, Folded] = {}

    def fold(self, text: str) -> Folded:
        got = self._cache.get(text)
        if got is not None:
            return got
        got = self._fold(text, normalize(text))
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[text] = got
        return got

    def _fold(self, text: str, norm: str) -> Folded:
        rx = self._rx if self._first is not None and self._first.search(norm) else _SEP_RUN
        pieces: list[str] = []
        segs: list[tuple[int, int, int, bool]] = []
        pos = flen = 0
        for m in rx.finditer(norm):
            a, b = m.span()
            if a > pos:
                segs.append((flen, pos, a, True))
                pieces.append(norm[pos:a])
                flen += a - pos
            if m.lastgroup == "v":
                word = m.group(0)
                canon = self._table.get(word) or self._bare.get(_strip_seps(word), word)
                segs.append((flen, a, b, len(canon) == b - a))
                pieces.append(canon)
                flen += len(canon)
            elif m.lastgroup == "w":
                segs.append((flen, a, b, False))  # runs of spaces between words → one
                pieces.append(" ")
                flen += 1
            pos = b
        if not segs:
            got = Folded(text, norm, norm, None)
        else:
            if pos < len(norm):
                segs.append((flen, pos, len(norm), True))
                pieces.append(norm[pos:])
            got = Folded(text, norm, "".join(pieces), segs)
        return got

    def key(self, phrase: str) -> str:
        """A lexicon entry as it is matched: folded like the text (most entries need no folding)."""
        norm = normalize(phrase.strip())
        if not self._maybe.search(norm):
            return norm
        return self._fold(phrase.strip(), norm).folded.strip()


_STRIP = re.compile(_SEP)


def _strip_seps(s: str) -> str:
    return _STRIP.sub("", s)


def _letter(c: str) -> int:
    """0 other, 1 ASCII letter, 2 digit: a phrase edge of one kind needs a neighbour not of it."""
    if c.isascii():
        if c.isalpha():
            return 1
        if c.isdigit():
            return 2
    return 0


class Vocabulary:
    """Lexicons (name → phrases) in one Aho-Corasick automaton over folded text.

    One pass over a string finds every lexicon's phrases; each distinct string is scanned once
    however many lexicons are asked about it. Overlapping hits within one lexicon keep the longest.
    """

    def __init__(self, lexicons: dict[str, tuple[str, ...]], folder: Folder) -> None:
        self.folder = folder
        self._auto = ahocorasick.Automaton()
        keys: dict[str, list[tuple[str, str]]] = {}
        for name, phrases in lexicons.items():
            for phrase in phrases:
                key = folder.key(phrase)
                if key:
                    keys.setdefault(key, []).append((name, phrase.strip()))
        for key, owners in keys.items():
            edges = (_letter(key[0]), _letter(key[-1]))
            self._auto.add_word(key, (len(key), edges, tuple(dict.fromkeys(owners))))
        self._empty = not keys
        if not self._empty:
            self._auto.make_automaton()
        self._cache: dict[
            str, tuple[dict[str, list[tuple[int, int, str]]], dict[tuple[str, str], list[Span]]]
        ] = {}

    def _raw(
        self, text: str
    ) -> tuple[dict[str, list[tuple[int, int, str]]], dict[tuple[str, str], list[Span]]]:
        got = self._cache.get(text)
        if got is not None:
            return got
        per: dict[str, list[tuple[int, int, str]]] = {}
        if not self._empty and text:
            f = self.folder.fold(text)
            s = f.folded
            last = len(s) - 1
            mapped = bool(f._fs)
            span = f.span
            for end, (n, (head, tail), owners) in self._auto.iter(s):
                start = end - n + 1
                if head and start > 0 and _letter(s[start - 1]) == head:
                    continue
                if tail and end < last and _letter(s[end + 1]) == tail:
                    continue
                a, b = span(start, end + 1) if mapped else (start, end + 1)
                for name, phrase in owners:
                    got_list = per.get(name)
                    if got_list is None:
                        per[name] = [(a, b, phrase)]
                    elif len(got_list) < MAX_HITS:
                        got_list.append((a, b, phrase))
        if len(self._cache) > 64:
            self._cache.clear()
        self._cache[text] = got = (per, {})
        return got

    def find(self, name: str, text: str, target: str = "text") -> list[Span]:
        """Hits of lexicon `name` in `text`, longest of overlapping ones, offsets into `text`."""
        if not text:
            return []
        raw, done = self._raw(text)
        found = done.get((name, target))
        if found is None:
            hits = [Span(target, a, b, text[a:b], p, name) for a, b, p in raw.get(name, ())]
            found = done[(name, target)] = _longest(hits)
        return list(found)


def _longest(found: list[Span]) -> list[Span]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Span] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


_VOCABS: list[tuple[object, Vocabulary]] = []


def vocabulary(packs: PackSet) -> Vocabulary:
    """The packs' lexicons plus the gazetteer's place names (`place_gazetteer`), built once per
    PackSet. `place_names` entries "alias=canonical" are matched by their alias."""
    for owner, voc in _VOCABS:
        if owner is packs.lexicons:
            return voc
    from checks.vocabulary.place_names import gazetteer_names

    tab = {**packs.lexicons, GAZETTEER: tuple(name for name, _ in gazetteer_names())}
    tab["place_names"] = tuple(e.partition("=")[0].strip() for e in tab.get("place_names", ()))
    tab.pop(VARIANTS, None)
    voc = Vocabulary(tab, folder(packs))
    _VOCABS.append((packs.lexicons, voc))
    del _VOCABS[:-4]
    return voc


def folder(packs: PackSet) -> Folder:
    """The folder for the packs' variant table (one per distinct table)."""
    return _folder_for(tuple(packs.lexicon(VARIANTS)))


def fold(packs: PackSet, text: str) -> Folded:
    """`text`'s normalised and folded views under the packs' variant table."""
    return folder(packs).fold(text)


def phrases(packs: PackSet, lexicon: str, text: str, target: str = "text") -> list[Span]:
    """Hits of a pack lexicon's phrases only (not its patterns) in `text`."""
    return vocabulary(packs).find(lexicon, text, target)


def find(packs: PackSet, lexicon: str, text: str, target: str = "text") -> list[Span]:
    """Every hit of a pack lexicon (its phrases, then its patterns) in `text`, in order."""
    if not text:
        return []
    out = vocabulary(packs).find(lexicon, text, target)
    if packs.patterns_src.get(lexicon):
        out = out + [
            Span(target, m.start(), m.end(), text[m.start() : m.end()], m.group(0), lexicon)
            for m in pattern_matches(packs, lexicon, normalize(text))
        ]
        out.sort(key=lambda s: (s.start, -s.end))
    return out


@lru_cache(maxsize=256)
def _words(phrases: tuple[str, ...], variants: tuple[str, ...]) -> Vocabulary:
    return Vocabulary({"": phrases}, _folder_for(variants))


@lru_cache(maxsize=8)
def _folder_for(variants: tuple[str, ...]) -> Folder:
    return Folder(variants)


def find_words(packs: PackSet | None, phrases: Iterable[str], text: str, target: str = "text") -> list[Span]:
    """Hits of an ad-hoc phrase list (a filtered lexicon, generated names), folded like lexicons."""
    if not text:
        return []
    variants = packs.lexicon(VARIANTS) if packs is not None else ()
    return _words(tuple(phrases), tuple(variants)).find("", text, target)


def search(pattern: re.Pattern[str] | PackPattern, text: str, target: str = "text", name: str = "pattern") -> list[Span]:
    """A rule's own regular expression on the normalised text (same length: spans are original)."""
    if not text:
        return []
    return [
        Span(target, m.start(), m.end(), text[m.start() : m.end()], m.group(0), name)
        for m in pattern.finditer(normalize(text))
        if m.end() > m.start()
    ]


def search_folded(
    packs: PackSet | None,
    pattern: re.Pattern[str] | PackPattern,
    text: str,
    target: str = "text",
    name: str = "pattern",
) -> list[Span]:
    """A rule's own regular expression on the folded text (evasions undone), mapped back."""
    if not text:
        return []
    f = folder(packs) if packs is not None else _plain_folder()
    got = f.fold(text)
    out = []
    for m in pattern.finditer(got.folded):
        if m.end() > m.start():
            a, b = got.span(m.start(), m.end())
            out.append(Span(target, a, b, text[a:b], m.group(0), name))
    return out


@lru_cache(maxsize=1)
def _plain_folder() -> Folder:
    return Folder()


def covering(span: Span | tuple[int, int], spans: list[Span]) -> Span | None:
    """A span of `spans` (sorted by start, as every query returns them) that contains `span`, found
    by bisection: rules ask this once per hit, and a hostile post has tens of thousands of hits."""
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    i = bisect_right([s.start for s in spans], start) if len(spans) < 64 else _bisect_start(spans, start)
    for s in reversed(spans[max(0, i - 8) : i]):
        if s.start <= start and end <= s.end:
            return s
    return None


def _bisect_start(spans: list[Span], start: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def outside(spans: Iterable[Span], guards: Iterable[Span]) -> list[Span]:
    """`spans` not lying inside a guard span: 炸锅 inside 空气炸锅 is part of an ordinary word."""
    by_target: dict[str, list[Span]] = {}
    for g in sorted(guards, key=lambda x: x.start):
        by_target.setdefault(g.target, []).append(g)
    return [h for h in spans if covering(h, by_target.get(h.target, [])) is None]


def language(*texts: str, default: str = "zh") -> str:
    """The post's language, the one detector every consumer uses (rules, label wording): "en"
    when it is written in English (Latin letters, over four per CJK character, at least 12), "zh"
    when it has any real amount of Chinese, `default` when it has neither."""
    joined = "\n".join(texts)
    latin = len(_LATIN.findall(joined))
    cjk = len(_CJKRX.findall(joined))
    if not latin and not cjk:
        return default
    return "en" if latin > 4 * cjk and latin >= 12 else "zh"


_LATIN = re.compile(r"[A-Za-z]")
_CJKRX = re.compile(rf"[{_CJK}]")


def pattern_matches(packs: PackSet, name: str, norm: str) -> list[PatternMatch]:
    """Matches of lexicon `name`'s regular expressions in the normalised text `norm`.

    A pattern with a character every match must contain (its first top-level literal) and a
    bounded width only runs in windows around that character's occurrences — most of a long
    post is never touched by most patterns.
    """
    out: list[PatternMatch] = []
    for rx in packs.patterns(name):
        anchors, width = _plan(rx.pattern)
        if not anchors:
            out.extend(rx.finditer(norm))
            continue
        if not any(ch in norm for ch in anchors):
            continue
        hits = [] if width is None else sorted(i for ch in anchors for i in _positions(norm, ch, 64))
        if width is None or len(hits) >= 64:
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
    out: list[int] = []
    i = text.find(ch)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


@lru_cache(maxsize=1024)
def _plan(pattern: str) -> tuple[frozenset[str], int | None]:
    """(characters one of which every match contains, the maximum match width or None when
    unbounded); no characters means scan everything."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse
    try:
        tree = sre_parse.parse(pattern)
        width = tree.getwidth()[1]
        chars = _required(list(tree), sre_parse)
    except Exception:
        return frozenset(), None
    return chars or frozenset(), (width if width < 400 else None)


def _required(seq: list[Any], sre: ModuleType) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for op, av in seq:
        got = _item(op, av, sre)
        if got is not None and (best is None or len(got) < len(best)):
            best = got
    return best


def _item(op: object, av: Any, sre: ModuleType) -> frozenset[str] | None:
    c = sre
    if op == c.LITERAL:
        ch = chr(av).lower()
        return frozenset({ch}) if ch.isalnum() or not ch.isascii() else None
    if op == c.SUBPATTERN:
        return _required(list(av[-1]), sre)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _required(list(av[2]), sre)
    if op == c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _required(list(alt), sre)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    return None
