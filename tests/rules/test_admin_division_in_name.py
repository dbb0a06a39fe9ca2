"""admin_division_in_name: full division names anywhere, or a short name starting the account name."""

from __future__ import annotations

import pytest
from account_draft import run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("成都新闻眼", "成都"),
        ("廣州今日快訊", "廣州"),
        ("温州今日头条", "温州"),
        ("临安公安发布", "临安"),
        ("朝阳区政府便民服务", "朝阳区"),
        ("江苏省土特产地图", "江苏省"),
        ("朝阳区生活资讯", "朝阳区"),  # lifestyle word, but 资讯 makes it a local channel
        ("昌平同城生活", "昌平"),
        ("黔东南苗族侗族自治州旅游", "黔东南苗族侗族自治州"),
        # a place starting the name reads as that place's account, whatever follows it
        ("成都美食探店", "成都"),
        ("西安本地人老张", "西安"),
        ("江苏省美食地图", "江苏省"),
        ("朝阳区宝妈日常", "朝阳区"),
        ("上海市吃喝玩乐", "上海市"),
        ("浦东新区遛娃记录", "浦东新区"),
        ("昆山打工妹小丽", "昆山"),
        ("福建阿嬷的灶台", "福建"),
        ("贵阳酸汤鱼老板娘", "贵阳"),
        ("馬鞍山吃貨", "馬鞍山"),  # traditional script; 马 is a surname but 马鞍山 is the whole place
        ("和平公安发布", "和平"),
        ("杭州市民小王", "杭州"),  # not 杭州市 (市民), but the name still starts with 杭州  # an everyday word (和平) with an institution word after it
    ],
)
def test_division_names_are_flagged_with_span_into_the_name(name: str, place: str) -> None:
    (f,) = run("admin_division_in_name", name=name)
    assert f.severity == Severity.ERROR and f.clause == "SA2023-2.1" and f.target == "account"
    assert name[f.span[0] : f.span[1]] == place
    assert f.evidence == f"账号名称：{name}"
    assert FixKind.MANUAL in [x.kind for x in f.fixes]
    for rename in (x for x in f.fixes if x.kind == FixKind.EDIT_ACCOUNT):
        assert str(rename.applicability) == "unsafe" and place not in rename.payload["value"]


def test_rename_drops_every_offending_part_or_asks_for_a_new_name() -> None:
    (f,) = run("admin_division_in_name", name="江苏省土特产地图")
    (rename,) = [x for x in f.fixes if x.kind == FixKind.EDIT_ACCOUNT]
    assert rename.payload == {"field": "name", "value": "土特产地图"}
    (f,) = run("admin_division_in_name", name="温州今日头条")  # without 温州 and 头条 only 今日 is left
    assert [x.kind for x in f.fixes] == [FixKind.MANUAL, FixKind.MANUAL]


@pytest.mark.parametrize(
    "name",
    [
        "张北京爱钓鱼",  # personal name containing 张北 / 北京
        "李长安的厨房",  # 长安 inside a personal name
        "江山如画摄影",  # idiom
        "黄山毛峰茶舍",  # brand
        "老王是杭州市民",  # 市民, not 杭州市
        "爱逛上海市场的阿芳",  # 市场, not 上海市
        "东方红音乐",
        "和平精英高手",
        "爱吃成都火锅",  # short name not at the start
        "阿May在深圳",  # where someone lives, later in the name
        "海盐汽水",  # everyday words that are also short names (division_common_words)
        "长寿花的阳台",
        "光明日报读者",  # an everyday word + a media word: an outlet's brand, not the place
        "東方日報精選",
        "西湖边的猫",  # the lake, not the district
        "刘重庆的日常",  # surname + a place-like given name
        "江南烟雨",  # a cultural region, not 江南区
        "上海滩往事",  # an era's name (name_whitelist)
        "",
    ],
)
def test_personal_names_idioms_and_brands_are_not_flagged(name: str) -> None:
    assert run("admin_division_in_name", name=name) == []


def test_bio_alone_is_not_checked() -> None:
    assert run("admin_division_in_name", name="老陈在路上", bio="合肥土著，随手记录") == []


def test_english_message() -> None:
    (f,) = run("admin_division_in_name", name="温州今日头条", lang="en")
    assert "温州" in f.message and "division" in f.message and f.evidence.startswith("Account name:")


def test_end_to_end_from_a_draft_file_with_json_report(tmp_path) -> None:
    import json

    from checks.engine import check_file
    from checks.report.json_report import dumps, report_to_dict

    draft = tmp_path / "draft.toml"
    draft.write_text(
        'title = "这家老面馆开了三十年"\ntext = "牛肉面汤头很浓。"\n'
        'publish_at = 2026-11-21T20:00:00+08:00\n\n[account]\nname = "兰州新闻眼"\nbio = "吃遍兰州"\n',
        encoding="utf-8",
    )
    report = check_file(draft, media=())
    rules = {f.rule: f for f in report.findings}
    assert {"admin_division_in_name", "impersonation_media"} <= set(rules)
    data = json.loads(dumps(report_to_dict(report)))
    found = next(f for f in data["findings"] if f["rule"] == "admin_division_in_name")
    assert found["target"] == "account" and found["span"] == [0, 2] and found["clause"] == "SA2023-2.1"
