"""An AI-generated file without the GB 45438 metadata (implicit) label."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    for i, media in enumerate(ctx.media):
        if media.error or not media.provenance.is_ai:
            continue
        label = media.aigc_label
        if label is not None and not label.malformed:
            continue
        name = Path(media.path).name
        markers = "; ".join(f"{e.marker} @ {e.where}" for e in media.ai_evidence) or str(media.provenance)
        fix = Fix(
            kind=FixKind.EXPORT_MEDIA,
            title=ctx.t(
                L(
                    zh="导出写入隐式标识的“{name}”副本",
                    en="Export a copy of '{name}' with the implicit label",
                ),
                name=name,
            ),
            applicability=Applicability.SAFE,
            payload={"media": i, "visible_label": None, "implicit_label": True},
        )
        if label is not None:
            message = L(
                zh="“{name}”的AI隐式标识格式不规范（{where}），平台可能无法识别",
                en="The AI implicit label of '{name}' is malformed ({where}); platforms may not recognise it",
            )
        else:
            message = L(
                zh="“{name}”是AI生成/合成内容，但文件元数据中没有GB 45438隐式标识",
                en="'{name}' is AI-generated or AI-edited but its metadata has no GB 45438 implicit label",
            )
        yield ctx.finding(
            RULE,
            message,
            target=f"media:{i}",
            evidence=markers,
            fixes=(fix,),
            name=name,
            where=label.where if label else "",
        )


RULE = Rule(
    id="ai_implicit_label_missing",
    clause="AIGC2025-5",
    severity=Severity.WARNING,
    title=L(zh="AI生成文件缺少元数据隐式标识", en="AI-generated file without the metadata (implicit) label"),
    doc=RuleDoc(
        what=L(
            zh="文件有AI生成或AI编辑的证据（生成参数、IPTC/C2PA来源类型等），但元数据里没有（或只有不规范的）TC260 AIGC隐式标识。",
            en="The file shows AI generation or AI editing (generator parameters, IPTC/C2PA source type…) but its metadata has no valid TC260 AIGC implicit label.",
        ),
        why=L(
            zh="《人工智能生成合成内容标识办法》和GB 45438-2025要求在文件元数据中添加隐式标识（生成属性、服务提供者、内容编号），平台据此提示“内容由AI生成”。",
            en="The 2025 AI-labelling Measures and GB 45438-2025 require an implicit label in the file metadata (AI attribute, provider, content ID); platforms use it to show 'AI-generated'.",
        ),
        example=L(
            zh="Stable Diffusion 生成的PNG只带有 parameters 文本块，没有 AIGC 标识。",
            en="A Stable Diffusion PNG with only a 'parameters' text chunk and no AIGC label.",
        ),
        fix=L(
            zh="导出一份写入隐式标识（Label=1）的副本（安全，原文件不变）。",
            en="Exports a copy with the implicit label (Label=1) written into its metadata (safe; the original is untouched).",
        ),
    ),
    check=check,
)
