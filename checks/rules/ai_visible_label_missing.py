"""An AI-generated image or video without a visible on-media label."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.media.marks import Mark, find_marks, frame_size, shown_long_enough
from checks.model import Applicability, Finding, Fix, FixKind, MediaFacts, Severity
from checks.platforms import platform_name
from checks.rules.base import Context, Rule, RuleDoc
from checks.safe_areas import area

VISIBLE_LABEL = "AI生成"


TOO_SMALL = L(
    zh="“{name}”上的AI标识“{mark}”字高约{ratio}（{px}像素），低于画面短边的5%",
    en="The AI mark '{mark}' on '{name}' is about {ratio} of the shorter side ({px} px); it must be at least 5%",
)
OFF_EDGE = L(
    zh="“{name}”上的AI标识“{mark}”不在画面边角处，不符合显式标识的位置要求",
    en="The AI mark '{mark}' on '{name}' is not at an edge or corner of the picture",
)
TOO_SHORT = L(
    zh="视频“{name}”开头的AI标识“{mark}”未持续显示至少2秒",
    en="The AI mark '{mark}' at the start of '{name}' does not stay on screen for at least 2 s",
)


COVERED = L(
    zh="“{name}”上的AI标识“{mark}”位于{platform}界面会遮挡的区域（{region}），发布后观众看不到",
    en="The AI mark '{mark}' on '{name}' sits where {platform}'s controls cover it ({region}); viewers will not see it",
)
REGIONS = {
    "top": L(zh="顶部状态栏", en="top bar"),
    "bottom": L(zh="底部文案与进度条", en="caption and progress bar"),
    "right": L(zh="右侧按钮栏", en="right-hand buttons"),
}


def _covered_by_ui(ctx: Context, media: MediaFacts, marks: list[Mark]) -> tuple[Mark, str] | None:
    """The first mark the platform's feed controls hide, when every compliant mark is hidden."""
    size = frame_size(media)
    safe = area(ctx.draft.platform, media.kind, *size) if size else None
    if safe is None or size is None:
        return None
    hidden = [(m, safe.covering(m.line.box, *size)) for m in marks]
    if all(region for _m, region in hidden):
        return next((m, region) for m, region in hidden if region)
    return None


def _mark_problem(
    ctx: Context, media: MediaFacts, lexicons: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[L, Mark, str] | bool | None:
    """True: a compliant visible mark is there. (message, mark, UI region): a mark that falls short. None: no mark."""
    found = find_marks(media, *lexicons)
    if not found:
        return None
    good = [m for m in found if m.compliant]
    covered = _covered_by_ui(ctx, media, good) if good else None
    if covered:
        return COVERED, covered[0], covered[1]
    if good and shown_long_enough(found, media):
        return True
    if good:
        return TOO_SHORT, good[0], ""
    small = [m for m in found if m.at_edge and not m.large_enough]
    if small:
        return TOO_SMALL, max(small, key=lambda m: m.glyph_ratio), ""
    return OFF_EDGE, found[0], ""


def check(ctx: Context) -> Iterator[Finding]:
    lexicons = (ctx.packs.lexicon("ai_visible_marks"), ctx.packs.lexicon("ai_generator_marks"))
    for i, media in enumerate(ctx.media):
        if media.error or not media.provenance.is_ai or media.visible_ai_label:
            continue
        problem = _mark_problem(ctx, media, lexicons)
        if problem is True:
            continue  # the generator's or the creator's own mark is the visible label
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
        if isinstance(problem, tuple):
            message, mark, region = problem
            yield ctx.finding(
                RULE,
                message,
                target=f"media:{i}",
                span=(0, len(mark.line.text)),
                evidence=f"“{mark.line.text}” box [{', '.join(map(str, mark.line.box))}]"
                + (f" @ {mark.line.frame_s:g} s" if mark.line.frame_s is not None else ""),
                fixes=(fix,),
                name=name,
                mark=mark.line.text,
                ratio=f"{mark.glyph_ratio:.1%}",
                px=mark.line.glyph_px,
                platform=platform_name(ctx.draft.platform, ctx.lang),
                region=ctx.t(REGIONS[region]) if region else "",
            )
            continue
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
            zh="文件有AI生成或AI编辑的证据，而画面上没有可见的AI标识：Preflight用本机文字识别读取图片和视频开头，生成工具自带的水印（豆包AI生成、即梦AI……）或作者自己加的“AI生成”只要位于边角、字高不低于短边的5%（视频开头至少2秒）就算；过小、不在边角或显示太短的标识会注明实测尺寸。",
            en="The file shows AI generation or AI editing and no visible AI label is on the media. Preflight reads pictures and video openings on-device: a generator's stamp (豆包AI生成, 即梦AI …) or the creator's own 'AI生成' counts when it sits at an edge or corner with glyphs at least 5% of the shorter side (2 s at a video's start); a mark that is too small, off the edge or too brief is reported with its measured size.",
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
    lexicons=("ai_visible_marks", "ai_generator_marks"),  # also read by the engine (checks.media.marks)
)
