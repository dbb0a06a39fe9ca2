"""medical_claim_in_ad: cure, guaranteed efficacy or safety and cure rates in ads; health food's notice."""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.model import Applicability, FixKind


@pytest.mark.parametrize(
    ("title", "text", "clause"),
    [
        ("苦荞茶", "血糖稳了，有效率高达97%。橱窗里有。", "ADL-17"),
        ("祛斑精华", "7天淡斑，无副作用。戳左下角购买。", "ADL-17"),
        ("护膝", "三天见效，不用再吃止痛药。点击链接下单。", "ADL-17"),
        ("械字号理疗仪", "治愈率95%，下单立减。", "ADL-16"),  # a device may name conditions, never rates
        ("Herbal tea", "This tea lowers blood sugar, no side effects. Link in bio.", "ADL-17"),
        ("苦蕎茶", "喝了三個月，降糖藥都停了，有效率98%，連結在評論區。", "ADL-17"),  # traditional
    ],
)
def test_claims_in_ads(title: str, text: str, clause: str) -> None:
    (f,) = run("medical_claim_in_ad", title=title, text=text)
    assert f.clause == clause
    assert f.fixes[0].kind == FixKind.MANUAL


def test_health_food_claim_is_adl18_and_the_notice_is_required() -> None:
    found = run("medical_claim_in_ad", title="鱼油", text="蓝帽子保健食品，降血脂，链接在评论区。")
    assert [f.clause for f in found] == ["ADL-18", "ADL-18"]
    notice = found[1].fixes[0]
    assert notice.applicability == Applicability.SAFE
    assert notice.payload == {"text": "本品不能代替药物", "where": "text_end", "target": "text"}


def test_health_food_with_notice_and_no_claims_passes() -> None:
    assert not fired(
        "medical_claim_in_ad", title="鱼油", text="蓝帽子保健品，链接在评论区。本品不能代替药物。"
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("医生说我的胃病要按时吃饭", "这周做了胃镜，医生开了药，要好好治疗。"),  # diary, no frame
        ("械字号理疗仪", "缓解颈椎不适，下单立减。"),  # device, no guarantee; 治疗仪 is a name
        ("市场监管局通报", "抽检发现5批次保健食品夸大功效，已责令下架。"),  # news, no frame
        ("Green tea", "Lovely taste, link in bio."),
    ],
)
def test_no_claim_without_an_ad_or_a_claim(title: str, text: str) -> None:
    assert not fired("medical_claim_in_ad", title=title, text=text)
