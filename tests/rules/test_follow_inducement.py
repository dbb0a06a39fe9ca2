"""follow_inducement: sending users to ANOTHER account; following this one is fine."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    "text",
    [
        "这个号随时可能被限流，防失联大家关注一下我的小号@小鱼穿搭备用。",
        "更多技巧在我的小号，提前关注备用号@手机技巧君2，防失联！",
        "平台限时长，完整版在小号@小鹿追剧2号，先去关注它，今晚八点更新！",
        "最近这个号老被限流，大家顺手关注一下我的备用号“阿欣日常2”。",
        "想知道结局的，去我另一个账号看结局。",
        "以后不在这个号更新了，关注我的新号。",
        "防·失·联，大家多多支持。",
        "The full video is on my backup account @leo_eats_2, so follow it now in case this one gets banned.",
        "Part 2 is on my second channel, subscribe there!",
    ],
)
def test_follow_another_account_is_flagged(text: str) -> None:
    (f,) = run("follow_inducement", text=text)
    assert f.severity == Severity.ERROR and f.clause == "N2023-7b" and f.target == "text"
    (fix,) = f.fixes
    assert fix.kind == FixKind.INSERT_TEXT and str(fix.applicability) == "unsafe"
    start, end = fix.payload["span"]
    assert start <= f.span[0] < f.span[1] <= end


@pytest.mark.parametrize(
    "text",
    [
        "想看完整训练计划的点个关注不迷路，明天接着更。",
        "视频太长剪成了上下两集，完整版在我主页合集里，点个关注下次还能找到我。",
        "今天吹小号给大家听，喜欢的关注我。",
        "学了三年小号，终于能吹完整首曲子了。",
        "据@成都交警 通报，事故未造成人员受伤。",
        "12月2号更新第二期，记得来看。",
        "地铁二号线今天延误了，关注一下出行提醒。",
        "Follow me for more street food!",
    ],
)
def test_following_this_account_or_other_meanings_are_fine(text: str) -> None:
    assert run("follow_inducement", text=text) == []


def test_english_message() -> None:
    (f,) = run("follow_inducement", text="Follow my backup account in case this one gets banned.", lang="en")
    assert "another account" in f.message


def test_bio_pointing_to_a_backup_account_is_flagged() -> None:
    (f,) = run("follow_inducement", name="搞笑日常", bio="主号被封了，防失联关注备用号@搞笑日常2。每天更新")
    assert f.target == "account" and f.evidence.startswith("账号简介：")
    (fix,) = f.fixes
    assert fix.kind == FixKind.EDIT_ACCOUNT and fix.payload == {"field": "bio", "value": "每天更新"}


def test_bio_asking_to_follow_this_account_is_fine() -> None:
    assert run("follow_inducement", name="菜谱大全", bio="关注我，每天一道家常菜") == []


@pytest.mark.parametrize(
    "text",
    ["新号求关注！这是我的第一条视频。", "新号报到，以后每周更新。", "New account here, follow for more!"],
)
def test_this_new_account_introducing_itself_is_fine(text: str) -> None:
    assert run("follow_inducement", text=text) == []


def test_moving_the_audience_to_a_new_account_is_still_flagged() -> None:
    (f,) = run("follow_inducement", text="这个号不更了，大家去关注我的新号。")
    assert f.clause == "N2023-7b"
