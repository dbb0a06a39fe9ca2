"""absolute_claim_in_ad: superlatives in a commercial post, with the pack's substitutions as fixes."""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.model import Applicability, FixKind, Severity


def test_superlatives_in_an_ad_each_get_a_substitution() -> None:
    found = run("absolute_claim_in_ad", title="全网最低价！", text="史上最好用的锅，国家级工艺，小黄车已挂。")
    assert [f.evidence.split("：")[0] for f in found] == ["标题", "正文", "正文"]
    assert all(f.severity == Severity.ERROR and f.clause == "ADL-9.3" for f in found)
    first = found[0].fixes[0]
    assert first.kind == FixKind.INSERT_TEXT and first.applicability == Applicability.UNSAFE
    assert first.payload == {"text": "实惠价", "where": "replace", "span": [0, 5], "target": "title"}
    assert found[1].fixes[0].payload["span"] == [0, 5]  # 史上最好用: one claim, not 史上最 as well
    assert found[2].fixes[0].payload["text"] == ""  # 国家级: no suggestion, delete it


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("这个面膜我愿称之为天花板", "颜值最高的一款，左下角链接已挂。"),
        ("咖啡豆推荐", "这家是行业第一，优惠码 COFFEE66 可以再减二十。"),
        ("這款吹風機", "是我用過最好用的一台，連結在評論區。"),
        ("My serum", "The best serum ever, #1 in the world — link in bio."),
    ],
)
def test_claims_in_commercial_posts(title: str, text: str) -> None:
    assert fired("absolute_claim_in_ad", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text", "declarations"),
    [
        ("人生中最好吃的一顿火锅", "和老公在成都街头随便找的一家。", ()),  # diary, no frame
        ("Best ever banana bread", "Honestly the best ever, my grandma's recipe.", ()),  # review without link
        ("好物", "据天猫数据，这款销量第一。链接在评论区。", ()),  # ranking with a named source
        ("《最强大脑》同款魔方", "小黄车有。", ()),  # quoted name
        ("探店", "最好提前预约，唯一的缺点是排队。团购链接在左下角。", ()),  # non-claims
        ("面霜", "保湿不错。", ("advertising",)),  # declared ad without superlatives
    ],
)
def test_no_claim_outside_ads_or_in_names_and_sourced_rankings(title: str, text: str, declarations) -> None:
    assert not fired("absolute_claim_in_ad", title=title, text=text, declarations=declarations)


def test_declared_ad_is_commercial() -> None:
    assert fired("absolute_claim_in_ad", title="面霜", text="最好用的面霜", declarations=("advertising",))
