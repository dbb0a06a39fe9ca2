"""Topic cues: what a post is about, as far as the labelling obligations care.

Every topic is a pack lexicon (phrases + regular expressions) matched over title and text, so a
pack can extend it. Topics (key → lexicon):
- current_affairs → `topic_current_affairs` (news, public policy, official notices: 新规, 上调,
  封闭施工, 交通管制 …); hearsay → `topic_hearsay` (听说, 网传, 群里都在传 — news passed on);
- social_event → `topic_social_event` (事故, 着火, 交警, 急停 …) and `disaster_terms`;
- incident → `topic_incident` (地铁停了, 车被水淹, 暴雨…冲毁): witnessed incidents, news when
  the creator filmed them (shooting rule), a diary otherwise (not enough to ask for a source);
- news_weak → `topic_current_affairs_weak` / `topic_social_event_weak`: words that are news
  only in company (通知, 涨价, 停电, 延误, 现场); two different ones, or one with hearsay,
  add them to current_affairs / social_event (a rule may also accept one with a vague source);
- disaster → `disaster_terms`; vulnerable → `vulnerable_groups`; monetisation → `monetisation_hooks`;
- fiction → `fiction_cues_strong` (one is enough: 短剧, 下集更精彩, 大结局), or plot cues
  `fiction_cues_weak` (反转, 结局, 十年后, you won't believe …) scoring two: each distinct plot
  cue counts one, a series marker (`fiction_cues_series`: 第3集, 下集, Part 2) one, and an
  account name/bio that calls its videos stories (`fiction_account_cues`) one — at least one
  plot cue is always needed, so a "Part 2" tutorial is not fiction; a script (three lines
  opening with a speaker, two speakers: "婆婆：…" / "我：…") is a strong cue; an account that
  says its posts are fiction (`fiction_account_notice`: 均为虚构, 剧情演绎) makes any story
  instalment (series marker or plot cue) fiction; in a review (`fiction_review_context`: 电影,
  这部剧, 追剧 …) only the creator's own drama (`fiction_cues_own`: 我的短剧, 下集更精彩, a
  script) counts — genre words (大结局, 短剧) there describe someone else's series;
- ai_content → `topic_ai_content` (用AI画的, AI换脸, Midjourney …): the text says it is AI-made;
- advice_finance / advice_education / advice_health / advice_justice → a domain cue
  (`advice_<field>`) in the same sentence as an advice marker (`advice_markers`): advice, not
  mere mention ("医生让我按时吃饭" is a report, "停药两天就行" is advice).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from checks.text.layer import Span
from checks.text.layer import find as hits_of
from checks.text.structure import Segment
from checks.vocabulary.normalize import normalize

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet

SIMPLE = {
    "current_affairs": ("topic_current_affairs",),
    "news_weak": ("topic_current_affairs_weak", "topic_social_event_weak"),
    "hearsay": ("topic_hearsay",),
    "social_event": ("topic_social_event", "disaster_terms"),
    "incident": ("topic_incident",),
    "disaster": ("disaster_terms",),
    "vulnerable": ("vulnerable_groups",),
    "monetisation": ("monetisation_hooks",),
    "ai_content": ("topic_ai_content",),
}
ADVICE_FIELDS = ("finance", "education", "health", "justice")
LEXICONS = (
    *(lex for lexicons in SIMPLE.values() for lex in lexicons),
    *(f"advice_{f}" for f in ADVICE_FIELDS),
    "advice_markers",
    "weather_only",
    "fiction_cues_own",
    "fiction_cues_strong",
    "fiction_cues_weak",
    "fiction_cues_series",
    "fiction_account_cues",
    "fiction_account_notice",
    "fiction_account_documentary",
    "fiction_review_context",
    "fiction_reality_claims",
    "fiction_reconstruction",
    "fiction_narration",
)


def hits(packs: PackSet, lexicon: str, target: str, text: str) -> list[Span]:
    """Matches of one lexicon's phrases and patterns in `text` (checks.text.layer.find)."""
    return hits_of(packs, lexicon, text, target)


def find_topics(
    packs: PackSet, parts: dict[str, str], sentences: list[Segment]
) -> dict[str, tuple[Span, ...]]:
    """topic → the cues that put the post in it (empty topics are left out)."""
    found: dict[str, list[Span]] = {}
    body = {k: v for k, v in parts.items() if k in ("title", "text")}
    for topic, lexicons in SIMPLE.items():
        for lex in lexicons:
            for target, text in body.items():
                found.setdefault(topic, []).extend(_as(topic, hits(packs, lex, target, text)))
    _promote_weak_news(found)
    _weather_alone(packs, found)
    fiction = _fiction(packs, body, {k: v for k, v in parts.items() if k in ("name", "bio")})
    if fiction:
        found["fiction"] = fiction
    for fld in ADVICE_FIELDS:
        cues = _advice(packs, fld, sentences, body)
        if cues:
            found[f"advice_{fld}"] = cues
    return {k: tuple(sorted(v, key=lambda c: (c.target, c.start))) for k, v in found.items() if v}


SPEAKER = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{1,4}|[A-Z][a-z]{1,10})[ \t\u3000]*[:：]", re.M)
NOT_SPEAKERS = frozenset(
    "时间 地点 来源 注意 备注 声明 步骤 材料 做法 配料 参数 提示 总结 标题 原因 结果 问题 答案 方法 价格 地址 电话 "
    "第一 第二 第三 优点 缺点 重点 注 PS Note Source Time Place Step Tips".split()
)


