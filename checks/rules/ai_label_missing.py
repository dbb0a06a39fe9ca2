"""AI-generated or AI-edited content without an explicit AI label (N2023-3c, AIGC2025-4/10).

Triggered by AI evidence in any media file (provenance ai_generated / ai_edited), or by text
that says the content is AI-made (用AI画的, AI换脸, Midjourney …). Satisfied by an explicit
label in a conspicuous place (内容由AI生成, AI生成, AI-generated … — an AI element plus a
generation element, AIGC2025-4) or the `ai_generated` declaration. An informal mention (用AI画的,
#AI绘画) or a label buried mid-text informs viewers but not in the required form: a warning,
not an error. A denial ("非AI生成", "not AI-generated") is not a label: the negation guard in
checks.text.labels marks it `negated`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.rules.declaration_fix import declare_fix
from checks.rules.label_text import ai_label

MEDIA_MSG = L(
    zh="{what}含 AI 生成/编辑痕迹（{marker}），但标题和正文没有明确的 AI 标识，也未勾选 AI 声明",
    en="{what} shows AI generation/editing ({marker}) but the post has no explicit AI label or AI declaration",
)
TEXT_MSG = L(
    zh="正文表明内容由 AI 制作（“{cue}”），但没有明确的“内容由AI生成”标识，也未勾选 AI 声明",
    en="The text says the content is AI-made ('{cue}') but carries no explicit AI label or AI declaration",
)
NEGATED = L(zh="“{phrase}”是否认，不是 AI 标识。", en="'{phrase}' is a denial, not an AI label.")
INFORMAL = L(
    zh="“{phrase}”提到了 AI，但不是规范的标识用语；请写明“内容由AI生成”。",
    en="'{phrase}' mentions AI but is not the standard label wording; write 'AI-generated content'.",
)
BURIED = L(
    zh="AI 标识“{phrase}”位于正文中间，不够显著；请放到标题、开头或单独的末行。",
    en="The AI label '{phrase}' is buried mid-text; put it in the title, the first lines or its own last line.",
)


def check(ctx: Context) -> Iterator[Finding]:
    if "ai_generated" in ctx.draft.declarations:
        return
    ta = ctx.text
    if ta.label("ai") is not None:
        return
    ai_media = [
        i for i, m in enumerate(ctx.media) if m.error is None and (m.provenance.is_ai or m.ai_evidence)
    ]
    negated = ta.labels_of("ai", "negated")
    cues = [
        c for c in ta.topics.get("ai_content", ()) if not any(n.start <= c.start < n.end for n in negated)
    ]
    if not ai_media and not cues:
        return
    kinds = {"image" if ctx.media[i].kind == "photo" else ctx.media[i].kind for i in ai_media}
    label = ai_label(kinds.pop() if len(kinds) == 1 else "content", ta.lang)
    fixes = [
        Fix(
            FixKind.INSERT_TEXT,
            ctx.t(L(zh="在正文末尾加上“{label}”", en="Add '{label}' at the end of the text"), label=label),
            Applicability.SAFE,
            {"text": label, "where": "text_end", "target": "text"},
        )
    ]
    declare = declare_fix("ai_generated", ctx.draft.platform, ctx.lang)
    if declare:
        fixes.append(declare)
    buried = ta.labels_of("ai", "ok")
    notes = [ctx.t(NEGATED, phrase=n.text) for n in negated[:1]] + [
        ctx.t(BURIED, phrase=b.text) for b in buried[:1]
    ]
    informal = [c for c in cues if not any(b.start <= c.start < b.end for b in buried)]
    if informal:
        notes.append(ctx.t(INFORMAL, phrase=informal[0].text))
    severity = Severity.WARNING if buried or informal else Severity.ERROR
    if ai_media:
        m = ctx.media[ai_media[0]]
        ev = m.ai_evidence[0] if m.ai_evidence else None
        evidence = f"{ev.where}: {ev.detail}".strip(": ") if ev else str(m.provenance)
        what = (
            L(zh="媒体文件 {path} ", en="Media file {path}")
            if len(ai_media) == 1
            else L(zh="多个媒体文件", en="Several media files")
        )
        finding = ctx.finding(
            RULE,
            MEDIA_MSG,
            severity=severity,
            target=f"media:{ai_media[0]}",
            evidence=evidence,
            fixes=fixes,
            what=ctx.t(what, path=m.path),
            marker=evidence,
        )
    else:
        cue = cues[0]
        finding = ctx.finding(
            RULE,
            TEXT_MSG,
            severity=severity,
            target=cue.target,
            span=(cue.start, cue.end),
            evidence=cue.text,
            fixes=fixes,
            cue=cue.text,
        )
    if notes:
        sep = ". " if ctx.english else "。"
        finding = replace(finding, message=finding.message + sep + " ".join(notes))
    yield finding


RULE = Rule(
    id="ai_label_missing",
    clause="N2023-3c",
    severity=Severity.ERROR,
    title=L(zh="AI 生成内容未明确标识", en="AI-generated content without an AI label"),
    related_clauses=("AIGC2025-4", "AIGC2025-10"),
    doc=RuleDoc(
        what=L(
            zh="媒体文件带有 AI 生成/编辑证据（生成参数、C2PA、GB 45438 隐式标识、IPTC 数字来源类型等），或正文说明内容由 AI 制作时，检查标题/正文是否有明确的 AI 标识（如“内容由AI生成”“AI生成”“AI-generated”），或是否勾选了平台的 AI 声明。“非AI生成”“不是AI”之类的否认不算标识。",
            en="When a media file carries AI generation/editing evidence (generator parameters, C2PA, GB 45438 implicit label, IPTC digital source type) or the text says the content is AI-made, checks for an explicit AI label in the title or text (内容由AI生成, AI生成, AI-generated) or the platform's AI declaration. Denials such as 非AI生成 do not count.",
        ),
        why=L(
            zh="《关于加强“自媒体”管理的通知》第3条要求技术生成的图片、视频明确标注系技术生成；《人工智能生成合成内容标识办法》要求显式标识，并要求用户发布时主动声明。",
            en="The 2023 self-media notice requires technology-generated images and videos to be clearly labelled; the 2025 AI-labelling Measures require an explicit label and an active declaration when publishing.",
        ),
        example=L(
            zh="AI 换脸视频配文“一秒穿越后宫”，没有任何 AI 标识；或标题写“这张照片非AI生成！”而文件其实经过 AI 编辑。",
            en="An AI face-swap video captioned 'one second into the palace' with no AI label; or 'this photo is NOT AI-generated!' on an AI-edited file.",
        ),
        fix=L(
            zh="在正文末尾插入“内容由AI生成”（或“图片/视频由AI生成”），可自动应用（safe）；并提示在平台发布页勾选对应的 AI 声明（如抖音“内容由AI生成”）。",
            en="Inserts 'AI-generated content' (or image/video wording) at the end of the text (safe), and tells you which AI declaration to tick on the platform.",
        ),
    ),
    check=check,
)
