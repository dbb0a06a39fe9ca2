"""old_news_time_place_missing: a past event needs its original absolute time AND a real place."""

from __future__ import annotations

import pytest
from label_draft import fired, run, stock

from checks.model import Applicability, FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("老视频：那年洪水", "那年发大水，整个镇子都泡在水里，战士们把老人背到安全的地方。"),
        ("还记得当年那场大雪吗", "当年那场大雪下了整整一个星期，火车停了，好多人没能回家过年。"),
        ("多年前的那场大地震", "还记得多年前的那场大地震吗？每次看到这段视频都想哭。"),
        ("老照片", "翻出一张老照片，当年抗洪的战士们真让人感动。"),
        ("那一年的非典", "那一年非典来袭，学校停课，我们在家上网课。"),
        ("速看！当年郑州那场暴雨", "老视频重温，当时地铁车厢里的水已经漫到胸口。"),
        ("2008年那场雪灾", "2008年春节前那场雪灾，我们一家在火车站等了三天三夜。"),
        ("Throwback", "Throwback to the earthquake years ago, the whole town shook."),
        ("Throwback: that flood years ago", "Found this old clip of the flood from years ago."),
    ],
)
def test_past_event_without_time_or_place_is_an_error(title: str, text: str) -> None:
    (f,) = run("old_news_time_place_missing", title=title, text=text)
    assert f.severity == Severity.ERROR and f.clause == "N2023-3d"
    assert f.span is not None
    (fix,) = f.fixes
    assert fix.kind == FixKind.INSERT_TEXT and fix.applicability == Applicability.DISPLAY_ONLY


def test_known_parts_are_prefilled() -> None:
    (f,) = run(
        "old_news_time_place_missing", title="2008年那场雪灾", text="2008年春节前那场雪灾，火车站挤满了人。"
    )
    assert "2008年" in f.fixes[0].payload["text"] and "地点" in f.message


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("2008年1月，湖南郴州的那场冰灾", "据新华社当年报道，数万名电力工人冒着严寒抢修线路。"),
        ("老视频｜2019年8月 浙江温岭的台风天", "台风登陆那天，家门口的路全淹了。翻出来纪念一下。"),
        ("旧闻重温", "重温1998年长江特大洪水的新闻画面，湖北九江军民一心抗洪抢险。"),
        ("Throwback", "Throwback to the July 2021 floods in Zhengzhou, the subway was under water."),
    ],
)
def test_time_and_place_stated_passes(title: str, text: str) -> None:
    assert not fired("old_news_time_place_missing", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("那年我十八岁", "那年我十八岁，第一次一个人坐火车去上大学。"),
        ("小时候", "小时候那年冬天，爷爷带我去赶集，买了一串糖葫芦。"),
        ("去年的今天", "去年的今天我们结婚了，时间过得真快。"),
        ("今年的收成", "今年雨水好，亩产比去年多了两百斤。"),
        ("个税确认", "来源：国家税务总局官网。去年我操作了一遍，五分钟就搞定。"),
        ("那年冬天", "那年冬天下了好大的雪，我们在院子里堆了雪人。"),
        ("学游泳", "那次车祸以后我就开始学游泳了，现在每周游三次。"),
        ("回老家", "三年没回老家了，村口的大槐树还在，小时候那次发大水我们就在树下躲雨。"),
    ],
)
def test_personal_memories_are_not_old_news(title: str, text: str) -> None:
    assert not fired("old_news_time_place_missing", title=title, text=text)


def test_fiction_is_exempt() -> None:
    title, text = (
        "我在工地捡到一个孩子，十年后他回来了",
        "那年冬天我在工地值夜班，听见纸箱里有哭声。洪水退了。",
    )
    assert not fired("old_news_time_place_missing", title=title, text=text, declarations=("fiction",))


def test_relative_time_is_a_warning_with_the_absolute_year() -> None:
    (f,) = run(
        "old_news_time_place_missing", title="十年前的大火", text="十年前那场大火烧毁了杭州的整条老街。"
    )
    assert f.severity == Severity.WARNING
    (fix,) = f.fixes
    assert fix.payload["where"] == "replace" and fix.payload["text"] == "2016年"
    assert fix.payload["span"] == [0, 3]


def test_placeholder_place_does_not_count() -> None:
    assert fired("old_news_time_place_missing", title="旧闻", text="2015年某地那场洪水冲毁了大桥。")


# --- generalisation: vague past words with a public event told in the third person ----------


@pytest.mark.parametrize(
    "text",
    [
        "还记得那年的特大冻雨吗？铁路中断，几万名乘客滞留在车站，志愿者挨个送热水。",
        "那年的那场大火烧了整整一夜，消防员轮番上阵，半条街都没了。",
        "多年前那次高速封了三天，司机们在车里过年，附近村民送来了饺子。",
    ],
)
def test_a_recalled_public_event_needs_its_time_and_place(text: str) -> None:
    assert fired("old_news_time_place_missing", text=text, media=(stock(),))


@pytest.mark.parametrize(
    "text",
    [
        "那年我出了车祸，在医院躺了三个月，谢谢一直陪着我的家人。",
        "还记得那年冬天的大雪吗？我们在楼下堆了一个好大的雪人。",
        "那年夏天第一次去海边，爸爸背着我在浪里跑。",
    ],
)
def test_first_person_mishaps_and_weather_memories_are_not_old_news(text: str) -> None:
    assert not fired("old_news_time_place_missing", text=text)
