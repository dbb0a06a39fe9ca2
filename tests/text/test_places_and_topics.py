"""Places (gazetteer, English aliases, placeholders) and topic cues."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from checks.model import Account, Draft
from checks.packs import load_packs
from checks.text.analysis import analyse
from checks.text.places import distance_km, locate

PUBLISH = datetime(2026, 11, 21, 20, tzinfo=timezone(timedelta(hours=8)))


def ta(title: str = "", text: str = "", bio: str = ""):
    return analyse(
        Draft(title=title, text=text, account=Account(name="某某", bio=bio)), load_packs(), PUBLISH
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在浙江台州温岭拍的", {"浙江", "台州", "温岭"}),
        ("成都市武侯区二环高架", {"成都市", "武侯区"}),
        ("在廈門鼓浪嶼", {"厦门"}),
        ("Hotpot in Chongqing tonight", {"重庆"}),
        ("Ramen in Tokyo", {"Tokyo"}),
    ],
)
def test_places_are_found_with_canonical_names(text: str, names: set[str]) -> None:
    found = {p.name for p in ta(text=text).real_places()}
    assert names <= found


@pytest.mark.parametrize("text", ["某地发生火灾", "当地居民说", "南方某城的一个小区"])
def test_placeholders_do_not_count(text: str) -> None:
    analysis = ta(text=text)
    assert not analysis.has_place()
    assert any(p.placeholder for p in analysis.places)


def test_county_short_forms_are_not_places_in_running_text() -> None:
    assert not ta(text="江山如画，东方红太阳升").has_place()


def test_locate_and_distance() -> None:
    xm, km = locate("厦门"), locate("昆明")
    assert xm and km
    assert 1400 < distance_km(xm, km) < 1700


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        ("明年起养老金又要涨了", "明年1月起养老金统一上调5%。", "current_affairs"),
        ("飞霞南路明天起封闭施工", "途经车辆请提前绕行。", "current_affairs"),
        ("下班路上碰到一起事故", "两辆电动车撞上了，交警已经到场。", "social_event"),
        ("台风过后", "台风过境后街上到处是倒下的大树。", "disaster"),
        ("第12集｜婆婆当众撕了我的离婚协议", "下集更精彩！", "fiction"),
        ("把猫画成仕女", "用AI画的，Midjourney出图。", "ai_content"),
        ("降压药", "血压正常了就可以自己停两天，不用天天吃。", "advice_health"),
    ],
)
def test_topics(title: str, text: str, topic: str) -> None:
    assert topic in ta(title, text).topics


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        ("两只猫第一次见到雪", "早上拉开窗帘，外面白茫茫一片。", "current_affairs"),
        ("这部电影的结局我哭了", "剧情很感人。", "fiction"),
        ("第一次做胃镜", "医生让我按时吃饭，三个月后复查。", "advice_health"),
        ("Knitting part 2", "Part 3 tomorrow covers the collar.", "fiction"),
    ],
)
def test_not_topics(title: str, text: str, topic: str) -> None:
    assert topic not in ta(title, text).topics


def test_account_bio_adds_a_fiction_cue() -> None:
    title, text = "我在工地捡到一个孩子", "十年后，我又见到了他。"
    assert "fiction" not in ta(title, text).topics
    assert "fiction" in ta(title, text, bio="所有视频均为剧情演绎").topics


def test_find_reads_any_lexicon_including_account() -> None:
    analysis = analyse(
        Draft(title="t", text="x", account=Account(name="临安公安发布")), load_packs(), PUBLISH
    )
    assert [c.text for c in analysis.find("official_organs", "account")][:1] == ["公安"]
