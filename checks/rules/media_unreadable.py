"""A media file that cannot be read is a finding, not a crash (and never silently skipped)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc

# The readers name problems in English (they are also the JSON `error` strings); the creator
# gets them in the UI language, with the original kept as evidence.
_PROBLEMS: tuple[tuple[re.Pattern[str], L], ...] = (
    (re.compile(r"^file not found"), L(zh="找不到文件", en="the file was not found")),
    (re.compile(r"^permission denied"), L(zh="没有读取权限", en="permission denied")),
    (re.compile(r"^empty file"), L(zh="文件是空的（0字节）", en="the file is empty (0 bytes)")),
    (re.compile(r"^too large: (.*)"), L(zh="文件过大：{0}", en="the file is too large: {0}")),
    (re.compile(r"^too many pixels: (.*)"), L(zh="像素数过大：{0}", en="too many pixels: {0}")),
    (re.compile(r"^unsupported format (.*)"), L(zh="不支持的格式 {0}", en="unsupported format {0}")),
    (
        re.compile(r"^not a (\S+) file \((\S+) data\)"),
        L(zh="扩展名是{0}，但内容是{1}数据", en="the name says {0} but the content is {1} data"),
    ),
    (
        re.compile(r"^not a (\S+) file"),
        L(zh="扩展名是{0}，但内容无法识别", en="the name says {0} but the content is not recognised"),
    ),
    (re.compile(r"^truncated (\S+)"), L(zh="{0}文件不完整（被截断）", en="the {0} file is truncated")),
    (re.compile(r"^(?:broken|corrupt) (\S+)"), L(zh="{0}文件已损坏", en="the {0} file is corrupt")),
)


def problem_text(error: str, lang: str) -> str:
    for pattern, text in _PROBLEMS:
        m = pattern.match(error)
        if m:
            template = text.en if lang == "en" else text.zh
            return template.format(*m.groups())
    return error


def check(ctx: Context) -> Iterator[Finding]:
    for i, media in enumerate(ctx.media):
        if not media.error:
            continue
        name = Path(media.path).name
        fix = ctx.manual_fix(
            L(zh="重新导出或替换“{name}”", en="Re-export or replace '{name}'"),
            L(
                zh="从相册或原始应用重新导出该文件，确认能正常打开后再加入草稿",
                en="Export the file again from the gallery or the original app and check that it opens",
            ),
            L(zh="或从草稿中移除该文件", en="Or remove the file from the draft"),
            name=name,
        )
        yield ctx.finding(
            RULE,
            L(
                zh="媒体文件“{name}”无法正常读取：{problem}",
                en="Media file '{name}' cannot be read properly: {problem}",
            ),
            target=f"media:{i}",
            evidence=media.error,
            fixes=(fix,),
            name=name,
            problem=problem_text(media.error, ctx.lang),
        )


RULE = Rule(
    id="media_unreadable",
    clause="N2023-3b",
    severity=Severity.WARNING,
    title=L(zh="无法读取的媒体文件", en="Unreadable media file"),
    doc=RuleDoc(
        what=L(
            zh="草稿中的某个图片或视频文件无法读取：不存在、为空、被截断、已损坏、格式不支持、过大，或扩展名与内容不符。",
            en="A photo or video in the draft cannot be read: missing, empty, truncated, corrupt, unsupported, too large, or its extension does not match its content.",
        ),
        why=L(
            zh="读不出元数据，就无法核对拍摄时间地点、AI生成标识等必需标注；损坏的文件上传平台时也可能失败或被重新压缩。",
            en="Without its metadata Preflight cannot check the shooting time and place or the AI labels the rules require; a damaged file may also fail to upload or be re-encoded.",
        ),
        example=L(
            zh="IMG_0412.HEIC 实际是 JPEG 数据；clip.mp4 下载不完整。",
            en="IMG_0412.HEIC holds JPEG data; clip.mp4 was only partly downloaded.",
        ),
        fix=L(
            zh="仅提示：请重新导出或替换该文件（需要手动处理）。",
            en="Display only: export the file again or replace it (manual).",
        ),
    ),
    check=check,
)
