"""Editing or compositing software traces in media that the post presents as authentic."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.model import Finding, Provenance, Severity
from checks.rules.base import Context, Rule, RuleDoc


def _presented_as_authentic(ctx: Context) -> bool:
    """Declared self-shot, or a news / social-event post: edits there change what viewers believe."""
    if "self_shot" in ctx.draft.declarations:
        return True
    try:
        return bool(ctx.text.has_topic("current_affairs", "social_event"))
    except Exception:  # text analysis is another module's job; without it, stay advisory
        return False


def check(ctx: Context) -> Iterator[Finding]:
    authentic = None
    for i, media in enumerate(ctx.media):
        if media.error or media.provenance.is_ai:
            continue
        traces = [e for e in media.evidence if e.points_to == Provenance.EDITED]
        if not traces:
            continue
        if authentic is None:
            authentic = _presented_as_authentic(ctx)
        name = Path(media.path).name
        tools = ", ".join(dict.fromkeys(e.detail for e in traces if e.detail)) or traces[0].where
        fix = ctx.manual_fix(
            L(zh="确认修改未改变事实", en="Confirm the edits do not change the facts"),
            L(
                zh="只做了调色、裁剪等不改变事实的处理可忽略；如有拼接、合成或删改画面内容，请在正文说明",
                en="Colour and crop changes are fine; if content was spliced, composited or removed, say so in the post",
            ),
        )
        yield ctx.finding(
            RULE,
            L(
                zh="“{name}”带有编辑软件痕迹（{tools}），发布为实拍内容前请确认未拼接或篡改画面",
                en="'{name}' shows editing-software traces ({tools}); make sure nothing was spliced or altered before presenting it as real",
            ),
            severity=Severity.WARNING if authentic else Severity.INFO,
            target=f"media:{i}",
            evidence="; ".join(f"{e.where}: {e.detail}".rstrip(": ") for e in traces),
            fixes=(fix,),
            name=name,
            tools=tools,
        )


RULE = Rule(
    id="edited_media_notice",
    clause="N2023-4",
    severity=Severity.INFO,
    title=L(zh="媒体含编辑/合成软件痕迹", en="Media shows editing or compositing traces"),
    doc=RuleDoc(
        what=L(
            zh="照片或视频的元数据显示经过Photoshop、Lightroom、GIMP、美图等软件处理。草稿声明“内容自行拍摄”或内容涉及时事、社会事件时为“建议复核”，否则为提示。",
            en="A photo's or video's metadata shows it went through Photoshop, Lightroom, GIMP, Meitu or similar. A review item when the draft declares it self-shot or the post is about news or a social event; advice otherwise.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》禁止拼凑剪辑、合成伪造；实拍新闻画面若被改动，容易构成误导。",
            en="The 2023 self-media notice bans patchwork editing and synthesised forgery; an altered 'real' news picture misleads viewers.",
        ),
        example=L(
            zh="声明“内容自行拍摄”的现场照片，EXIF Software 为“Adobe Photoshop 25.0”。",
            en="A scene photo declared self-shot whose EXIF Software is 'Adobe Photoshop 25.0'.",
        ),
        fix=L(
            zh="仅提示：确认修改未改变事实，必要时在正文说明（需要手动处理）。",
            en="Display only: confirm the edits keep the facts, or explain them in the post (manual).",
        ),
    ),
    check=check,
)
