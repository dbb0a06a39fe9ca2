"""A past event cited without its original absolute time and place (N2023-3d).

Triggered when the post cites a past *event*: a vague past word (当年, 那年, 老视频, 翻出,
years ago, throwback) or a year before last, with an event word (灾, 事故, 洪水, 新闻, flood …)
— see checks.text.obligations.old_news. Passes with an absolute time (2008年1月, July 2019)
AND a real place (湖南郴州; 某地 does not count). A relative time (三年前, 去年) resolves to a
year but is not 明确说明: a warning whose fix replaces it with the absolute year from the
publish date. Fiction is exempt (its 那年 is a story's).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.label_text import old_news_label
from checks.text.obligations import old_news

MISSING = L(
    zh="引用过去的事件（“{cue}”），但没有写明事件原始的{missing}",
    en="A past event is cited ('{cue}') without its original {missing}",
)
RELATIVE = L(
    zh="引用过去的事件，时间只写了“{rel}”；请写明具体时间（按发布日期应为{abs}）",
    en="A past event is dated only as '{rel}'; state the absolute time ({abs} from the publish date)",
)
PARTS = {
    "both": L(zh="时间和地点", en="time and place"),
    "time": L(zh="时间", en="time"),
    "place": L(zh="地点", en="place"),
}


def check(ctx: Context) -> Iterator[Finding]:
    ta = ctx.text
    hit = old_news(ta, ctx.publish_at, ctx.draft.declarations)
    if hit is None:
        return
    absolute = [t for t in ta.absolute_times() if t.year is not None and t.year < ctx.publish_at.year]
    relative = [
        t for t in ta.times if t.kind == "relative" and t.resolved and t.year and t.year < ctx.publish_at.year
    ]
    places = ta.real_places()
    has_time, has_place = bool(absolute), bool(places)
    if has_time and has_place:
        return
    cue = hit.trigger
    if relative and has_place and not has_time:
        rel = relative[0]
        fix = Fix(
            FixKind.INSERT_TEXT,
            ctx.t(
                L(zh="把“{rel}”改为“{abs}”", en="Replace '{rel}' with '{abs}'"),
                rel=rel.text,
                abs=rel.resolved,
            ),
            Applicability.UNSAFE,
            {"text": rel.resolved, "where": "replace", "span": [rel.start, rel.end], "target": rel.target},
        )
        yield ctx.finding(
            RULE, RELATIVE, severity=Severity.WARNING, target=rel.target, span=(rel.start, rel.end),
            evidence=rel.text, fixes=[fix], rel=rel.text, abs=rel.resolved,
        )  # fmt: skip
        return
    missing = "both" if not (has_time or has_place) else ("place" if has_time else "time")
    when = absolute[0].text if absolute else (relative[0].resolved if relative else None)
    where = places[0].text if places else None
    label = old_news_label(when, where, ta.lang)
    fix = Fix(
        FixKind.INSERT_TEXT,
        ctx.t(
            L(
                zh="写明事件原始时间和地点（请补全）",
                en="State the event's original time and place (complete it)",
            )
        ),
        Applicability.DISPLAY_ONLY,
        {"text": label, "where": "text_end", "target": "text"},
    )
    yield ctx.finding(
        RULE,
        MISSING,
        target=cue.target,
        span=(cue.start, cue.end),
        evidence=cue.text + (f" / {hit.event.text}" if hit.event and hit.event.text != cue.text else ""),
        fixes=[fix],
        cue=cue.text,
        missing=ctx.t(PARTS[missing]),
    )


RULE = Rule(
    id="old_news_time_place_missing",
    clause="N2023-3d",
    severity=Severity.ERROR,
    title=L(zh="引用旧闻未注明原始时间地点", en="Old news without its original time and place"),
    related_clauses=("SA2023-1.1",),
    doc=RuleDoc(
        what=L(
            zh="帖子引用过去的事件（“当年”“那年”“老视频”“翻出”“多年前”等，或两年以上前的年份，并与灾害、事故、新闻等事件词同时出现）时，检查是否写明事件原始的具体时间（如“2008年1月”）和真实地点（如“湖南郴州”）。“当年”“那年”本身不算时间，“某地”不算地点；“三年前”“去年”只给警告，并提供按发布日期换算的具体年份。虚构故事不检查。",
            en="When a post cites a past event (当年, 那年, 老视频, years ago, throwback, or a year before last, together with a disaster/accident/news word), checks that it states the event's original absolute time (January 2008) and a real place (Chenzhou, Hunan). 当年/那年 are not a time and 某地 is not a place; relative dates (三年前, last year) get a warning with the absolute year computed from the publish date. Fiction is exempt.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第3条：引用旧闻须明确说明事件发生的时间、地点；“清朗”专项行动把旧闻翻炒当新闻列为谣言。",
            en="Article 3 of the 2023 self-media notice: when citing past news, state when and where it happened; the 2023 special action treats reheated old news as rumour.",
        ),
        example=L(
            zh="“老视频：那年洪水，战士们把老人一个个背了出来”——没有年份和地点。",
            en="'Old clip: that year's flood, soldiers carried the elderly out one by one' — no year and no place.",
        ),
        fix=L(
            zh="在正文末尾插入“事件发生于____，地点：____”，已知部分自动填入，其余由作者补全（display_only）；相对时间可一键替换为具体年份（unsafe，需确认）。",
            en="Inserts 'Original event: ____, ____' with known parts filled in for you to complete (display-only); a relative date can be replaced by the computed absolute year (unsafe: confirm it).",
        ),
    ),
    check=check,
)
