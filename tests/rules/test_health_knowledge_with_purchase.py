"""health_knowledge_with_purchase: wellness knowledge + a health product + a seller's link or contact."""

from __future__ import annotations

import pytest
from label_draft import fired, run


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("血糖高的人一定要注意这3点", "少吃精米白面，饭后散步。我家老人喝这款降糖茶，小黄车自取。"),
        ("湿气重的人身上有这几个信号", "舌苔厚、早上起不来。调理湿气试试艾灸贴，加我微信 lily_health88"),
        ("濕氣重怎麼調理", "中醫認為脾虛濕氣重，這款祛濕茶連結在評論區。"),  # traditional
        ("3 gut health tips", "Sleep on time and take a good probiotic. Mine is linked in bio."),
    ],
)
def test_knowledge_with_product_and_seller(title: str, text: str) -> None:
    (f,) = run("health_knowledge_with_purchase", title=title, text=text)
    assert f.clause == "IAM2023-8"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("跟着老中医学养生", "中医认为秋天要养肺，多吃梨和百合。"),  # knowledge, no seller
        ("护膝推荐", "关节疼的老人戴上它，三天见效，不用再吃止痛药。点击链接下单。"),  # pitch, not knowledge
        ("秋天容易咳嗽", "多喝水，保持湿度，咳嗽超过两周及时就医。"),
        ("湿气重？", "中医认为脾虚湿气重。这条裙子链接在评论区。"),  # a product that is no health product
    ],
)
def test_not_knowledge_with_a_health_seller(title: str, text: str) -> None:
    assert not fired("health_knowledge_with_purchase", title=title, text=text)
