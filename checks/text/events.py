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
from datetime import datetime
from typing import TYPE_CHECKING

from checks.text.layer import Span
from checks.text.structure import Segment

if TYPE_CHECKING:
    from checks.text.analysis import TextAnalysis

CLAUSE_END = re.compile(r"[，,。！？!?；;：:\n]")
FIRST_PERSON = re.compile(r"[我咱俺]|家里|自家|\b(?:i|my|me|we|our|us)\b")
# The creator's own plan: the subject is 我 (not 我们 — "我们小区下月起…" is a public change).
PERSONAL_PLAN = re.compile(
    r"我(?!们)[^，,。！？!?]{0,3}(?:要|打算|准备|决定|计划|想|会|得|开始)|\bi(?:'m| am) (?:going|planning) to\b|\bi will\b"
)
LIST_MARK = "、"
FRESH_DAYS = 31


def sentence_of(ta: TextAnalysis, target: str, pos: int) -> Segment | None:
    return ta.sentence_of(Segment(target, pos, pos + 1, ""))


def _norm(ta: TextAnalysis, target: str) -> str:
    return ta.norm_title if target == "title" else ta.norm_text


def clause_span(ta: TextAnalysis, target: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between ，。！？；：) around [start, end) of `target`."""
    norm = _norm(ta, target)
    lo = start
    while lo > 0 and not CLAUSE_END.match(norm[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(norm) and not CLAUSE_END.match(norm[hi]):
        hi += 1
    return lo, hi


def _inside(hits: list[Span], target: str, lo: int, hi: int) -> list[Span]:
    return [h for h in hits if h.target == target and lo <= h.start < hi]


def anchored(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is dated (any time mention but a vague one) or relayed."""
    sent = sentence_of(ta, cue.target, cue.start)
    if sent is None:
        return False
    if any(
        t.target == cue.target and sent.start <= t.start < sent.end and t.kind != "vague" for t in ta.times
    ):
        return True
    relay = ta.find("topic_relay") + ta.find("topic_hearsay") + ta.find("time_recent")
    return bool(_inside(relay, cue.target, sent.start, sent.end))


def general(ta: TextAnalysis, cue: Span) -> bool:
    """The cue names events in general — a hypothetical, an instruction, a how-to title, a list
    of hazards — and its sentence is neither dated nor relayed."""
    lo, hi = clause_span(ta, cue.target, cue.start, cue.end)
    norm = _norm(ta, cue.target)
    framed = bool(_inside(ta.find("frame_hypothetical"), cue.target, lo, hi))
    listed = LIST_MARK in norm[max(lo, cue.start - 1) : min(hi, cue.end + 1)]
    howto_title = cue.target == "title" and bool(ta.find("frame_howto_title", "title"))
    if not (framed or listed or howto_title):
        return False
    return not anchored(ta, cue)


def personal_plan(ta: TextAnalysis, cue: Span) -> bool:
    """"下个月开始我要早起跑步": the change is the creator's own resolution, not a public rule."""
    lo, hi = clause_span(ta, cue.target, cue.start, cue.end)
    sent = sentence_of(ta, cue.target, cue.start)
    if sent is not None:
        lo, hi = min(lo, sent.start), max(hi, sent.end)
    return PERSONAL_PLAN.search(_norm(ta, cue.target), lo, hi) is not None


def first_person(ta: TextAnalysis, cue: Span) -> bool:
    """The cue's sentence is about the creator ("那年我家着火了"): a memory, not a public event."""
    sent = sentence_of(ta, cue.target, cue.start)
    return sent is not None and FIRST_PERSON.search(_norm(ta, cue.target), sent.start, sent.end) is not None


def relayed_events(ta: TextAnalysis) -> list[Span]:
    """Reports with no topic word: a relay marker and a happening (same or next sentence, about
    others) — "群里有人说…据说伤了不少人", "看到一篇报道，说…孩子上吐下泻"."""
    relays = ta.find("topic_relay") + ta.find("topic_hearsay")
    if not relays:
        return []
    happenings = ta.find("event_happenings")
    out: list[Span] = []
    sents = list(ta.sentences)
    for r in relays:
        sent = sentence_of(ta, r.target, r.start)
        if sent is None:
            continue
        window = [sent]
        nxt = sents.index(sent) + 1
        if nxt < len(sents) and sents[nxt].target == sent.target:
            window.append(sents[nxt])
        for s in window:
            for h in _inside(happenings, s.target, s.start, s.end):
                # Only what was relayed counts: "our group chat said the bridge collapsed" is
                # about the bridge, "我听说…我摔伤了" about the creator.
                lo = r.end if s is sent and r.end <= h.start else s.start
                if FIRST_PERSON.search(_norm(ta, h.target), lo, h.end) is None:
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
    if _inside(ta.find("time_recent"), target, sent.start, sent.end):
        return True
    today = publish.date()
    for t in ta.times:
        if t.target != target or not sent.start <= t.start < sent.end:
            continue
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
