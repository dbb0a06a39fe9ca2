"""Self-shot GPS far from the place the post names (SA2023-1.1: news spliced from elsewhere).

Every real place named in the title or text is located with the offline gazetteer; when a
self-shot file's GPS is more than 100 km from *all* of them, the footage was not taken where
the post says. Places the gazetteer cannot locate (or an unavailable gazetteer) never produce a
finding: no evidence, no accusation.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.geo.gazetteer import media_place
from checks.i18n import L
from checks.model import Finding, Provenance, Severity
from checks.rules.base import Context, Rule, RuleDoc
from checks.text.places import distance_km, locate

MAX_KM = 100.0
MESSAGE = L(
    zh="正文说在“{place}”，但 {path} 的 GPS 位置（{where}）距离该地约 {km} 公里；异地画面不能当作本地发生的事",
    en="The post names '{place}' but the GPS of {path} ({where}) is about {km} km away; footage from elsewhere must not be presented as local",
)


def check(ctx: Context) -> Iterator[Finding]:
    ta = ctx.text
    located = []
    for p in ta.real_places():
        point = locate(p.name)
        if point is not None:
            located.append((p, point))
    if not located:
        return
    for i, m in enumerate(ctx.media):
        if m.error or m.gps is None or m.provenance != Provenance.SELF_SHOT:
            continue
        gps = (m.gps.lat, m.gps.lon)
        dists = [(distance_km(gps, point), p) for p, point in located]
        nearest_km, place = min(dists, key=lambda d: d[0])
        if nearest_km <= MAX_KM:
            continue
        where = media_place(m, ctx.lang) or f"{m.gps.lat:.4f}, {m.gps.lon:.4f}"
        fix = ctx.manual_fix(
            L(zh="核对画面拍摄地点", en="Check where the footage was shot"),
            L(
                zh="确认图片/视频是否拍摄于“{place}”；若不是，请写明真实拍摄地点（{where}）或更换素材",
                en="Check the media was shot in '{place}'; if not, state the real place ({where}) or replace it",
            ),
            place=place.text,
            where=where,
        )
        yield ctx.finding(
            RULE, MESSAGE, target=f"media:{i}", evidence=f"GPS {m.gps.lat:.4f},{m.gps.lon:.4f} ↔ {place.text}",
            fixes=[fix], place=place.text, path=m.path, where=where, km=round(nearest_km),
        )  # fmt: skip


RULE = Rule(
    id="capture_place_mismatch",
    clause="SA2023-1.1",
    severity=Severity.WARNING,
    title=L(zh="画面拍摄地与正文地点不符", en="Media GPS far from the place the post names"),
    doc=RuleDoc(
        what=L(
            zh="用离线地名库定位标题/正文中提到的地点（行政区划、地标、外国地名），当自拍图片/视频的 GPS 位置距离所有这些地点都超过 100 公里时提醒。无法定位的地名不会产生提醒。",
            en="Locates the places named in the title and text (divisions, landmarks, foreign places) with the offline gazetteer and warns when a self-shot file's GPS is more than 100 km from all of them. Places that cannot be located never trigger it.",
        ),
        why=L(
            zh="“清朗·自媒体乱象”专项行动把“移花接木、异地拼接”的新闻列为谣言。",
            en="The 2023 special action treats news spliced from a different place as rumour-mongering.",
        ),
        example=L(
            zh="“在厦门鼓浪屿找到一间咖啡馆”，照片 GPS 却在昆明。",
            en="'Found a café on Gulangyu, Xiamen' with photo GPS in Kunming.",
        ),
        fix=L(
            zh="提示作者核对拍摄地点，写明真实地点或更换素材（display_only）。",
            en="Asks you to check where it was shot and state the real place or replace the media (display-only).",
        ),
    ),
    check=check,
)
