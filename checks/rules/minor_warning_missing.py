"""Content that may affect minors, without a warning before it is shown (MINORS2026).

Four shapes, each read from core-pack lexicons: stunts and dangerous challenges
(`minor_risk_imitation`: 跑酷, 窒息挑战, 飙车); extreme eating and dieting (`minor_risk_eating`:
大胃王, 催吐, 7天瘦10斤); smoking, vaping or drinking shown as cool or taught — a substance
(`minor_risk_substances`) with cool framing (`minor_cool_framing`: 花式, 教程, 帅) in one sentence,
so a post on quitting is not one; a child at the centre of a post built for traffic or sales
(`minor_subjects` with `minor_traffic_hooks`, or the creator's own child — `minor_own_child` — in a
commercial post; 宝宝也能用 or 孩子近视 in a selling post puts no child at the centre, and
`minor_subject_nonsubjects` such as 暖宝宝 or a fan greeting 宝宝们 name no child); and a minor's personal
details (`minor_personal_info`: a class such as 三年级二班 beside a school's name or a child; a
student number or home address in a post about a child).

The warning must come *before* the content: in the title or the opening line (the placement
notion of checks.text.structure, narrowed to what precedes the content — a closing-line warning,
even the second of two lines, is reported as too late), or the platform's `dangerous_behaviour`
declaration. Pictures and video carry it on the media too: for text-only warnings a video still
needs its opening frames labelled.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.commerce_frame import FRAME_LEXICONS, Hit, commercial_frame, post_hits, same_sentence
from checks.rules.declaration_fix import declare_fix
from checks.rules.evidence import finding_at
from checks.rules.label_text import minor_visible_warning, minor_warning
from checks.text.layer import outside

LEXICONS = (
    *FRAME_LEXICONS,
    "minor_risk_imitation",
    "minor_risk_eating",
    "minor_risk_substances",
    "minor_cool_framing",
    "minor_subjects",
    "minor_subject_nonsubjects",
    "minor_own_child",
    "minor_traffic_hooks",
    "minor_personal_info",
    "minor_danger_places",
    "minor_danger_actions",
    "minor_self_markers",
    "minor_substance_harm",
    "label_minor_warning",
)
ACCOUNT = ("name",)
SCHOOL_SUFFIXES = ("小学", "中学", "初中", "高中", "幼儿园", "学校")
KIND_NAMES = {
    "imitation": L(zh="危险动作或挑战", en="a dangerous stunt or challenge"),
    "eating": L(zh="极端饮食或节食", en="extreme eating or dieting"),
    "substance": L(zh="把吸烟、饮酒表现为酷炫", en="smoking or drinking shown as cool"),
    "minor_image": L(
        zh="以未成年人为中心引流或带货", en="a minor at the centre of a post built for traffic or sales"
    ),
    "personal_info": L(zh="披露未成年人个人信息", en="a minor's personal details"),
}
WARNING_KIND = {"imitation": "imitation", "eating": "substance", "substance": "substance"}
MESSAGE = L(
    zh="内容可能影响未成年人身心健康（{kind}：“{cue}”），须在展示前（标题或开头）显著提示，如“危险动作，请勿模仿”“未成年人请勿模仿”",
    en="The content may affect minors ({kind}: '{cue}') and needs a prominent warning before it is shown (title or opening), e.g. 危险动作，请勿模仿 / do not try this at home",
)
LATE = L(
    zh="未成年人提示“{found}”出现在内容之后，须放到标题或开头",
    en="The minors' warning '{found}' comes after the content; put it in the title or the opening",
)
EXPORT = L(zh="导出带“{label}”警示的“{name}”副本", en="Export a copy of '{name}' with the warning '{label}'")
MEDIA = L(
    zh="“{name}”{where}还需要显示警示标识（文字提示只在正文开头）",
    en="'{name}' needs the warning {where} as well (the text warning is only at the start of the text)",
)


@dataclass(frozen=True)
class Risk:
    kind: str  # imitation | eating | substance | minor_image | personal_info
    hit: Hit


def risks(ctx: Context) -> list[Risk]:
    """Every reason the post may affect minors, in reading order."""
    out = [Risk("imitation", h) for h in post_hits(ctx, "minor_risk_imitation")]
    actions = post_hits(ctx, "minor_danger_actions")
    out += [  # a stunt as a frame: a deadly place and a risky action in one sentence
        Risk("imitation", h)
        for h in post_hits(ctx, "minor_danger_places")
        if any(same_sentence(ctx, h, a) for a in actions)
    ]
    out += [Risk("eating", h) for h in post_hits(ctx, "minor_risk_eating")]
    cool = post_hits(ctx, "minor_cool_framing")
    harm = post_hits(ctx, "minor_substance_harm")
    # a minor shown smoking or drinking needs the warning however it is told; anyone else only
    # when it is framed as cool or taught — and never in a sentence that warns against it
    minor_shown = bool(post_hits(ctx, "minor_self_markers") or post_hits(ctx, "minor_self_markers", ACCOUNT))
    out += [
        Risk("substance", h)
        for h in post_hits(ctx, "minor_risk_substances")
        if not any(same_sentence(ctx, h, x) for x in harm)
        and (minor_shown or any(same_sentence(ctx, h, c) and not (h.start <= c.start < h.end) for c in cool))
    ]
    minors = outside(post_hits(ctx, "minor_subjects"), post_hits(ctx, "minor_subject_nonsubjects"))
    hooks = post_hits(ctx, "minor_traffic_hooks")
    own = post_hits(ctx, "minor_own_child")
    # an account named for a child (萌娃朵朵, 小小模特团团) puts that child at the centre of its sales
    named = post_hits(ctx, "minor_own_child", ACCOUNT)
    selling = (own or named) and commercial_frame(ctx) is not None
    if named and selling and not minors:
        out.append(Risk("minor_image", named[0]))
    elif minors and (hooks or selling):
        out.append(Risk("minor_image", minors[0]))
    info = post_hits(ctx, "minor_personal_info")
    schools = [h for h in info if h.text.endswith(SCHOOL_SUFFIXES)]
    for h in info:
        if h in schools:
            continue  # a school's name alone (上实验小学) identifies nobody
        if any(same_sentence(ctx, h, x) for x in schools + minors) or (minors and "班" not in h.text):
            out.append(Risk("personal_info", h))
    out.sort(key=lambda r: (r.hit.target != "title", r.hit.start))
    return out


def media_fixes(ctx: Context, label: str) -> list[tuple[int, Fix]]:
    """A labelled copy for every picture and video that does not carry the warning yet."""
    out = []
    for i, media in enumerate(ctx.media):
        if media.error or media.visible_warning_label:
            continue
        name = Path(media.path).name
        fix = Fix(
            FixKind.EXPORT_MEDIA,
            ctx.t(EXPORT, name=name, label=label),
            Applicability.SAFE,
            {"media": i, "warning_label": label, "visible_label": None, "implicit_label": False},
        )
        out.append((i, fix))
    return out


def check(ctx: Context) -> Iterator[Finding]:
    found = risks(ctx)
    if not found or "dangerous_behaviour" in ctx.draft.declarations:
        return
    ta = ctx.text
    lang = ta.lang
    first = found[0]
    warning = minor_warning(WARNING_KIND.get(first.kind, "minor_image"), lang)
    per_media = media_fixes(ctx, minor_visible_warning(lang))
    opening = next((ln.end for ln in ta.lines if ln.target == "text"), 0)
    early = [  # before the content: the title or the first line (not a closing line)
        lb for lb in ta.labels_of("minor_warning", "ok") if lb.placement == "title" or lb.start < opening
    ]
    if early:
        for i, fix in per_media:  # the text is warned; pictures and videos still show none
            media = ctx.media[i]
            video = media.kind == "video"
            where = (
                L(zh="视频开头画面上", en="on the video's opening frames")
                if video
                else L(zh="图片上", en="on the picture")
            )
            yield ctx.finding(
                RULE, MEDIA, severity=Severity.WARNING if video else Severity.INFO, target=f"media:{i}",
                evidence=early[0].text, fixes=(fix,), name=Path(media.path).name, where=ctx.t(where),
            )  # fmt: skip
        return
    fixes = [
        Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="在正文开头加上“{w}”", en="Start the text with '{w}'"), w=warning),
            Applicability.SAFE,
            {"text": warning, "where": "text_start", "target": "text"},
        )
    ]
    declare = declare_fix("dangerous_behaviour", ctx.draft.platform, ctx.lang)
    if declare and first.kind in WARNING_KIND:
        fixes.append(declare)
    fixes += [fix for _, fix in per_media]
    if any(r.kind == "personal_info" for r in found):
        fixes.append(
            ctx.manual_fix(
                L(
                    zh="删去或打码孩子的学校、班级、全名和住址",
                    en="Remove or blur the child's school, class, full name and address",
                )
            )
        )
    late = ta.labels_of("minor_warning", "ok")
    if late:
        lb = late[0]
        yield ctx.finding(
            RULE,
            LATE,
            target=lb.target,
            span=(lb.start, lb.end),
            evidence=lb.text,
            fixes=fixes,
            found=lb.text,
        )
        return
    yield finding_at(
        ctx, RULE, MESSAGE, first.hit, fixes=fixes, kind=ctx.t(KIND_NAMES[first.kind]), cue=first.hit.text
    )


RULE = Rule(
    id="minor_warning_missing",
    clause="MINORS2026",
    severity=Severity.ERROR,
    title=L(
        zh="可能影响未成年人的内容缺少前置提示", en="Content that may affect minors, without a warning first"
    ),
    doc=RuleDoc(
        what=L(
            zh="查找可能诱导未成年人模仿的内容（跑酷、高空、窒息挑战、飙车；大胃王、催吐、7天瘦10斤；花式抽烟、吹瓶教程）、以未成年人为中心引流或带货（萌娃＋涨粉/同款链接）、披露未成年人个人信息（学校＋班级），检查标题或开头是否有“危险动作，请勿模仿”“未成年人请勿模仿”等提示，或已勾选平台的危险行为声明。提示写在结尾不算（须在展示前）；图片、视频上也要有警示。",
            en="Finds content that may lead minors to imitate (parkour, rooftops, choking challenges, street racing; eating challenges, purging, crash diets; smoking or drinking tricks), posts that centre a child for traffic or sales, and minors' personal details (school and class), and checks for a warning in the title or opening (危险动作，请勿模仿 / do not try this at home) or the platform's dangerous-behaviour declaration. A warning at the end comes too late; pictures and videos carry it too.",
        ),
        why=L(
            zh="《可能影响未成年人身心健康的网络信息分类办法》（2026年3月1日施行）：制作、发布可能诱导未成年人模仿不安全行为、不当使用未成年人形象、不当披露未成年人个人信息等内容的，应当在展示前予以显著提示：文字在开头，图片在适当位置，视频在片头及播放框附近。",
            en="The 2026 Measures for Classifying Online Information That May Affect Minors: content that may lead minors to imitate unsafe behaviour, misuses minors' image or discloses their information needs a prominent warning before it is shown — at the start of text, on pictures, and on a video's opening frames and around playback.",
        ),
        example=L(
            zh="“挑战30层楼顶跑酷，不系安全绳！”——开头没有任何提示。",
            en="'Rooftop parkour, 30 floors up, no harness!' — no warning anywhere.",
        ),
        fix=L(
            zh="在正文开头加上“危险动作，请勿模仿”或“未成年人请勿模仿”（safe），提示勾选平台的危险行为声明，并为图片、视频导出左上角带“请勿模仿”的副本（视频在开头画面上，安全，原文件不变）；学校、班级等信息须你手动删去。",
            en="Starts the text with the warning (safe), tells you which dangerous-behaviour declaration to tick, and exports copies of pictures and videos with 请勿模仿 top-left (on a video's opening frames; safe, originals untouched); school and class details you remove by hand.",
        ),
    ),
    check=check,
    lexicons=LEXICONS,
)
