"""The *event report* frame: something happened to people or places, told as news or hearsay.

A topic word (车祸, 地震, 新规) says what a post mentions, not how: the source duty (N2023-3a)
applies to a post that *reports* an event, not to one that prepares for events in general. This
module decides, per cue, between
- a report: the cue's sentence is anchored in time (昨晚, 前天, 3月5日) or relayed (群里有人说,
  看到一篇报道, 网友爆料), or simply states that it happened;
- a how-to / preparedness / warning frame: the cue's clause is hypothetical or an instruction
  (遇到车祸别慌, 万一着火, 地震来之前备好…, lexicon `frame_hypothetical`), the title announces
  a how-to (…先做这三件事, 自救指南, lexicon `frame_howto_title`), or the cue is one item of a
  list of hazards (地震、洪水、台风) — unless the sentence is anchored or relayed;
- a personal plan ("下个月开始我要早起跑步"): a change the creator makes for themself.
It also finds reports that carry no topic word at all: a relay marker (`topic_hearsay`,
`topic_relay`) with something that happened (`event_happenings`: 出现裂缝, 上吐下泻, 伤了)
in the same or the next sentence, told about others.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.text.layer import Span
from checks.text.structure import Segment

if TYPE_CHECKING:
    from checks.text.analysis import TextAnalysis

LEXICONS = (
    "frame_hypothetical",
    "frame_howto_title",
    "topic_relay",
    "topic_hearsay",
    "event_happenings",
    "time_recent",
    "time_demonstrative",
)
CLAUSE_END = re.compile(r"[，,。！？!?；;：:\n]")
FIRST_PERSON = re.compile(r"[我咱俺]|家里|自家|\b(?:i|my|me|we|our|us)\b")
# The creator's own plan: the subject is 我 (not 我们 — "我们小区下月起…" is a public change).
PERSONAL_PLAN = re.compile(
    r"我(?!们)[^，,。！？!?]{0,3}(?:要|打算|准备|决定|计划|想|会|得|开始)|\bi(?:'m| am) (?:going|planning) to\b|\bi will\b"
)
LIST_MARK = "、"
FRESH_DAYS = 31


class _Index:
    """One analysis's frame queries answered by bisection (hostile text stays linear): clause
    ends per target, the starts of every lexicon's hits, time mentions by position."""

    def __init__(self, ta: TextAnalysis) -> None:
        self.ta = ta
        self.ends = {t: [m.start() for m in CLAUSE_END.finditer(_norm(ta, t))] for t in ("title", "text")}
        self._hits: dict[str, dict[str, tuple[list[int], list[Span]]]] = {}
        self.times: dict[str, tuple[list[int], list]] = {}
        for t in ("title", "text"):
            ts = sorted((x for x in ta.times if x.target == t), key=lambda x: x.start)
            self.times[t] = ([x.start for x in ts], ts)
        self._recent_post: bool | None = None

    def hits(self, lexicon: str, target: str) -> tuple[list[int], list[Span]]:
        per = self._hits.get(lexicon)
        if per is None:
            per = {}
            for t in ("title", "text"):
                spans = sorted((h for h in self.ta.find(lexicon, t)), key=lambda h: h.start)
                per[t] = ([h.start for h in spans], spans)
            self._hits[lexicon] = per
        return per.get(target, ([], []))

    def within(self, lexicon: str, target: str, lo: int, hi: int) -> list[Span]:
        starts, spans = self.hits(lexicon, target)
        return spans[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def times_within(self, target: str, lo: int, hi: int) -> list:
        starts, ts = self.times.get(target, ([], []))
        return ts[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def clause(self, target: str, start: int, end: int) -> tuple[int, int]:
        ends = self.ends.get(target, [])
        i = bisect_left(ends, start)
        lo = ends[i - 1] + 1 if i > 0 else 0
        j = bisect_left(ends, end)
        hi = ends[j] if j < len(ends) else len(_norm(self.ta, target))
        return lo, hi


_INDEX: list[tuple[TextAnalysis, _Index]] = []


def _index(ta: TextAnalysis) -> _Index:
    for owner, idx in _INDEX:
        if owner is ta:
            return idx
    idx = _Index(ta)
    _INDEX.append((ta, idx))
    del _INDEX[:-4]
    return idx


def sentence_of(ta: TextAnalysis, target: str, pos: int) -> Segment | None:
    return ta.sentence_of(Segment(target, pos, pos + 1, ""))


def _norm(ta: TextAnalysis, target: str) -> str:
    return ta.norm_title if target == "title" else ta.norm_text


def clause_span(ta: TextAnalysis, target: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between ，。！？；：) around [start, end) of `target`."""
    return _index(ta).clause(target, start, end)


def anchored(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is dated (any time mention but a vague one) or relayed."""
    sent = sentence_of(ta, cue.target, cue.start)
    if sent is None:
        return False
    idx = _index(ta)
    if any(t.kind != "vague" for t in idx.times_within(cue.target, sent.start, sent.end)):
        return True
    return any(
        idx.within(lex, cue.target, sent.start, sent.end)
        for lex in ("topic_relay", "topic_hearsay", "time_recent")
    )


def general(ta: TextAnalysis, cue: Span) -> bool:
    """The cue names events in general — a hypothetical, an instruction, a how-to title, a list
    of hazards — and its sentence is neither dated nor relayed."""
    idx = _index(ta)
    lo, hi = idx.clause(cue.target, cue.start, cue.end)
    norm = _norm(ta, cue.target)
    framed = bool(idx.within("frame_hypothetical", cue.target, lo, hi))
    listed = LIST_MARK in norm[max(lo, cue.start - 1) : min(hi, cue.end + 1)]
    howto_title = cue.target == "title" and bool(idx.hits("frame_howto_title", "title")[0])
    if not (framed or listed or howto_title):
        return False
    return not anchored(ta, cue)


def personal_plan(ta: TextAnalysis, cue: Span) -> bool:
    """ "下个月开始我要早起跑步": the change is the creator's own resolution, not a public rule."""
    sent = sentence_of(ta, cue.target, cue.start)
    if sent is None:
        return False
    return _plans(_norm(ta, cue.target), sent.start, sent.end)


@lru_cache(maxsize=4096)
def _plans(norm: str, start: int, end: int) -> bool:
    return PERSONAL_PLAN.search(norm, start, end) is not None


def first_person(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is about the creator ("那年我家着火了"): a memory, not a public event."""
    sent = sentence_of(ta, cue.target, cue.start)
    return sent is not None and _speaks_of_self(_norm(ta, cue.target), sent.start, sent.end)


def first_person_clause(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's clause (between commas) is about the creator: "前天那场台风把堤坝冲垮了，视频我剪好了"
    tells a public event and then what the creator did with it; only "我家被冲垮了" is personal."""
    norm = _norm(ta, cue.target)
    ends = _index(ta).ends.get(cue.target, [])
    k = bisect_left(ends, cue.start)
    lo = ends[k - 1] + 1 if k > 0 else 0
    hi = ends[k] if k < len(ends) else len(norm)
    return FIRST_PERSON.search(norm, lo, hi) is not None


@lru_cache(maxsize=4096)
def _speaks_of_self(norm: str, start: int, end: int) -> bool:
    """Once per sentence, however many cues it holds (a hostile post is one endless sentence)."""
    return FIRST_PERSON.search(norm, start, end) is not None


def relayed_events(ta: TextAnalysis) -> list[Span]:
    """Reports with no topic word: a relay marker and a happening (same or next sentence, about
    others) — "群里有人说…据说伤了不少人", "看到一篇报道，说…孩子上吐下泻"."""
    idx = _index(ta)
    out: list[Span] = []
    for target in ("title", "text"):
        relays = sorted(
            idx.hits("topic_relay", target)[1] + idx.hits("topic_hearsay", target)[1], key=lambda r: r.start
        )
        if not relays:
            continue
        relay_ends = [r.end for r in relays]
        for h in idx.hits("event_happenings", target)[1]:
            sent = sentence_of(ta, target, h.start)
            if sent is None:
                continue
            # the last relay before the happening in its sentence, or one in the sentence before
            k = bisect_right(relay_ends, h.start) - 1
            after = k + 1 < len(relays) and relays[k + 1].start < sent.end  # "…裂缝，据网友爆料…"
            if k >= 0 and relays[k].start >= sent.start:
                lo = relays[k].end
            elif after:
                lo = sent.start
            else:
                prev = sentence_of(ta, target, sent.start - 1) if sent.start > 0 else None
                inside = prev is not None and k >= 0 and relays[k].start >= prev.start
                if not inside:
                    continue
                lo = sent.start
            # Only what was relayed counts: "our group chat said the bridge collapsed" is about
            # the bridge, "我听说…我摔伤了" about the creator.
            if FIRST_PERSON.search(_norm(ta, target), lo, h.end) is None:
                out.append(h)
    return out


def fresh(ta: TextAnalysis, cue: Span, publish: datetime) -> bool:
    """The cue's sentence dates it within a month of publishing (昨晚, 前天, 这两天, 11月20日)."""
    return recent_at(ta, cue.target, cue.start, publish)


def recent_at(ta: TextAnalysis, target: str, pos: int, publish: datetime) -> bool:
    """The sentence at `pos` holds a recent anchor: a now-word, a recent word (`time_recent`) or
    a date at most FRESH_DAYS before publishing."""
    sent = sentence_of(ta, target, pos)
    if sent is None:
        return False
    idx = _index(ta)
    if idx.within("time_recent", target, sent.start, sent.end):
        return True
    today = publish.date()
    for t in idx.times_within(target, sent.start, sent.end):
        if t.kind == "now":
            return True
        if t.kind in ("relative", "absolute") and t.year and t.month and t.day:
            try:
                days = (today - datetime(t.year, t.month, t.day).date()).days
            except ValueError:
                continue
            if 0 <= days <= FRESH_DAYS:
                return True
    return False


def recent_post(ta: TextAnalysis, publish: datetime) -> bool:
    """Some sentence of the post holds a recent anchor (computed once per analysis)."""
    idx = _index(ta)
    if idx._recent_post is None:
        idx._recent_post = any(recent_at(ta, s.target, s.start, publish) for s in ta.sentences)
    return idx._recent_post
