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
