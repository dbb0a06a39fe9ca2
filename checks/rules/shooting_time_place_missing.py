"""Self-shot media in a news post without a visible shooting time and place (N2023-3b).

The creator's own photos and videos of an event must say when and where they were shot, in the
text viewers see — EXIF and GPS are invisible to them. On news, policy and social-event posts
(accidents, fires, public notices, disasters) a missing time or place is an error; on everyday
posts it is only an `info` suggestion. "Time" may be relative here (昨晚十点多, 刚刚) because
it dates the footage to the post; the place must be a real one, not 某地/当地.

Footage makes more things news than text does. Besides news and incident cues, a *public scene*
counts: people of the public (商户, 业主, 工作人员, 乘客 — `witnessed_public_actors`) caught up in
a disruption or a conflict (拆了, 吵起来, 黑屏, 排到出站口 — `witnessed_disruptions`) in the same
sentence or the next one. A home video (我妈吵我) or a queue for milk tea names neither.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.label_text import is_complete, shooting_label
from checks.text.analysis import TextAnalysis
from checks.text.layer import Span
from checks.text.obligations import news_cues, self_shot_media

MISSING = {
    "both": L(zh="时间和地点", en="time and place"),
    "time": L(zh="时间", en="time"),
    "place": L(zh="地点", en="place"),
}
MESSAGE = L(
    zh="自拍/自摄的图片或视频用于时事/社会事件内容（“{cue}”），但正文没有标注拍摄{missing}",
    en="Self-shot media in a news/social-event post ('{cue}') without the shooting {missing} in the text",
)
ADVICE = L(
    zh="自摄图片/视频未在正文标注拍摄{missing}；发布时事或社会事件内容时必须标注",
    en="Self-shot media without the shooting {missing} in the text; required for news or social-event posts",
)


def check(ctx: Context) -> Iterator[Finding]:
    own = self_shot_media(ctx.media, ctx.draft.declarations)
    if not own:
        return
    ta = ctx.text
    has_time, has_place = ta.has_time(loose=True), ta.has_place()
    if has_time and has_place:
        return
    missing = "both" if not (has_time or has_place) else ("place" if has_time else "time")
    facts = [ctx.media[i] for i in own]
    label = shooting_label(facts, ta.lang)  # the label is in the post's language
    complete = is_complete(label)
    fix = Fix(
        FixKind.INSERT_TEXT,
        ctx.t(
            L(zh="在正文末尾加上拍摄时间和地点", en="Add the shooting time and place at the end of the text")
        ),
        Applicability.SAFE if complete else Applicability.DISPLAY_ONLY,
        {"text": label, "where": "text_end", "target": "text"},
    )
    first = facts[0]
    evidence = first.capture_time_source or first.path
    if first.capture_time:
        evidence = f"{first.capture_time_source or 'capture time'} {first.capture_time.isoformat(sep=' ')}"
    cues = news_cues(ta, ctx.draft.declarations, witnessed=True) or public_scene(ta, ctx.draft.declarations)
    # a notice or policy photographed by the creator (门口贴了新通知): policy news on own footage
    cues = cues or ([] if "fiction" in ta.topics else ta.find("topic_current_affairs_weak"))
    if cues:
        yield ctx.finding(
            RULE,
            MESSAGE,
            target=f"media:{own[0]}",
            evidence=evidence,
            fixes=[fix],
            cue=cues[0].text,
            missing=ctx.t(MISSING[missing]),
        )
    elif any(m.capture_time or m.place for m in facts):
        yield ctx.finding(
            RULE, ADVICE, severity=Severity.INFO, target=f"media:{own[0]}", evidence=evidence, fixes=[fix],
            missing=ctx.t(MISSING[missing]),
        )  # fmt: skip


def public_scene(ta: TextAnalysis, declarations: tuple[str, ...]) -> list[Span]:
    """The cues of a public scene: an actor of the public and a disruption, one sentence apart at most."""
    if "fiction" in ta.topics or "fiction" in declarations:
        return []
    actors, events = ta.find("witnessed_public_actors"), ta.find("witnessed_disruptions")
    if not actors or not events:
        return []
    index = {(s.target, s.start): n for n, s in enumerate(ta.sentences)}
    starts = [(s.target, s.start, s.end) for s in ta.sentences]

    def sentence(c: Span) -> int:
        return next((index[(t, a)] for t, a, b in starts if t == c.target and a <= c.start < b), -1)

    out = []
    for e in events:
        n = sentence(e)
        actor = next((a for a in actors if abs(sentence(a) - n) <= 1), None)
        if actor is not None:
            first, second = sorted((actor, e), key=lambda c: (c.target != "title", c.start))
            out.append(Span(e.target, e.start, e.end, f"{first.text}…{second.text}", e.phrase, e.lexicon))
    return out


RULE = Rule(
    id="shooting_time_place_missing",
    clause="N2023-3b",
    severity=Severity.ERROR,
    title=L(zh="自摄图片/视频未标注拍摄时间和地点", en="Self-shot media without shooting time and place"),
    doc=RuleDoc(
        what=L(
            zh="当帖子使用自己拍摄的图片或视频（文件元数据判定为实拍，或声明了“自行拍摄”），且内容涉及时事、公共政策或社会事件（事故、火灾、灾害、公告通知等，或拍到公众场景：商户、业主、工作人员等卷入拆迁、故障、争吵）时，检查标题和正文是否写明拍摄时间和地点。地点须是真实地名，“某地”“当地”不算。日常生活分享只给出提示（info）。",
            en="When a post uses the creator's own photos or videos (camera metadata, or the self_shot declaration) and is about current affairs, public policy or a social event (accidents, fires, disasters, notices, or a public scene: shopkeepers, residents or staff caught in a demolition, breakdown or quarrel), checks that the title or text states the shooting time and place. Placeholders such as 某地/当地 do not count. Everyday posts only get an info suggestion.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第3条：使用自行拍摄的图片、视频，需逐一标注拍摄时间、地点。EXIF/GPS 元数据观众看不到，不能代替可见标注。",
            en="Article 3 of the 2023 self-media notice: self-shot images and videos must each be labelled with shooting time and place. EXIF/GPS metadata is invisible to viewers and does not count.",
        ),
        example=L(
            zh="标题“下班路上碰到一起事故”，配自拍视频，正文只写“两辆电动车在路口撞上了”，没有时间和地点。",
            en="Title 'Saw an accident on my way home' with a self-shot video, and the text never says when or where.",
        ),
        fix=L(
            zh="在正文末尾插入由文件元数据生成的“拍摄于2026年11月3日 浙江省杭州市西湖区”。元数据齐全时可自动应用（safe）；缺时间或地点时留出空白“____”由作者补全（display_only）。",
            en="Inserts 'Shot on <date> in <place>' built from the files' metadata at the end of the text: safe when the files have both facts, display-only with ____ blanks otherwise.",
        ),
    ),
    check=check,
    lexicons=("witnessed_public_actors", "witnessed_disruptions", "topic_current_affairs_weak"),
)
