"""impersonation_official: names (and bios with an official claim) posing as organs."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("交警路况提醒", "交警"),
        ("疾控健康提醒", "疾控"),
        ("教育考试院通知", "教育考试院"),
        ("临安公安发布", "公安"),
        ("朝阳区政府便民服务", "区政府"),
        ("杭州发布", "发布"),  # division + 发布: a government information office's account style
        ("市场监管局曝光台", "市场监管局"),
        ("网警在线", "网警"),
        ("Shanghai Police Updates", "Police"),
        ("杭州消防安全课", "消防"),  # division + department word
        ("日照文旅推荐官", "文旅"),
        ("国家反诈中心提醒", "国家反诈中心"),
        ("安徽省教育考试招生院", "考试招生院"),
        ("南京市场监管提醒", "市场监管"),
    ],
)
def test_organ_names_are_flagged(name: str, word: str) -> None:
    (f,) = run("impersonation_official", name=name)
    assert f.severity == Severity.ERROR and f.target == "account"
    assert name[f.span[0] : f.span[1]] == word
    assert word in f.message and f.evidence == f"账号名称：{name}"


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("退休民警老张", "干了三十年警察，现在种花"),
        ("退伍武警老兵", "军旅生活回忆"),
        ("前公务员小王", "裸辞后去大理开民宿"),
        ("律所助理小陈", "法律人的日常"),
        ("社区热心人老孙", "爱操心的退休大爷"),
        ("成都新闻眼", "关注成都大小事"),  # a media imitation, not an organ
        ("小林看世界", "在法院工作的普通人"),  # bio mentions an organ without an official claim
        ("部队火锅研究所", "韩式料理"),
        ("公安大学学子小周", "备考日常"),
        ("共青团员小张", "热爱生活"),
        ("红十字会志愿者阿梅", "急救知识分享"),
    ],
)
def test_normal_uses_are_not_flagged(name: str, bio: str) -> None:
    assert run("impersonation_official", name=name, bio=bio) == []


def test_bio_with_organ_and_official_claim_is_flagged() -> None:
    (f,) = run("impersonation_official", name="小城百事通", bio="县公安局权威通报，官方发布")
    assert f.target == "account" and f.evidence.startswith("账号简介：")


def test_rename_fix_is_unsafe_and_drops_the_organ_word() -> None:
    (f,) = run("impersonation_official", name="交警路况提醒")
    rename = next(x for x in f.fixes if x.kind == FixKind.EDIT_ACCOUNT)
    assert rename.payload == {"field": "name", "value": "路况提醒"} and str(rename.applicability) == "unsafe"
