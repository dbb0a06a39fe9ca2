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

from dataclasses import dataclass
from datetime import datetime

from checks.model import MediaFacts, Provenance
from checks.text import events
from checks.text.analysis import TextAnalysis
from checks.text.layer import Span
from checks.text.times import TimeMention
from checks.vocabulary.normalize import normalize

NEWS_TOPICS = ("current_affairs", "social_event")
LEXICONS = (
    "old_news_public_events",
    "old_news_events",
    "old_news_context",
    "personal_memory",
    "official_organs",
    "weather_only",
    *events.LEXICONS,
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


def old_news(ta: TextAnalysis, publish_at: datetime, declarations: tuple[str, ...]) -> OldNews | None:
    """The first sign that the post cites a past *event*: a year before last in the same sentence
    as an event word (灾, 事故, 洪水, flood …), or a vague past word (当年, 那年, years ago) with
    an event word *and* a sign that a public event is cited rather than remembered: an event
    public by nature (`old_news_public_events`: 地震, 洪水, 疫情), old footage, reporting or
    public scale (`old_news_context`), a news or social-event cue told in the third person
    (高速封了, 交通管制 — "那年我出了车祸" is a memory), or a `reposted` declaration."""
    if "fiction" in ta.topics or "fiction" in declarations:
        return None
    publish_year = publish_at.year
    public = ta.find("old_news_public_events")
    told = [c for c in news_cues(ta, declarations) if not _first_person(ta, c)]
    # Something that happened to others (砸伤了楼下一位老人) is an event, too.
    happened = [c for c in ta.find("event_happenings") if not _first_person(ta, c)]
    cited_events = public + ta.find("old_news_events") + list(ta.topics.get("disaster", ())) + told + happened
    if not cited_events:
        return None
    context = bool(ta.find("old_news_context")) or "reposted" in declarations
    cited = bool(public) or context or bool(told)
    if ta.find("personal_memory") and not context:
        cited = False
    further = _points_further(ta, publish_at)
    for t in ta.times:
        old_year = t.kind in ("absolute", "relative") and t.year is not None and t.year < publish_year - 1
        if t.kind == "vague" and _recent_demonstrative(ta, t, publish_at, further):
            continue  # "昨晚那场大火": a demonstrative pointing at yesterday's news
        if t.kind == "vague" or old_year:
            near = _nearest(cited_events, t)
            if (t.kind == "vague" and cited) or (t.kind != "vague" and _same_sentence(ta, t, near)):
                return OldNews(t, near)
    return None


def _first_person(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is about the creator ("那年我家着火了"): a memory, not a public event."""
    return events.first_person(ta, cue)


def _recent_demonstrative(ta: TextAnalysis, t: TimeMention, publish_at: datetime, further: bool) -> bool:
    """A demonstrative (那场, 那次) dated recent by its own sentence, or by the post when nothing
    in it points `further` back (no 当年, 多年前, old year)."""
    if normalize(t.text) not in _demonstratives(ta):
        return False
    if events.recent_at(ta, t.target, t.start, publish_at):
        return True
    return not further and events.recent_post(ta, publish_at)


def _demonstratives(ta: TextAnalysis) -> frozenset[str]:
    return frozenset(normalize(w) for w in ta.packs.lexicon("time_demonstrative")) if ta.packs else frozenset()


def _points_further(ta: TextAnalysis, publish_at: datetime) -> bool:
    demonstratives = _demonstratives(ta)
    return any(
        (x.kind == "vague" and normalize(x.text) not in demonstratives)
        or (x.kind in ("absolute", "relative") and x.year is not None and x.year < publish_at.year)
        for x in ta.times
    )


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


def reported_cues(ta: TextAnalysis, declarations: tuple[str, ...] = ()) -> list[Span]:
    """News cues told as a report rather than in a how-to, checklist or personal plan, plus
    relayed happenings with no topic word (see checks.text.events)."""
    if any(lb.status in ("ok", "deferred") for lb in ta.labels_of("fiction")):
        return []  # the creator says it is fiction or a dramatisation: a plot, not news
    cues = [c for c in news_cues(ta, declarations) if not events.general(ta, c) and not events.personal_plan(ta, c)]
    if "fiction" in ta.topics or "fiction" in declarations:
        return cues
    seen = {(c.target, c.start) for c in cues}
    cues += [c for c in events.relayed_events(ta) if (c.target, c.start) not in seen]
    return cues


def relayed_by_label(ta: TextAnalysis) -> list[Span]:
    """What a vague or deferred source label (据报道, 网传, reports say, 来源见评论区) relays: the
    creator marks the post as passed-on information, so a policy or weather word (`news_weak`,
    `weather_only`: 新规, 寒潮) or something that happened to others (送医, 检出问题) is news that
    owes a checkable source. Casual hearsay about a shop ("听说这家店很好吃") relays none of these."""
    cues = list(ta.topics.get("news_weak", ())) + ta.find("weather_only")
    cues += [h for h in ta.find("event_happenings") if not _first_person(ta, h)]
    return sorted(cues, key=lambda c: (c.target != "title", c.start))


def source_obligation(
    ta: TextAnalysis, media: tuple[MediaFacts, ...], declarations: tuple[str, ...], publish_at: datetime
) -> list[Span]:
    """The news cues that make a source label necessary ([] when the post owes none)."""
    attempted = bool(ta.labels_of("source", "vague") or ta.labels_of("source", "deferred"))
    cues = reported_cues(ta, declarations) or (relayed_by_label(ta) if attempted else [])
    if not cues or "fiction" in ta.topics or "fiction" in declarations:
        return []
    relayed = [c for c in cues if c.lexicon == "event_happenings"]  # checked for person already
    social = ta.topics.get("social_event", ())
    if not attempted and not relayed and all(c in social and _first_person(ta, c) for c in cues):
        return []  # "那年我出了车祸": the creator's own experience, not relayed news
    if self_shot_media(media, declarations):
        return []
    if old_news(ta, publish_at, declarations) is not None:
        return []
    if not attempted and ("monetisation" in ta.topics or "advertising" in declarations):
        # A pitch riding on events in general is the exploitation rules' case; one that reports
        # a fresh event (前天…大水冲垮了两座桥) is reporting it too, and owes its source.
        fresh = [
            c
            for c in cues
            if c.lexicon in ("topic_social_event", "event_happenings")
            and events.fresh(ta, c, publish_at)
        ]
        if not [c for c in fresh if not events.first_person_clause(ta, c)]:
            return []
    if not attempted and issuer_account(ta):
        return []
    return cues
