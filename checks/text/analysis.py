"""The shared text analysis every rule reads as `ctx.text` — computed once per check.

`analyse(draft, packs, publish_at)` returns a `TextAnalysis` with:
- `title`, `text`, `account_name`, `account_bio`: as written; `norm_title`, `norm_text`: the
  same-length normalised copies (t2s, half-width, lower case) — offsets are interchangeable;
- `lines`, `sentences`: `Segment`s of title and text (target, start, end, text, index);
- `labels`: `Label`s found in title and text (kind source|fiction|ai|shooting|advertising,
  status ok|vague|deferred|negated, placement title|lead|last_line|body);
- `times`: `TimeMention`s (absolute|relative|now|vague, with year/month/day when known);
- `places`: `PlaceMention`s (divisions, landmarks, foreign places, and placeholders marked);
- `topics`: topic → `Span`s (see checks.text.topics for the topic keys);
- `claims`: what the account name and bio claim to be (organ, outlet, division — checks.text.claims),
  computed once and read by the impersonation rules, the source obligation and account fixes;
- `lang`: "en" when the post is mostly Latin script, else "zh" (checks.text.layer.language).
Helpers answer the questions rules ask: `label(kind)`, `has_time()`, `has_place()`, and the text
layer's queries (checks.text.layer): `find(lexicon, *targets)`, `search(regex, *targets)`,
`sentence_of(span)`. Targets are "title", "text", "name", "bio" ("account" = name and bio).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from checks.model import Draft
from checks.text import layer, structure
from checks.text.claims import ORGAN_LEXICONS, OUTLET_LEXICONS, AccountClaims, account_claims
from checks.text.divisions import DIVISION_LEXICONS
from checks.text.labels import LEXICONS as LABEL_LEXICONS
from checks.text.labels import Label, find_labels
from checks.text.layer import Span
from checks.text.places import LEXICONS as PLACE_LEXICONS
from checks.text.places import PlaceMention, find_places
from checks.text.structure import Segment
from checks.text.times import LEXICONS as TIME_LEXICONS
from checks.text.times import TimeMention, find_times
from checks.text.topics import LEXICONS as TOPIC_LEXICONS
from checks.text.topics import find_topics

# Every pack lexicon the shared analysis reads on behalf of all rules (a test holds the core pack
# to this list plus each rule's own `Rule.lexicons`: nothing unread, nothing missing).
LEXICONS = tuple(
    dict.fromkeys(
        (
            layer.VARIANTS,
            *LABEL_LEXICONS,
            *TIME_LEXICONS,
            *PLACE_LEXICONS,
            *TOPIC_LEXICONS,
            *ORGAN_LEXICONS,
            *OUTLET_LEXICONS,
            *DIVISION_LEXICONS,
        )
    )
)

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet


class Located(Protocol):
    """Anything that starts somewhere in a target (a Span, Segment, TimeMention, Label…):
    all `sentence_of` and `line_of` need to know."""

    @property
    def target(self) -> str: ...

    @property
    def start(self) -> int: ...


@dataclass(frozen=True)
class TextAnalysis:
    title: str
    text: str
    account_name: str = ""
    account_bio: str = ""
    norm_title: str = ""
    norm_text: str = ""
    lang: str = "zh"
    lines: tuple[Segment, ...] = ()
    sentences: tuple[Segment, ...] = ()
    labels: tuple[Label, ...] = ()
    times: tuple[TimeMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    topics: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    claims: AccountClaims = field(default_factory=AccountClaims)
    packs: PackSet | None = field(default=None, repr=False, compare=False)

    def of(self, target: str) -> str:
        """The original string a span's `target` refers to."""
        return {
            "title": self.title,
            "text": self.text,
            "name": self.account_name,
            "bio": self.account_bio,
            "account": f"{self.account_name}\n{self.account_bio}",
        }.get(target, "")

    def label(self, kind: str, *, conspicuous: bool = True) -> Label | None:
        """The first acceptable label of `kind` (status ok; conspicuous unless told otherwise)."""
        for lb in self.labels:
            if lb.kind == kind and lb.status == "ok" and (lb.conspicuous or not conspicuous):
                return lb
        return None

    def labels_of(self, kind: str, status: str | None = None) -> list[Label]:
        return [lb for lb in self.labels if lb.kind == kind and (status is None or lb.status == status)]

    def has_topic(self, *topics: str) -> bool:
        return any(t in self.topics for t in topics)

    def absolute_times(self) -> list[TimeMention]:
        return [t for t in self.times if t.kind == "absolute"]

    def has_time(self, *, loose: bool = False) -> bool:
        """An absolute time is stated (with `loose`, relative and now-words count too)."""
        kinds = ("absolute", "relative", "now") if loose else ("absolute",)
        return any(t.kind in kinds for t in self.times)

    def real_places(self) -> list[PlaceMention]:
        return [p for p in self.places if p.counts]

    def has_place(self) -> bool:
        return bool(self.real_places())

    def find(self, lexicon: str, *targets: str) -> list[Span]:
        """Hits of a pack lexicon (phrases on the folded text, patterns on the normalised text) in
        title and text, or the given targets ("title", "text", "name", "bio"; "account" = both)."""
        if self.packs is None:
            return []
        return [s for t in _targets(targets) for s in layer.find(self.packs, lexicon, self.of(t), t)]

    def search(self, pattern: re.Pattern[str], *targets: str, name: str = "pattern") -> list[Span]:
        """A rule's own regular expression on the normalised title/text (or the given targets)."""
        return [s for t in _targets(targets) for s in layer.search(pattern, self.of(t), t, name)]

    def sentence_of(self, span: Located) -> Segment | None:
        """The sentence of the title or text that a span starts in (bisection: linear overall)."""
        return _segment_at(self._sentence_index, span.target, span.start)

    def line_of(self, span: Located) -> Segment | None:
        """The line (paragraph) of the title or text that a span starts in."""
        return _segment_at(self._line_index, span.target, span.start)

    @cached_property
    def _sentence_index(self) -> dict[str, tuple[list[int], list[Segment]]]:
        return _index(self.sentences)

    @cached_property
    def _line_index(self) -> dict[str, tuple[list[int], list[Segment]]]:
        return _index(self.lines)


