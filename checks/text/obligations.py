"""Which labelling obligations a post's content triggers — shared by the label rules.

The rules disagree on purpose about overlapping cases, and this is where those decisions live:
- first-hand self-shot reporting owes a shooting time and place (N2023-3b), not a source: a
  source names where *relayed* information came from (Douyin: "self-made → time+place, else
  source");
- the creator's own mishap told in the first person ("我出了车祸") is experience, not relayed
  news: it owes no source (policy news in the first person — "我们公司通知…" — still does);
- a post about a past event owes its original time and place (N2023-3d) rather than a source;
- fiction is not news, and a sales/tipping pitch riding on an event is judged by the
  exploitation rules, not as reporting;
- an account that presents itself as the issuing authority (name contains 公安, 政府, 疾控 …)
  and cites nothing is the impersonation rules' case: asking it for "a source" would be asking
  it to cite itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checks.model import MediaFacts, Provenance
from checks.text.analysis import TextAnalysis
from checks.text.layer import Span
from checks.text.times import TimeMention

NEWS_TOPICS = ("current_affairs", "social_event")
LEXICONS = (
    "old_news_public_events",
    "old_news_events",
    "old_news_context",
    "personal_memory",
    "official_organs",
)


def self_shot_media(media: tuple[MediaFacts, ...], declarations: tuple[str, ...]) -> list[int]:
    """Indices of media that are the creator's own footage (read from the file, or declared)."""
    own = [i for i, m in enumerate(media) if m.error is None and m.provenance == Provenance.SELF_SHOT]
    if own or "self_shot" not in declarations:
        return own
    return [
        i
        for i, m in enumerate(media)
        if m.error is None and m.provenance in (Provenance.UNKNOWN, Provenance.EDITED) and not m.ai_evidence
    ]


def news_cues(ta: TextAnalysis, declarations: tuple[str, ...] = (), *, witnessed: bool = False) -> list[Span]:
    """The cues that make a post news. Fiction is never news (a short drama's 大火 is plot).
    With `witnessed` (the creator filmed it) incidents count too — a stopped train, a flooded
    car park: on their own footage that is a social event, in a text-only diary it is not."""
    if "fiction" in ta.topics or "fiction" in declarations:
        return []
    topics = (*NEWS_TOPICS, "incident") if witnessed else NEWS_TOPICS
    return [c for t in topics for c in ta.topics.get(t, ())]


@dataclass(frozen=True)
class OldNews:
    trigger: TimeMention
    event: Span | None


def old_news(ta: TextAnalysis, publish_year: int, declarations: tuple[str, ...]) -> OldNews | None:
    """The first sign that the post cites a past *event*: a year before last in the same sentence
    as an event word (灾, 事故, 洪水, flood …), or a vague past word (当年, 那年, years ago) with
    an event word *and* a sign that a public event is cited rather than remembered: an event
    public by nature (`old_news_public_events`: 地震, 洪水, 疫情), old footage, reporting or
    public scale (`old_news_context`), a news or social-event cue told in the third person
    (高速封了, 交通管制 — "那年我出了车祸" is a memory), or a `reposted` declaration."""
    if "fiction" in ta.topics or "fiction" in declarations:
        return None
    public = ta.find("old_news_public_events")
    told = [c for c in news_cues(ta, declarations) if not _first_person(ta, c)]
    events = public + ta.find("old_news_events") + list(ta.topics.get("disaster", ())) + told
    if not events:
        return None
    context = bool(ta.find("old_news_context")) or "reposted" in declarations
    cited = bool(public) or context or bool(told)
    if ta.find("personal_memory") and not context:
        cited = False
    for t in ta.times:
        old_year = t.kind in ("absolute", "relative") and t.year is not None and t.year < publish_year - 1
        if t.kind == "vague" or old_year:
            near = _nearest(events, t)
            if (t.kind == "vague" and cited) or (t.kind != "vague" and _same_sentence(ta, t, near)):
                return OldNews(t, near)
    return None


FIRST_PERSON = re.compile(r"[我咱俺]|家里|自家|\b(?:i|my|me|we|our|us)\b")


def _first_person(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is about the creator ("那年我家着火了"): a memory, not a public event."""
    norm = ta.norm_title if cue.target == "title" else ta.norm_text
    s = ta.sentence_of(cue)
    return s is not None and _speaks_of_self(norm, s.start, s.end)


@lru_cache(maxsize=4096)
def _speaks_of_self(norm: str, start: int, end: int) -> bool:
    """Once per sentence, however many cues it holds (a hostile post is one endless sentence)."""
    return FIRST_PERSON.search(norm, start, end) is not None


def _nearest(events: list[Span], t: TimeMention) -> Span | None:
    same = [e for e in events if e.target == t.target] or events
    return min(same, key=lambda e: abs(e.start - t.start)) if same else None


def _same_sentence(ta: TextAnalysis, t: TimeMention, cue: Span | None) -> bool:
    if cue is None or cue.target != t.target:
        return False
    s = ta.sentence_of(t)
    return s is not None and s.start <= cue.start < s.end


def issuer_account(ta: TextAnalysis) -> bool:
    """The account name claims to be an official body (lexicon `official_organs`)."""
    return any(c.target == "name" for c in ta.claims.organs)


def source_obligation(
    ta: TextAnalysis, media: tuple[MediaFacts, ...], declarations: tuple[str, ...], publish_year: int
) -> list[Span]:
    """The news cues that make a source label necessary ([] when the post owes none)."""
    attempted = bool(ta.labels_of("source", "vague") or ta.labels_of("source", "deferred"))
    cues = news_cues(ta, declarations) or (list(ta.topics.get("news_weak", ())) if attempted else [])
    if not cues or "fiction" in ta.topics or "fiction" in declarations:
        return []
    if not attempted and all(c in ta.topics.get("social_event", ()) and _first_person(ta, c) for c in cues):
        return []  # "那年我出了车祸": the creator's own experience, not relayed news
    if self_shot_media(media, declarations):
        return []
    if old_news(ta, publish_year, declarations) is not None:
        return []
    if not attempted and ("monetisation" in ta.topics or "advertising" in declarations):
        return []
    if not attempted and issuer_account(ta):
        return []
    return cues