def _fiction(packs: PackSet, body: dict[str, str], account_parts: dict[str, str]) -> list[Span]:
    """The fiction cues of a post, or [] when it does not read as the creator's own fiction."""

    def body_hits(lexicon: str) -> list[Span]:
        return [c for t, x in body.items() for c in hits(packs, lexicon, t, x)]

    script = _dialogue(body.get("text", ""))
    if script and body_hits("fiction_reality_claims"):
        script = []  # a real exchange laid out as a script, stated as real ("真实发生", "原话")
    own = body_hits("fiction_cues_own") + script + _reconstruction(body_hits)
    strong = body_hits("fiction_cues_strong")
    weak = body_hits("fiction_cues_weak")
    series = body_hits("fiction_cues_series")
    account = [
        c
        for t, x in account_parts.items()
        for c in hits(packs, "fiction_account_cues", t, x)
        if not _documentary(packs, x, c)
    ]
    notice = [
        c
        for t, x in account_parts.items()
        for c in hits(packs, "fiction_account_notice", t, x)
        if not _denied(x, c)
    ]
    if any(body_hits("fiction_review_context")):
        # A fan talking about a broadcast series: its 大结局/短剧/反转 are someone else's.
        return _as("fiction", own + strong + weak + series) if own else []
    score = len({normalize(c.text) for c in weak}) + (1 if series else 0) + (1 if account else 0)
    reality = body_hits("fiction_reality_claims") + [
        c for t, x in account_parts.items() for c in hits(packs, "fiction_reality_claims", t, x)
    ]
    if reality and not (own or strong or notice or series):
        # "讲真实案件": a 竟然是 or a 故事会 name does not make a real case a story (an episode
        # series that swears it is real — 第5集…不是剧本 — is still a series)
        return []
    # a chapter of a serial (第二章…明晚更新) by an account that writes stories (写点小说)
    if own or strong or (weak and score >= 2) or (notice and (series or weak)) or (series and account):
        return _as("fiction", own + strong + weak + series + account)
    return []


def _reconstruction(body_hits: Callable[[str], list[Span]]) -> list[Span]:
    """A real case retold as a scene: a reconstruction marker (还原, 真实案件) with omniscient
    narration (心想, 攥着, 突然明白 — what a report cannot know): a dramatisation."""
    marker = body_hits("fiction_reconstruction")
    narration = body_hits("fiction_narration")
    return marker[:1] + narration[:1] if marker and narration else []


def _documentary(packs: PackSet, text: str, cue: Span) -> bool:
    """记录基层故事, 身边的真实故事: an account that documents people's stories, not one that makes
    them up — its 故事 is no fiction cue."""
    before = normalize(text[max(0, cue.start - 6) : cue.start])
    return any(normalize(w) in before for w in packs.lexicon("fiction_account_documentary"))


def _denied(text: str, cue: Span) -> bool:
    """非虚构 / 不是演绎 / non-fiction: a denial, not a notice."""
    before = normalize(text[max(0, cue.start - 3) : cue.start])
    return before.endswith(("非", "不是", "无", "non-", "non", "not ")) or before.endswith("不")


def _dialogue(text: str) -> list[Span]:
    """A script: three or more lines opening with a speaker name (婆婆：… 我：…), two speakers."""
    lines = [m for m in SPEAKER.finditer(text) if m.group(1) not in NOT_SPEAKERS]
    if len(lines) >= 3 and len({m.group(1) for m in lines}) >= 2:
        m = lines[0]
        return [Span("text", m.start(1), m.end(), text[m.start(1) : m.end()], m.group(0), "dialogue")]
    return []


def _weather_alone(packs: PackSet, found: dict[str, list[Span]]) -> None:
    """Weather words (暴雨, 寒潮 — lexicon `weather_only`) alone do not make a social event."""
    weather = {normalize(w) for w in packs.lexicon("weather_only")}
    social = found.get("social_event", [])
    if social and all(normalize(c.text) in weather for c in social) and not found.get("current_affairs"):
        found["social_event"] = []


def _promote_weak_news(found: dict[str, list[Span]]) -> None:
    """Everyday-ambiguous news words (通知, 延误, 涨价) count when two different ones meet, or
    one meets hearsay (听说, 网传): then they join current_affairs / social_event."""
    weak = found.get("news_weak", [])
    if len({normalize(c.text) for c in weak}) >= 2 or (weak and found.get("hearsay")):
        for c in weak:
            topic = "current_affairs" if c.lexicon == "topic_current_affairs_weak" else "social_event"
            found.setdefault(topic, []).append(c)


def _as(topic: str, cues: list[Span]) -> list[Span]:
    """The cues that put a post in `topic` (kept as one Span type; the topic is the dict key)."""
    return cues


def _advice(packs: PackSet, fld: str, sentences: list[Segment], body: dict[str, str]) -> list[Span]:
    """Domain cues whose sentence also holds an advice marker (each lexicon matched once per target)."""
    out: list[Span] = []
    for target, text in body.items():
        domain = hits(packs, f"advice_{fld}", target, text)
        if not domain:
            continue
        markers = hits(packs, "advice_markers", target, text)
        spans = [(s.start, s.end) for s in sentences if s.target == target]
        for c in domain:
            sent = next(((a, b) for a, b in spans if a <= c.start < b), None)
            if sent and any(sent[0] <= m.start < sent[1] for m in markers):
                out.append(c)
    return out
