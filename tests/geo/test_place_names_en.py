"""English place names: every division has one, and English output uses them instead of Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from PIL import Image

from checks.geo.data import load_divisions
from checks.geo.gazetteer import locate, media_place, place_for
from checks.model import Gps, MediaFacts

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    ("lat", "lon", "zh", "en"),
    [
        (30.259, 120.153, "浙江省杭州市西湖区", "Xihu District, Hangzhou, Zhejiang"),
        (39.9055, 116.3976, "北京市东城区", "Dongcheng District, Beijing"),
        (45.7732, 126.6169, "黑龙江省哈尔滨市", "Harbin, Heilongjiang"),  # not pinyin "Haerbin"
        (29.6578, 91.1170, "西藏自治区拉萨市城关区", "Chengguan District, Lhasa, Tibet"),
        (22.28, 114.16, "中国香港", "Hong Kong, China"),
        (48.8566, 2.3522, "法国", "France"),
    ],
)
def test_a_point_is_named_in_the_language_asked(lat: float, lon: float, zh: str, en: str) -> None:
    assert place_for(lat, lon, "zh").startswith(zh)
    assert place_for(lat, lon, "en").endswith(en)
    assert not CJK.search(place_for(lat, lon, "en"))


def test_every_division_has_an_english_name_without_chinese_characters() -> None:
    divs = load_divisions()
    missing = [d.name for d in divs if not d.en or CJK.search(d.en)]
    assert not missing, missing[:10]
    by_name = {d.name: d.en for d in divs}
    assert by_name["内蒙古自治区"] == "Inner Mongolia" and by_name["陕西省"] == "Shaanxi"
    assert by_name["西安市"] == "Xi'an"  # syllable apostrophe
    assert by_name["延边朝鲜族自治州"] == "Yanbian Autonomous Prefecture"
    assert by_name["桐庐县"] == "Tonglu County"
    assert by_name["长白朝鲜族自治县"] == "Changbai Autonomous County"  # 白 here is no ethnic name
    for zh, en in (("长治市", "Changzhi"), ("成都市", "Chengdu"), ("闵行区", "Minhang District"), ("万柏林区", "Wanbailin District")):
        assert by_name[zh] == en  # place-name readings of polyphonic characters


def test_media_place_renames_from_gps_in_english_and_keeps_the_stored_chinese_name() -> None:
    facts = MediaFacts(path="a.jpg", gps=Gps(30.259, 120.153), place="浙江省杭州市西湖区")
    assert media_place(facts, "zh") == "浙江省杭州市西湖区"
    assert media_place(facts, "en") == "Xihu District, Hangzhou, Zhejiang"
    assert media_place(MediaFacts(path="b.jpg"), "en") is None


def test_english_place_names_in_text_are_located_but_bare_shared_names_stay_ambiguous() -> None:
    assert locate("Hangzhou") == locate("杭州")
    assert locate("Tonglu County") == locate("桐庐县")
    assert locate("Chaoyang") is None  # a prefecture in Liaoning and districts in Beijing and Shantou


def _phone_photo(path: Path, lat: float, lon: float) -> None:
    def dms(v: float) -> tuple[float, float, float]:
        d = int(v)
        m = int((v - d) * 60)
        return (float(d), float(m), round((v - d - m / 60) * 3600, 2))

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2026:11:21 15:42:10"
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x02\x00\x00"
    gps[1], gps[2], gps[3], gps[4] = "N", dms(lat), "E", dms(lon)
    Image.new("RGB", (64, 48), (120, 160, 200)).save(path, exif=exif, quality=80)


def test_cli_english_output_names_places_in_english(tmp_path: Path) -> None:
    _phone_photo(tmp_path / "lake.jpg", 30.259, 120.153)
    draft = tmp_path / "post.toml"
    draft.write_text(
        tomli_w.dumps({"platform": "douyin", "title": "周末", "text": "在湖边散步。", "media": ["lake.jpg"]}),
        encoding="utf-8",
    )
    env_run = [sys.executable, "-m", "app.cli"]
    en = subprocess.run([*env_run, "check", str(draft), "--lang", "en"], capture_output=True, text=True, cwd=ROOT)
    assert "Xihu District, Hangzhou, Zhejiang" in en.stdout, en.stdout + en.stderr
    assert "杭州" not in en.stdout.replace("周末", "")
    zh = subprocess.run([*env_run, "check", str(draft), "--lang", "zh"], capture_output=True, text=True, cwd=ROOT)
    assert "浙江省杭州市西湖区" in zh.stdout