def _index(segments: tuple[Segment, ...]) -> dict[str, tuple[list[int], list[Segment]]]:
    out: dict[str, tuple[list[int], list[Segment]]] = {}
    for s in segments:
        starts, segs = out.setdefault(s.target, ([], []))
        starts.append(s.start)
        segs.append(s)
    return out


def _segment_at(index: dict[str, tuple[list[int], list[Segment]]], target: str, pos: int) -> Segment | None:
    starts, segs = index.get(target, ([], []))
    i = bisect_right(starts, pos) - 1
    if i >= 0 and segs[i].start <= pos < segs[i].end:
        return segs[i]
    return None


def _targets(targets: tuple[str, ...]) -> tuple[str, ...]:
    if not targets:
        return ("title", "text")
    if "account" in targets:
        return tuple(x for t in targets for x in (("name", "bio") if t == "account" else (t,)))
    return targets


def analyse(draft: Draft, packs: PackSet, publish_at: datetime) -> TextAnalysis:
    title, text = draft.title or "", draft.text or ""
    from checks.vocabulary.normalize import normalize

    text_lines = structure.lines(text)
    title_sents = structure.sentences(title, "title")
    text_sents = structure.sentences(text)

    def place(target: str, start: int, end: int) -> str:
        return structure.placement(target, start, end, text_lines, text_sents)

    labels = [*find_labels(title, "title", packs, place), *find_labels(text, "text", packs, place)]
    times = [
        *find_times(title, "title", publish_at, packs),
        *find_times(text, "text", publish_at, packs),
    ]
    places = [*find_places(title, "title", packs), *find_places(text, "text", packs)]
    sentences = [*title_sents, *text_sents]
    parts = {"title": title, "text": text, "name": draft.account.name, "bio": draft.account.bio}
    topics = find_topics(packs, parts, sentences)
    return TextAnalysis(
        title=title,
        text=text,
        account_name=draft.account.name,
        account_bio=draft.account.bio,
        norm_title=normalize(title),
        norm_text=normalize(text),
        lang=layer.language(title, text),
        lines=(*structure.lines(title, "title"), *text_lines),
        sentences=tuple(sentences),
        labels=tuple(labels),
        times=tuple(times),
        places=tuple(places),
        topics=topics,
        claims=account_claims(packs, draft.account.name or "", draft.account.bio or ""),
        packs=packs,
    )
