"""capture_place_mismatch: self-shot GPS more than 100 km from every place the post names."""

from __future__ import annotations

import pytest
from label_draft import fired, run, shot

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text", "gps"),
    [
        ("廈門鼓浪嶼的海邊咖啡館", "在廈門鼓浪嶼找到一間看得見海的咖啡館。", (25.0389, 102.7183)),
        ("洱海边的粉紫色日落", "在大理洱海边坐了两个小时。", (22.5431, 114.0579)),
        ("Hotpot night in Chongqing", "Nine-grid hotpot in Chongqing.", (34.2593, 108.9447)),
        ("哈尔滨下了今年第一场大雪", "中央大街的面包石路全白了。", (23.1291, 113.2644)),
        ("上海外滩夜景", "今晚上海外滩的灯光秀太美了。", (23.13, 113.26)),
        ("Sunset in Sanya", "Beach sunset in Sanya tonight.", (45.8, 126.5)),
    ],
)
def test_gps_far_from_named_place_is_a_warning(title: str, text: str, gps: tuple[float, float]) -> None:
    (f,) = run("capture_place_mismatch", title=title, text=text, media=(shot(gps=gps),))
    assert f.severity == Severity.WARNING and f.clause == "SA2023-1.1" and f.target == "media:0"
    assert f.evidence.startswith("GPS ")
    assert f.fixes[0].kind == FixKind.MANUAL


@pytest.mark.parametrize(
    ("title", "text", "gps"),
    [
        ("厦门鼓浪屿的清晨", "早上六点的鼓浪屿还没什么游客。", (24.4467, 118.0674)),
        ("老视频｜浙江温岭的台风天", "在浙江台州温岭拍的。", (28.372, 121.375)),
        ("北京的烤鸭", "在北京吃烤鸭。", (39.9, 116.4)),
        ("Tokyo trip", "Ramen in Tokyo!", (35.68, 139.7)),
        ("昨晚楼下着火了", "南京鼓楼区我们小区对面那栋楼冒起黑烟。", (32.0663, 118.7694)),
        ("最后一车玉米进仓了", "忙到天黑总算收尾了。", (46.8, 130.32)),
    ],
)
def test_matching_or_unnamed_place_passes(title: str, text: str, gps: tuple[float, float]) -> None:
    assert not fired("capture_place_mismatch", title=title, text=text, media=(shot(gps=gps),))


def test_one_nearby_place_among_several_is_enough() -> None:
    text = "从北京飞到成都，今晚在成都吃火锅。"
    assert not fired("capture_place_mismatch", title="火锅", text=text, media=(shot(gps=(30.66, 104.06)),))


def test_no_gps_no_finding() -> None:
    assert run("capture_place_mismatch", title="成都", text="在成都", media=(shot(),)) == []
