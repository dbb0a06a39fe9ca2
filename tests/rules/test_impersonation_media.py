"""impersonation_media: outlet names and outlet-style names, and text dressed as TV news."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("人民日报精选摘抄", "人民日报"),
        ("CCTV Daily Highlights", "CCTV"),
        ("上海午报", "午报"),
        ("动态新闻", "新闻"),  # weak outlet word + news-desk modifier
        ("成都新闻眼", "新闻眼"),
        ("廣州今日快訊", "今日快訊"),
        ("温州今日头条", "头条"),  # weak word + division name
        ("新华社快讯搬运", "新华社"),
        ("Global Times Insider", "Global Times"),
        ("苏州同城热点", "热点"),
    ],
)
def test_outlet_names_are_flagged(name: str, word: str) -> None:
    (f,) = run("impersonation_media", name=name)
    assert f.severity == Severity.ERROR and f.target == "account"
    assert name[f.span[0] : f.span[1]] == word


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("爱看新闻的老王", "每天看新闻联播"),
        ("新闻系的小李", "传媒学院在读"),
        ("热点快看", "热点一手掌握"),
        ("今日份快乐", "每天开心一点"),
        ("城市观察员小王", "拍拍街景"),
        ("第一财经迷", "爱看财经节目"),
        ("人民日报忠实读者", ""),
    ],
)
def test_normal_names_are_not_flagged(name: str, bio: str) -> None:
    assert run("impersonation_media", name=name, bio=bio) == []


def test_bio_claiming_to_be_an_outlets_account_is_flagged() -> None:
    (f,) = run("impersonation_media", name="每日精选", bio="新华社官方授权账号")
    assert f.evidence.startswith("账号简介：") and f.span == (0, 3)


def test_citing_an_outlet_as_source_in_text_is_attribution() -> None:
    text = "据人民日报11月19日报道，多地已陆续出台育儿补贴实施细则。我个人觉得补贴是好事。"
    assert (
        run("impersonation_media", name="爱吐槽的阿文", bio="说点真心话", title="说说育儿补贴", text=text)
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "各位观众，晚上好！欢迎收看本期节目。首先来看一条消息：我家楼下的奶茶店开业了。",
        "观众朋友们大家好，本台记者在现场为您发回报道。",
        "Good evening, this is the news from my kitchen.",
    ],
)
def test_tv_news_openings_in_text_are_flagged(text: str) -> None:
    (f,) = run("impersonation_media", name="阿杰的碎碎念", text=text)
    assert f.target == "text" and f.span is not None
    assert f.fixes[0].kind == FixKind.MANUAL


def test_vlog_greeting_is_not_tv_news() -> None:
    assert run("impersonation_media", name="小鱼vlog", text="哈喽大家好，今天带大家去逛菜市场。") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("观众朋友们，大家中午好！今天先来关注一则体育消息。", "观众朋友们，大家中午好"),
        ("各位观众朋友们早上好，这里是每日财经速递。", "各位观众朋友们早上好"),
        ("歡迎收看今晚的財經新聞，首先關注油價調整。", "歡迎收看今晚的財經新聞"),
        ("这里是江城卫视，现在为您播报一条路况消息。", "这里是江城卫视"),
        ("本台记者从现场发回报道，小区门口的奶茶店下周开业。", "本台记者"),
        ("Good evening, this is Channel 8 Nightly News with the latest on the storm.", None),
        ("Good evening and welcome to tonight's news: the mayor has resigned.", None),
        ("You're watching the Midday News. Our top story tonight…", None),
    ],
)
def test_broadcast_shapes_in_text_are_flagged(text: str, word: str | None) -> None:
    (f,) = run("impersonation_media", name="阿杰的碎碎念", text=text, lang="en" if word is None else "zh")
    assert f.target == "text" and f.span[0] == 0
    if word is not None:
        assert text[f.span[0] : f.span[1]] == word


@pytest.mark.parametrize(
    "text",
    [
        "各位观众老爷们大家好，今天开箱一台新相机。",
        "欢迎收看我的第一期vlog，今天去爬山。",
        "日本台风过境，我们航班取消了，在酒店躺了一天。",
        "我每天晚上陪我爸看新闻联播，他最爱看天气预报。",
        "这里是我的小店，欢迎大家来坐坐。",
        "Good evening everyone, welcome back to my kitchen!",
        "This is big news for Switch fans: the sequel is out.",
        "今天的主要内容有三点：选材、腌制、火候。",
    ],
)
def test_ordinary_greetings_and_mentions_are_not_broadcasts(text: str) -> None:
    assert run("impersonation_media", name="小鱼vlog", text=text) == []


@pytest.mark.parametrize("name", ["读人民日报的小李", "每天听新闻联播的老周", "爱看央视纪录片的阿花"])
def test_a_reader_of_an_outlet_is_not_the_outlet(name: str) -> None:
    assert run("impersonation_media", name=name) == []


def test_print_news_dateline_in_text_is_flagged() -> None:
    (f,) = run(
        "impersonation_media", name="城东百事通", text="【新闻速递】本报讯 今天上午，城东发生一起交通事故。"
    )
    assert f.target == "text" and "本报讯" in f.message
