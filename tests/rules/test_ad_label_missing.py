"""ad_label_missing: promotion with a way to buy needs a conspicuous 广告 label or the advertising declaration."""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.fixes.apply import apply_fixes
from checks.model import Applicability, Draft, FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("回购第三瓶的精华", "毛孔细了。左下角链接拍两瓶更划算。"),
        ("杭州这家烤肉店", "人均七十，团购链接放在评论区置顶了。"),
        ("秋冬羊绒大衣", "感谢品牌方寄来试穿，版型很显瘦。"),
        ("我的早餐燕麦", "需要的宝子私信拿链接，粉丝价包邮。"),
        ("這款吹風機真的絕了", "風力大、不傷髮。連結在評論區，今天下單立減八十。"),  # traditional script
        ("家乡土蜂蜜", "到手价59两斤，手慢无。"),  # two selling-pressure offers
        ("手工皂团购", "想要的老铁加扣扣 23456789 进群。"),  # an offer with the seller's contact
        ("My holy-grail serum", "Use my code GLOW20 for 20% off, link in bio!"),
        ("Morning routine", "My probiotic is linked in bio."),
        ("本期恰饭：学生平板", "恰饭归恰饭，屏幕不错。"),
    ],
)
def test_promotion_with_a_way_to_buy_and_no_label_is_an_error(title: str, text: str) -> None:
    (f,) = run("ad_label_missing", title=title, text=text)
    assert f.severity == Severity.ERROR and f.clause == "IAM2023-9"
    insert, declare = f.fixes
    assert insert.kind == FixKind.INSERT_TEXT and insert.applicability == Applicability.SAFE
    assert insert.payload["where"] == "title_prefix"
    assert declare.kind == FixKind.DECLARE and declare.payload["declaration"] == "advertising"
    assert declare.payload["wording"] == "内容含营销推广信息"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("用了一年的精华", "纯自费，不是恰饭。保湿还行，链接就不放了。"),  # denied, no way to buy
        ("上周买的扫地机", "原价一千九，我是打折时候买的，有点吵。"),  # own purchase
        ("今年诺贝尔奖公布了", "据新华社报道……原文链接在评论区。"),  # a source link
        ("最好吃的一顿火锅", "和老公在成都街头随便找的一家。"),
        ("Best ever banana bread", "This is honestly the best ever. Bake for 55 minutes."),  # review, no link
        ("My kettle", "Not sponsored, I bought it myself."),
        ("【广告】这款防晒我用了一夏天", "购买链接在评论区。"),
        ("防晒分享", "广告\n质地轻薄，购买链接在评论区。"),
        ("#ad My serum", "link in bio"),
        ("Serum", "Sponsored by GlowCo. Use code GLOW20."),
        ("秋冬面霜", "本期视频由某品牌赞助。小黄车有。"),  # a sponsorship disclosure in the lead is a label
    ],
)
def test_honest_mentions_and_labelled_ads_pass(title: str, text: str) -> None:
    assert not fired("ad_label_missing", title=title, text=text)


def test_the_declaration_counts() -> None:
    assert not fired("ad_label_missing", title="面霜", text="小黄车已挂", declarations=("advertising",))


def test_denial_is_not_a_label() -> None:
    assert fired("ad_label_missing", title="不是广告，真心推荐", text="小黄车已挂")


def test_buried_label_is_a_warning() -> None:
    text = "第一段介绍质地。\n第二段说说香味。\n这是广告，小黄车有，今天下单立减。\n最后说说价格和包装。"
    (f,) = run("ad_label_missing", title="面霜分享", text=text)
    assert f.severity == Severity.WARNING and f.evidence == "广告"


def test_english_post_gets_an_english_label_and_the_fix_clears_it() -> None:
    (f,) = run("ad_label_missing", title="Serum", text="Use code GLOW20, link in bio!")
    assert f.fixes[0].payload["text"] == "[Ad] "
    draft = Draft(title="Serum", text="Use code GLOW20, link in bio!")
    fixed, applied, _ = apply_fixes(draft, [f.fixes[0]])
    assert fixed.title == "[Ad] Serum" and applied
    assert not fired("ad_label_missing", title=fixed.title, text=fixed.text)


@pytest.mark.parametrize(
    ("platform", "wording"),
    [("douyin", "内容含营销推广信息"), ("xiaohongshu", "内容包含营销广告"), ("bilibili", "内容含营销信息")],
)
def test_publish_checklist_asks_for_the_platforms_advertising_toggle(platform: str, wording: str) -> None:
    from checks.engine import check_draft
    from checks.fixes.declarations import checklist

    report = check_draft(
        Draft(title="面霜", text="小黄车已挂，今天下单立减50。", platform=platform), media=()
    )
    (item,) = [i for i in checklist(report) if i.declaration == "advertising"]
    assert item.required and item.wording == wording and "ad_label_missing" in item.why
