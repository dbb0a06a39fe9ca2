"""clickbait_title: headline-party hooks in the title; plain or sourced titles are fine."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("title", "hook"),
    [
        ("震惊！这种水果晚上千万别吃", "震惊"),
        ("不看后悔！全网最美的冰岛极光", "不看后悔"),
        ("99%的人不知道的微信隐藏功能", "99%的人不知道"),
        ("速看！当年那场暴雨的真实画面", "速看"),
        ("紧急扩散！明天起这些地方停水", "紧急扩散"),
        ("You won't believe what my landlord did next (Part 2)", "You won't believe"),
        ("他打开箱子，结果竟然……", "结果"),
        ("突发！小区门口出大事", "突发"),
    ],
)
def test_clickbait_titles_are_flagged(title: str, hook: str) -> None:
    (f,) = run("clickbait_title", title=title)
    assert f.severity == Severity.WARNING and f.clause == "SA2023-1.3" and f.target == "title"
    assert title[f.span[0] : f.span[1]] == hook
    kinds = [x.kind for x in f.fixes]
    assert kinds == [FixKind.MANUAL, FixKind.INSERT_TEXT]
    assert str(f.fixes[0].applicability) == "display_only" and str(f.fixes[1].applicability) == "unsafe"


@pytest.mark.parametrize(
    "title",
    [
        "厦门鼓浪屿的清晨",
        "刚刚，国家统计局发布10月经济数据",
        "没想到这么好吃",
        "新手必看！露营装备清单",
        "快看！下雪了",
        "结果出来了，我考上了",
        "2008年那场雪灾，你还记得吗",
        "这张照片非AI生成！",
        "Sunrise over Zhangjiajie this morning",
        "",
    ],
)
def test_plain_titles_are_fine(title: str) -> None:
    assert run("clickbait_title", title=title) == []


def test_text_is_not_checked() -> None:
    assert run("clickbait_title", title="香蕉晚上能吃吗", text="震惊！别被标题吓到。") == []


def test_soft_hook_with_a_specific_source_label_is_a_report() -> None:
    text = "据新华社11月21日报道，中国人民银行宣布下调金融机构存款准备金率。"
    assert run("clickbait_title", title="重磅！央行宣布降准", text=text) == []
    (f,) = run("clickbait_title", title="重磅！央行宣布降准", text="听说要降准了，大家怎么看？")
    assert f.span == (0, 2)


@pytest.mark.parametrize(
    "title",
    [
        "空气炸锅版蜜汁排骨",
        "電炸鍋做薯條，十分鐘搞定",
        "长曝光拍星轨的三个参数",
        "曝光补偿怎么调才不过曝",
        "突发性耳聋的早期信号",
        "院子里的柿子树开花结果了",
        "体检结果里这几项要看懂",
        "Secret Santa gift ideas under $20",
        "快速看懂基金年报",
        "毕竟是第一次，原来这么难",
        "被拒绝了，原来面试要准备这些",
        "炸锅贴的正确姿势",
    ],
)
def test_hook_inside_an_ordinary_compound_is_not_a_hook(title: str) -> None:
    assert run("clickbait_title", title=title) == []


@pytest.mark.parametrize(
    ("title", "hook"),
    [
        ("全网炸锅！这家奶茶店被曝用过期原料", "炸锅"),
        ("空气炸锅竟然能做这个，结果……", "竟然"),  # the appliance is guarded, the hooks are not
        ("曝光！某网红餐厅后厨竟是这样", "曝光"),
    ],
)
def test_hooks_next_to_a_compound_still_count(title: str, hook: str) -> None:
    (f,) = run("clickbait_title", title=title)
    assert title[f.span[0] : f.span[1]] == hook


@pytest.mark.parametrize(
    "title",
    [
        "千万不要这样洗脸！后果不堪设想",
        "他做了一件事，全场都安静了",
        "This simple trick changed my life forever",
    ],
)
def test_exaggeration_hooks_are_flagged(title: str) -> None:
    assert len(run("clickbait_title", title=title)) == 1
