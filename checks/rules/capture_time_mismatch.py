"""Old self-shot footage presented as happening now (SA2023-1.1: reheated old news as new).

Triggered when the title or text presents the post as now (今天, 刚刚, 昨晚, just now, this
morning — pack lexicon `time_now`) and a self-shot file was captured more than 30 days before
the publish time. Not triggered when the post says the footage is old (老视频, 翻到, throwback —
`time_vague`), refers to the past itself (去年, 上个月, 三年前) or states a date within three
days of the capture. "今天分享…" introduces the post, not the footage (`time_now_not_event`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Provenance, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.label_text import format_date

MAX_DAYS = 30
MESSAGE = L(
    zh="正文说“{now}”，但 {path} 拍摄于 {shot}（发布前 {days} 天）；旧画面不能当作新发生的事发布",
    en="The post says '{now}' but {path} was captured on {shot} ({days} days before publishing); old footage must not be presented as new",
)


def _day(value: datetime, publish: datetime) -> date:
    if value.tzinfo is not None and publish.tzinfo is not None:
        value = value.astimezone(publish.tzinfo)
    return value.date()


def check(ctx: Context) -> Iterator[Finding]:
    ta = ctx.text
    intro = ta.find("time_now_not_event")
    nows = [
        t
        for t in ta.times
        if t.kind == "now" and not any(c.target == t.target and c.start <= t.start < c.end for c in intro)
    ]
    if not nows or any(t.kind in ("vague", "relative") for t in ta.times):
        return
    stated = [date(t.year, t.month, t.day) for t in ta.absolute_times() if t.year and t.month and t.day]
    publish = ctx.publish_at
    for i, m in enumerate(ctx.media):
        if m.error or m.capture_time is None or m.provenance != Provenance.SELF_SHOT:
            continue
        shot = _day(m.capture_time, publish)
        days = (publish.date() - shot).days
        if days <= MAX_DAYS or any(abs((s - shot).days) <= 3 for s in stated):
            continue
        now = nows[0]
        lang = ta.lang
        fix = Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="写明画面的真实拍摄日期", en="State when the footage was really shot")),
            Applicability.UNSAFE,
            {
                "text": ("Shot on " if lang == "en" else "拍摄于") + format_date(shot, lang),
                "where": "text_end",
                "target": "text",
            },
        )
        yield ctx.finding(
            RULE, MESSAGE, target=f"media:{i}", span=None,
            evidence=f"{m.capture_time_source or 'capture time'} {m.capture_time.isoformat(sep=' ')}",
            fixes=[fix], now=now.text, path=m.path, shot=format_date(shot, "en" if ctx.english else "zh"), days=days,
        )  # fmt: skip


RULE = Rule(
    id="capture_time_mismatch",
    clause="SA2023-1.1",
    severity=Severity.WARNING,
    title=L(zh="旧画面当作新事发布", en="Old footage presented as new"),
    related_clauses=("N2023-3d",),
    doc=RuleDoc(
        what=L(
            zh="正文用“今天”“刚刚”“昨晚”“just now”等把内容说成刚发生，而自拍图片/视频的拍摄时间（EXIF/视频元数据）早于发布时间 30 天以上时提醒。正文说明是老视频、翻出的旧照，或写明了与拍摄日期相符的日期时不提醒。",
            en="Warns when the text presents the post as happening now (今天, 刚刚, 昨晚, just now, today) while a self-shot file was captured more than 30 days before publishing. Posts that say the footage is old, or state a date matching the capture, are fine.",
        ),
        why=L(
            zh="“清朗·自媒体乱象”专项行动把“旧闻翻炒、移花接木”列为谣言；《关于加强“自媒体”管理的通知》要求引用旧闻注明时间地点。",
            en="The 2023 special action lists reheating old news and passing old footage off as new as rumour-mongering; old news must state its time and place.",
        ),
        example=L(
            zh="“刚刚地铁站的扶梯突然急停”，视频却拍摄于三个月前。",
            en="'Just now the escalator stopped suddenly' with a video shot three months earlier.",
        ),
        fix=L(
            zh="建议在正文写明真实拍摄日期（如“拍摄于2026年8月14日”），并删去“刚刚”等说法；需作者确认（unsafe）。",
            en="Suggests stating the real capture date ('Shot on 14 Aug 2026') and dropping 'just now'; unsafe, you confirm it.",
        ),
    ),
    check=check,
    lexicons=("time_now_not_event",),
)
