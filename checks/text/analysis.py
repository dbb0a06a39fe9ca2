"""The shared text analysis every rule reads as `ctx.text` — computed once per check.

`analyse(draft, packs, publish_at)` returns a `TextAnalysis` with:
- `title`, `text`, `account_name`, `account_bio`: as written; `norm_title`, `norm_text`: the
  same-length normalised copies (t2s, half-width, lower case) — offsets are interchangeable;
- `lines`, `sentences`: `Segment`s of title and text (target, start, end, text, index);
- `labels`: `Label`s found in title and text (kind source|fiction|ai|shooting|advertising,
  status ok|vague|deferred|negated, placement title|lead|last_line|body);
- `times`: `TimeMention`s (absolute|relative|now|vague, with year/month/day when known);
- `places`: `PlaceMention`s (divisions, landmarks, foreign places, and placeholders marked);
- `topics`: topic → `Cue`s (see checks.text.topics for the topic keys);
- `lang`: "en" when the post is mostly Latin script, else "zh".
Helpers answer the questions rules ask: `label(kind)`, `has_time()`, `has_place()`, `find(lexicon)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from checks.model import Draft
from checks.text import structure
from checks.text.labels import Label, find_labels
from checks.text.places import PlaceMention, find_places
from checks.text.structure import Segment
from checks.text.times import TimeMention, find_times
from checks.text.topics import Cue, find_topics, hits

if TYPE_CHECKING:
    from checks.packs.model import PackSet

_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


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
    topics: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    packs: PackSet | None = field(default=None, repr=False, compare=False)

    def of(self, target: str) -> str:
        """The original string a span's `target` refers to."""
        return {
            "title": self.title,
            "text": self.text,
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

    def find(self, lexicon: str, *targets: str) -> list[Cue]:
        """Matches of any pack lexicon in title/text (or the given targets, incl. "account")."""
        if self.packs is None:
            return []
        return [c for t in targets or ("title", "text") for c in hits(self.packs, lexicon, t, self.of(t))]


def analyse(draft: Draft, packs: PackSet, publish_at: datetime) -> TextAnalysis:
    title, text = draft.title or "", draft.text or ""
    from checks.text.normalize import normalize

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
    account = f"{draft.account.name}\n{draft.account.bio}"
    sentences = [*title_sents, *text_sents]
    topics = find_topics(packs, {"title": title, "text": text, "account": account}, sentences)
    latin = len(_LATIN.findall(title + text))
    cjk = len(_CJK.findall(title + text))
    return TextAnalysis(
        title=title,
        text=text,
        account_name=draft.account.name,
        account_bio=draft.account.bio,
        norm_title=normalize(title),
        norm_text=normalize(text),
        lang="en" if latin > 2 * cjk else "zh",
        lines=(*structure.lines(title, "title"), *text_lines),
        sentences=tuple(sentences),
        labels=tuple(labels),
        times=tuple(times),
        places=tuple(places),
        topics=topics,
        packs=packs,
    )
