"""AccountClaims: what the name and bio claim, computed once and read by the account rules."""

from __future__ import annotations

import pytest

from checks.packs import load_packs
from checks.text.claims import account_claims


@pytest.fixture(scope="module")
def packs():
    return load_packs()


def texts(spans) -> list[str]:
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("name", "bio", "title"),
    [
        ("王医生聊健康", "", "医生"),
        ("心内科李大夫", "三甲医院心内科", "大夫"),
        ("小周说法", "执业律师｜合同纠纷", "执业律师"),
        ("Dr. Amy Skin", "", "dr."),
    ],
)
def test_titles_the_account_claims(packs, name, bio, title) -> None:
    claims = account_claims(packs, name, bio)
    assert title in [t.text.lower() for t in claims.titles]


@pytest.mark.parametrize(
    ("name", "bio", "kind", "word"),
    [
        ("前律师老王说法", "", "past_roles", "律师"),
        ("原来是个退休医生", "", "past_roles", "医生"),
        ("医生家的女儿小满", "", "relatives", "医生"),
        ("律师老婆的日常", "", "relatives", "律师"),
        ("法院老爸的日常", "", "relatives", "法院"),
    ],
)
def test_past_roles_and_relatives_are_not_claims(packs, name, bio, kind, word) -> None:
    claims = account_claims(packs, name, bio)
    assert word in texts(getattr(claims, kind))
    assert word not in texts(claims.titles) and word not in texts(claims.organs)


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("交警老公的饭盒", "给值勤的他做饭"),  # the creator's husband is the officer
        ("税务局对面的面馆", "开了二十年"),  # a place beside the organ
        ("派出所旁边的修车铺", ""),
        ("市监局门口的早餐摊", "豆浆油条"),
    ],
)
def test_an_organ_as_relation_or_landmark_is_not_posed_as(packs, name, bio) -> None:
    assert account_claims(packs, name, bio).organs == ()


@pytest.mark.parametrize(
    ("name", "bio"),
    [
        ("吃货日报", "每天吃点好的"),  # a person's diary named like a paper
        ("宝妈周报", "育儿碎碎念"),
        ("晚报送报人老刘", "送了三十年报纸"),  # carries the paper
        ("日报忠实读者小李", ""),
    ],
)
def test_diaries_readers_and_carriers_are_not_outlets(packs, name, bio) -> None:
    assert account_claims(packs, name, bio).outlets == ()


def test_outlet_style_names_still_are_outlets(packs) -> None:
    assert texts(account_claims(packs, "都市晚报速递", "本地新闻").outlets) == ["晚报"]


def test_a_public_institution_with_an_official_claim_poses_as_it(packs) -> None:
    assert texts(account_claims(packs, "人民医院健康号", "三甲公立医院官方账号").organs) == ["人民医院"]
    assert texts(account_claims(packs, "中心医院护士小林", "记录夜班").organs) == []  # no claim


def test_a_claimed_tie_to_an_organ_or_outlet_is_a_relation(packs) -> None:
    assert texts(account_claims(packs, "每日热议", "央视新闻频道合作号").relations) == ["合作"]
    assert account_claims(packs, "合作愉快小店", "手工皂").relations == ()


def test_rename_drops_a_claimed_title_too(packs) -> None:
    claims = account_claims(packs, "成都王医生", "")
    assert (0, 2) in claims.name_spans() and (3, 5) in claims.name_spans()
