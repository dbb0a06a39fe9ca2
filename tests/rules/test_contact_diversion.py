"""contact_diversion: phone numbers, WeChat/QQ handles and other platforms with a request (platform rules)."""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.model import Severity


@pytest.mark.parametrize(
    "text",
    [
        "需要的加 V：cam_2024_sh 详聊",
        "加 微 信 了解详情",  # spaced evasion
        "加威信 resume_helper2 免费领",
        "打电话 139 1234 5678，免费上门",
        "物业电话 0571-88886666",
        "加扣扣 23456789 进群",
        "加我12345678",
        "vx：tom_2024",
        "DM me on WhatsApp for the price.",
        "電話 139-1234-5678",  # traditional
        "加我薇❤：mei_2024",  # emoji glue
        "威 信 号 abc_12345",  # spaced variant
    ],
)
def test_contact_details_are_a_platform_rule_warning(text: str) -> None:
    (f,) = run("contact_diversion", title="出二手", text=text)
    assert f.severity == Severity.WARNING and f.clause == "PLATFORM-DIVERSION"


def test_following_another_platform_cites_n2023_7b() -> None:
    (f,) = run("contact_diversion", title="穿搭合集", text="全部穿搭都在小红书，搜同名记得关注我。")
    assert f.clause == "N2023-7b" and f.severity == Severity.WARNING


def test_shop_elsewhere_is_diversion_but_not_a_follow() -> None:
    (f,) = run("contact_diversion", title="闲置", text="更多闲置去闲鱼搜我同名。")
    assert f.clause == "PLATFORM-DIVERSION"


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("据微博网友爆料，此事引发大量关注。", "weibo"),  # citing a platform
        ("抖音同名的老朋友们，欢迎关注我。", "douyin"),  # the post's own platform
        ("My vlogging setup: camera, video lights, tripod.", "generic"),
        ("订单号 20261121000123，快递已发出。", "douyin"),  # a long number is not a phone
        ("第一章讲土地财政，2026年11月21日读完。", "xiaohongshu"),
    ],
)
def test_no_diversion(text: str, platform: str) -> None:
    assert not fired("contact_diversion", title="日常", text=text, platform=platform)


@pytest.mark.parametrize(
    "text",
    [
        "想要的私我 1 5 8 2 2 3 3 4 4 5 5 哦",  # a mobile number typed digit by digit
        "微信/电话：87654321，随时问",  # two messengers named before one number
        "同款手套 wx搜 gloves_77 就行",  # "search this handle" instead of "add"
        "訂蛋糕請 WhatsApp 6789 1234",  # 8-digit local number after an overseas messenger
        "Message me on WeChat: bakery_jo9 for sizes.",
    ],
)
def test_widened_contact_shapes_are_diversion(text: str) -> None:
    (f,) = run("contact_diversion", title="上新", text=text)
    assert f.clause == "PLATFORM-DIVERSION"


@pytest.mark.parametrize(
    "text",
    [
        "今年跑了 1 3 5 0 公里",  # spaced digits that are too short for a phone
        "WhatsApp 这个软件出了新版本",  # a messenger named with no number
        "这套房子 2025 年翻新过，面积 1200 平",
    ],
)
def test_widened_shapes_leave_plain_numbers_alone(text: str) -> None:
    assert not fired("contact_diversion", title="日常", text=text)
