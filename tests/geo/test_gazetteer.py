"""Offline place names: reverse lookup of GPS points, names in text, and the bundled tables."""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

import pytest

from checks.geo.coords import gcj_to_wgs, wgs_to_gcj
from checks.geo.gazetteer import (
    distance_km,
    divisions,
    divisions_at,
    landmarks,
    locate,
    place_for,
    world_places,
)


@pytest.mark.parametrize(
    ("lat", "lon", "place"),
    [
        (30.259, 120.153, "浙江省杭州市西湖区"),  # West Lake
        (24.447, 118.067, "福建省厦门市思明区"),  # Gulangyu
        (39.9055, 116.3976, "北京市东城区"),  # Tiananmen
        (30.6586, 104.0648, "四川省成都市"),  # Chengdu centre (a district of it)
        (45.7732, 126.6169, "黑龙江省哈尔滨市"),  # Harbin, Central Street
        (31.2400, 121.4900, "上海市黄浦区"),  # the Bund
        (29.5630, 106.5790, "重庆市渝中区"),  # Hongyadong
        (23.0207, 113.7518, "广东省东莞市"),  # a prefecture without counties
        (36.2138, 117.6768, "山东省济南市莱芜区"),  # former 莱芜市
        (29.6578, 91.1170, "西藏自治区拉萨市城关区"),  # Potala Palace
    ],
)
def test_chinese_points_name_province_prefecture_county(lat: float, lon: float, place: str) -> None:
    assert place_for(lat, lon).startswith(place)


def test_municipalities_are_not_repeated() -> None:
    name = place_for(39.9055, 116.3976)
    assert name.count("北京市") == 1
    assert place_for(29.5630, 106.5790).count("重庆市") == 1


@pytest.mark.parametrize(
    ("lat", "lon", "zh", "en"),
    [
        (52.4597, 13.322, "德国", "Germany"),  # corpus iPad MOV
        (32.0929, 34.862, "以色列", "Israel"),  # corpus iPhone MOV
        (51.4169, -0.0806, "英国", "United Kingdom"),  # corpus Android MP4
        (34.07539, -118.2543, "美国", "United States"),  # corpus FLIR MP4
        (35.6762, 139.6503, "日本", "Japan"),
        (22.2793, 114.1628, "中国香港", "Hong Kong, China"),
        (22.1987, 113.5439, "中国澳门", "Macao, China"),
        (25.0330, 121.5654, "中国台湾", "Taiwan, China"),
    ],
)
def test_points_abroad_name_the_country(lat: float, lon: float, zh: str, en: str) -> None:
    assert place_for(lat, lon) == zh
    assert place_for(lat, lon, lang="en") == en
    assert divisions_at(lat, lon) == ()


@pytest.mark.parametrize(("lat", "lon"), [(0, 0), (20.0, 150.0), (-60.0, -140.0), (91, 0), (float("nan"), 1)])
def test_no_place_for_open_sea_null_island_or_invalid(lat: float, lon: float) -> None:
    assert place_for(lat, lon) is None


def test_divisions_at_gives_the_chain() -> None:
    chain = divisions_at(30.259, 120.153)
    assert [d.level for d in chain] == ["province", "prefecture", "county"]
    assert [d.name for d in chain] == ["浙江省", "杭州市", "西湖区"]


