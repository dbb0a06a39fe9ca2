"""Precise GPS coordinates in a file the creator is about to publish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.geo.gazetteer import media_place
from checks.i18n import L
from checks.model import Applicability, Finding, Fix, FixKind, Severity
from checks.rules.base import Context, Rule, RuleDoc


def check(ctx: Context) -> Iterator[Finding]:
    for i, media in enumerate(ctx.media):
        if media.error or media.gps is None:
            continue
        name = Path(media.path).name
        coords = f"{media.gps.lat:.5f}, {media.gps.lon:.5f}"
        place = media_place(media, ctx.lang)
        fix = Fix(
            kind=FixKind.STRIP_GPS,
            title=ctx.t(
                L(zh="导出去除GPS坐标的“{name}”副本", en="Export a copy of '{name}' without GPS"), name=name
            ),
            applicability=Applicability.SAFE,
            payload={"media": i},
        )
        yield ctx.finding(
            RULE,
            L(
                zh="“{name}”内嵌精确GPS坐标（{where}），发布原图可能暴露住址或行踪",
                en="'{name}' embeds precise GPS coordinates ({where}); publishing the original may reveal where you live or go",
            ),
            target=f"media:{i}",
            evidence=f"GPS {coords}" + (f" ({place})" if place else ""),
            fixes=(fix,),
            name=name,
            where=place or coords,
        )


RULE = Rule(
    id="gps_privacy",
    clause="N2023-3b",
    severity=Severity.INFO,
    title=L(zh="媒体文件含精确GPS坐标", en="Media embeds precise GPS coordinates"),
    doc=RuleDoc(
        what=L(
            zh="照片或视频的元数据里含有精确的GPS经纬度。",
            en="A photo's or video's metadata holds precise GPS latitude and longitude.",
        ),
        why=L(
            zh="规定要求标注的是文字形式的拍摄地点（如“杭州市西湖区”），并不要求公开精确坐标；部分平台上传原图会保留坐标，可能暴露住址和行踪。",
            en="The rules ask for the shooting place as visible text (a district is enough), not for exact coordinates; some platforms keep them in originals, which can reveal your home or movements.",
        ),
        example=L(
            zh="IMG_0412.HEIC：GPS 30.25917, 120.16480。", en="IMG_0412.HEIC: GPS 30.25917, 120.16480."
        ),
        fix=L(
            zh="导出一份去除GPS的副本（安全，原文件不变）；拍摄地点的文字标注不受影响。",
            en="Exports a copy without GPS (safe; the original is untouched); the written shooting-place label stays.",
        ),
    ),
    check=check,
)
