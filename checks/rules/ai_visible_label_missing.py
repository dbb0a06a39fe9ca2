"""An AI-generated image or video without a visible on-media label."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc

VISIBLE_LABEL = "AI生成"


def check(ctx: Context) -> Iterator[Finding]:
    for i, media in enumerate(ctx.media):
        if media.error or not media.provenance.is_ai or media.visible_ai_label:
            continue
        name = Path(media.path).name
        markers = "; ".join(f"{e.marker} @ {e.where}" for e in media.ai_evidence) or str(media.provenance)
        where = (
            L(zh="视频开头至少2秒", en="on the opening frames for at least 2 s")
            if media.kind == "video"
            else L(zh="图片边角", en="at an edge or corner")
        )
        fix = Fix(
            kind=FixKind.EXPORT_MEDIA,
            title=ctx.t(
                L(
                    zh="导出带“{label}”显式标识的“{name}”副本",
                    en="Export a copy of '{name}' labelled '{label}'",
                ),
                name=name,
                label=VISIBLE_LABEL,
            ),
            applicability=Applicability.SAFE,
            payload={"media": i, "visible_label": VISIBLE_LABEL, "implicit_label": True},
        )
        yield ctx.finding(
            RULE,
            L(
                zh="“{name}”是AI生成/合成内容，画面上需要显式标识（{where}，文字高度不低于画面短边的5%）",
                en="'{name}' is AI-generated or AI-edited and needs a visible label on the media ({where}, text at least 5% of the shorter side)",
            ),
            target=f"media:{i}",
            evidence=markers,
            fixes=(fix,),
            name=name,
            where=ctx.t(where),
        )


RULE = Rule(
    id="ai_visible_label_missing",
    clause="AIGC2025-4",
    severity=Severity.WARNING,
    title=L(zh="AI图片/视频画面上缺少显式标识", en="AI image/video without a visible on-media label"),
    doc=RuleDoc(
        what=L(
            zh="文件有AI生成或AI编辑的证据，而Preflight没有为它加过可见的“AI生成”标识。（Preflight不做文字识别，画面上已有的标识请自行确认。）",
            en="The file shows AI generation or AI editing and Preflight has not stamped a visible 'AI生成' label on it. (Preflight does no OCR; check any label already in the picture yourself.)",
        ),
        why=L(
            zh="GB 45438-2025要求AI生成图片在边角处添加含“AI”和“生成/合成”的文字标识，高度不低于短边的5%；视频须在开头显示至少2秒。",
            en="GB 45438-2025 requires AI images to carry text with 'AI' and 'generated/synthesised' at an edge or corner, at least 5% of the shorter side high; videos show it on the opening frames for at least 2 s.",
        ),
        example=L(
            zh="Midjourney 出图直接发布，画面上没有任何AI标识。",
            en="A Midjourney image posted as is, with no AI mark in the picture.",
        ),
        fix=L(
            zh="导出一份在右下角加“AI生成”文字并写入隐式标识的副本（安全，原文件不变）。",
            en="Exports a copy with 'AI生成' stamped in the bottom-right corner and the implicit label written (safe; the original is untouched).",
        ),
    ),
    check=check,
)