def test_lookup_is_fast() -> None:
    place_for(30.0, 120.0)  # load once
    points = [(30 + i * 0.01, 100 + i * 0.03, "") for i in range(500)] + [
        (40 + i * 0.02, -100 + i * 0.1, "") for i in range(500)
    ]
    started = time.perf_counter()
    for lat, lon, _ in points:
        place_for(lat, lon)
    assert (time.perf_counter() - started) / len(points) < 0.001


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("浙江省", (30.27, 120.15)),
        ("杭州市", (30.27, 120.15)),
        ("杭州", (30.27, 120.15)),
        ("北京", (39.90, 116.40)),
        ("北京市", (39.90, 116.40)),
        ("朝阳市", (41.57, 120.45)),
        ("江干区", (30.26, 120.19)),  # former name → 上城区
        ("下城区", (30.30, 120.16)),  # former name → 拱墅区
        ("莱芜市", (36.21, 117.67)),  # former prefecture → 济南市莱芜区
        ("襄樊", (32.01, 112.12)),  # former short name → 襄阳市
        ("鼓浪屿", (24.447, 118.067)),
        ("断桥", (30.259, 120.151)),
        ("西湖", (30.245, 120.145)),
        ("外滩", (31.240, 121.490)),
        ("故宫", (39.916, 116.397)),
        ("布达拉宫", (29.658, 91.117)),
        ("冰雪大世界", (45.78, 126.57)),
        ("臺北", (25.04, 121.56)),  # traditional characters
        ("日本", (35.69, 139.69)),
        ("纽约", (40.71, -74.01)),
        ("Tokyo", (35.69, 139.69)),
    ],
)
def test_locate_names_in_text(name: str, near: tuple[float, float]) -> None:
    got = locate(name)
    assert got is not None
    assert distance_km(got, near) < 15


@pytest.mark.parametrize("name", ["朝阳", "朝阳区", "西湖区", "城区", "某地", "", "   ", "不存在的地方"])
def test_locate_refuses_ambiguous_or_unknown(name: str) -> None:
    assert locate(name) is None


def test_distance_km() -> None:
    assert distance_km((39.9042, 116.4074), (31.2304, 121.4737)) == pytest.approx(1067, abs=5)
    assert distance_km((10, 20), (10, 20)) == 0
    assert distance_km((0, 179.5), (0, -179.5)) == pytest.approx(111.2, abs=0.5)


def test_gcj_offset_round_trips_inside_china_only() -> None:
    glat, glon = wgs_to_gcj(39.9087, 116.3975)
    assert 0.2 < distance_km((glat, glon), (39.9087, 116.3975)) < 1.0
    back = gcj_to_wgs(glat, glon)
    assert distance_km(back, (39.9087, 116.3975)) < 0.001
    assert wgs_to_gcj(51.5, -0.1) == (51.5, -0.1)


def test_division_table() -> None:
    divs = divisions()
    levels = Counter(d.level for d in divs)
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 360
    assert 2_900 <= levels["county"] <= 3_200
    codes = {d.adcode: d for d in divs}
    assert all(d.parent_adcode in codes for d in divs if d.level != "province")
    assert codes["330106"].name == "西湖区" and codes["330106"].short == "西湖"
    assert "江干区" in codes["330102"].former_names
    assert codes["330113"].name == "临平区"  # created 2021
    assert codes["540581"].name == "错那市"
    located = [d for d in divs if d.lat is not None and d.adcode[:2] not in ("71", "81", "82")]
    assert len(located) >= len([d for d in divs if d.adcode[:2] not in ("71", "81", "82")]) - 10


def test_landmarks_and_world_tables() -> None:
    marks = landmarks()
    assert len(marks) >= 280
    codes = {d.adcode for d in divisions()}
    assert all(m.adcode in codes for m in marks)
    by_name = {m.name: m for m in marks}
    assert by_name["西湖"].adcode == "330106" and by_name["鼓浪屿"].adcode == "350203"
    world = world_places()
    kinds = Counter(p.kind for p in world)
    assert kinds["country"] >= 190 and kinds["city"] >= 140 and kinds["region"] == 3
    assert {p.iso2 for p in world if p.kind == "country"}.isdisjoint({"CN", "HK", "MO", "TW"})


def test_corpus_gps_points_get_sensible_places(corpus: Path) -> None:
    rows = list(csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    named = 0
    for row in rows:
        if not row["gps_lat"] or not row["gps_lon"]:
            continue
        lat, lon = float(row["gps_lat"]), float(row["gps_lon"])
        place = place_for(lat, lon)
        if lat == 0 and lon == 0:
            assert place is None, row["path"]
            continue
        chain = divisions_at(lat, lon)
        if chain:
            assert place.startswith(chain[0].name) and place.endswith(chain[-1].name), row["path"]
        named += place is not None
    assert named >= 10
