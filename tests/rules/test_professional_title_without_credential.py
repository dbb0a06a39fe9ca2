"""professional_title_without_credential: titles claimed in name, bio or a self-reference."""

from __future__ import annotations

from datetime import date

import pytest
from account_draft import cred, run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("name", "bio", "word", "where"),
    [
        ("王医生聊健康", "", "医生", "name"),
        ("张老师教你考研", "", "老师", "name"),
        ("刘律师说法", "", "律师", "name"),
        ("Dr. Sophie Skin", "honest skincare talk", "Dr.", "name"),
        ("小雨聊心理", "国家二级心理咨询师，陪你走出焦虑", "心理咨询师", "bio"),
        ("Prof. Chen Econ", "Professor of economics", "Professor", "bio"),
        ("爱分享的小林", "三甲医院内科医生，每天分享健康知识", "医生", "bio"),
    ],
)
def test_claims_in_account_without_credential(name: str, bio: str, word: str, where: str) -> None:
    (f,) = run("professional_title_without_credential", name=name, bio=bio)
    assert f.severity == Severity.ERROR and f.clause == "SA2023-2.3" and f.target == "account"
    source = name if where == "name" else bio
    assert source[f.span[0] : f.span[1]] == word
    assert FixKind.EDIT_ACCOUNT in [x.kind for x in f.fixes]


@pytest.mark.parametrize(
    "text",
    [
        "我是一名医生，今天说说感冒。",
        "我是一名三甲医院的医生，今天说说感冒。",
        "作为一名执业律师，我见过太多这种案子。",
        "I'm a nurse and this is what I tell patients.",
    ],
)
def test_self_reference_in_text_is_a_claim(text: str) -> None:
    (f,) = run("professional_title_without_credential", name="阿明", text=text)
    assert f.target == "text"


@pytest.mark.parametrize(
    ("name", "bio", "title", "text"),
    [
        ("医生家的小棉袄", "我爸是外科医生，我是普通上班族", "", ""),
        ("小雨不吃香菜", "下班就想躺平", "", "我妈当了三十年老师，退休后迷上了做饭视频。"),
        ("修车的老马", "修了二十年车的老师傅", "", ""),
        ("饭团爱做饭", "", "老师们好，今天做可乐鸡翅", "谢谢各位老师上期的三连！"),
        ("阿花带娃日记", "", "", "儿保科的医生特别温柔，医生说孩子发育得很好。"),
        ("退休教师老刘", "养花种菜", "", ""),
        ("想当医生的高三狗", "冲刺中", "", ""),
        ("健身阿豪", "健身教练，带你练出倒三角", "", ""),
        ("小周", "", "", "找律师咨询了一下，律师说可以申请仲裁。"),
        ("师范生小吴", "", "", "我是一名师范生，明年实习。"),
    ],
)
def test_relations_addresses_and_mentions_are_not_claims(name: str, bio: str, title: str, text: str) -> None:
    assert run("professional_title_without_credential", name=name, bio=bio, title=title, text=text) == []


def test_matching_valid_credential_covers_the_claim() -> None:
    assert run("professional_title_without_credential", name="李敏医生", credentials=cred("health")) == []


@pytest.mark.parametrize(
    ("credentials", "problem"),
    [
        (cred("health", expires=date(2026, 6, 30)), "资质已过期"),
        (cred("health", verified=False), "资质未经核验"),
        (cred("finance"), "未登记资质"),  # a credential for another field does not count
    ],
)
def test_expired_unverified_or_other_field_credential_does_not_count(credentials, problem: str) -> None:
    (f,) = run("professional_title_without_credential", name="陈医师的诊室", credentials=credentials)
    assert problem in f.message


def test_english_message() -> None:
    (f,) = run("professional_title_without_credential", name="Dr. Sophie Skin", lang="en")
    assert "Dr." in f.message and "credential" in f.message


@pytest.mark.parametrize(
    "name",
    ["Sam the Dog Doctor", "Plant Doctor Lily", "绿萝的植物医生", "Dr. Pepper fan", "Doctor Who Fan Club"],
)
def test_doctors_of_pets_plants_and_brands_are_not_medical_titles(name: str) -> None:
    assert run("professional_title_without_credential", name=name) == []
