"""Structure (lines, sentences, placement) and labels (status and conspicuousness)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from checks.model import Account, Draft
from checks.packs import load_packs
from checks.text.analysis import analyse
from checks.text.structure import lines, sentences
from checks.vocabulary.normalize import normalize

PUBLISH = datetime(2026, 11, 21, 20, tzinfo=timezone(timedelta(hours=8)))


def ta(title: str = "", text: str = "", bio: str = ""):
    return analyse(
        Draft(title=title, text=text, account=Account(name="某某", bio=bio)), load_packs(), PUBLISH
    )


def test_normalize_keeps_length_and_folds_width_and_script() -> None:
    for s in ("ＡＩ生成　純屬虛構！", "劇情演繹，僅供娛樂", "Source：Xinhua"):
        assert len(normalize(s)) == len(s)
    assert normalize("ＡＩ生成　純屬虛構！") == "ai生成 纯属虚构!"


def test_lines_and_sentences_keep_offsets() -> None:
    text = "第一句。第二句！\n\n  第三行? Next one. And more"
    for seg in [*lines(text), *sentences(text)]:
        assert text[seg.start : seg.end] == seg.text
    assert [s.text for s in sentences(text)] == ["第一句。", "第二句！", "第三行?", "Next one.", "And more"]
    assert len(lines(text)) == 2


@pytest.mark.parametrize(
    ("title", "text", "placement"),
    [
        ("【AI生成】城市", "夜景。", "title"),
        ("城市", "内容由AI生成。夜景。", "lead"),
        ("城市", "第一行\n第二行\n第三行\n第四行\n（内容由AI生成）", "last_line"),
        ("城市", "第一行\n第二行\n第三行\n第四行\n注：本图为AI生成", "last_line"),
        ("城市", "第一行\n第二行\n第三行，内容由AI生成，好看\n第四行", "body"),
        ("城市", "第一行\n第二行\n第三行\n夜景很美。（内容由AI生成）", "last_line"),
    ],
)
def test_label_placement(title: str, text: str, placement: str) -> None:
    (label,) = [lb for lb in ta(title, text).labels if lb.kind == "ai"]
    assert label.placement == placement and label.status == "ok"
    assert label.conspicuous == (placement != "body")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("这张照片非AI生成", "negated"),
        ("真的不是AI生成的", "negated"),
        ("Not AI-generated.", "negated"),
        ("内容由AI生成", "ok"),
        ("AI-generated art", "ok"),
    ],
)
def test_ai_negation_guard(text: str, status: str) -> None:
    assert [lb.status for lb in ta(text=text).labels if lb.kind == "ai"] == [status]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("据新华社11月21日报道，央行降准。", "ok"),
        ("来源：国家税务总局官网。", "ok"),
        ("转自中央气象台：寒潮来了。", "ok"),
        ("According to Wuhan Metro's notice, delays.", "ok"),
        ("Source: Reuters.", "ok"),
        ("图片来源：网络，侵删。", "vague"),
        ("据内部消息，成绩下月公布。", "vague"),
        ("群里都在传。", "vague"),
        ("具体文件见评论区。", "deferred"),
        ("来源见置顶。", "deferred"),
    ],
)
def test_source_status(text: str, status: str) -> None:
    statuses = {lb.status for lb in ta(text=text).labels if lb.kind == "source"}
    assert status in statuses
    if status == "ok":
        assert statuses == {"ok"}


def test_specific_source_name_is_isolated() -> None:
    (label,) = [lb for lb in ta(text="据新华社11月21日报道，央行降准。").labels if lb.kind == "source"]
    assert label.source == "新华社"


def test_network_inside_an_organisation_name_is_not_vague() -> None:
    labels = [lb for lb in ta(text="来源：国家网络安全中心。").labels if lb.kind == "source"]
    assert [lb.status for lb in labels] == ["ok"]


@pytest.mark.parametrize(
    "text",
    [
        "本故事純屬虛構。",
        "（情景演绎，仅供娱乐）",
        "#虚构# 故事",
        "A scripted skit.",
        "For entertainment only.",
    ],
)
def test_fiction_labels(text: str) -> None:
    assert {lb.status for lb in ta(text=text).labels if lb.kind == "fiction"} == {"ok"}


def test_bio_is_never_a_label() -> None:
    assert ta(title="故事", text="她走了。", bio="本账号内容纯属虚构").labels == ()


def test_english_post_is_detected() -> None:
    assert ta("Sunset", "Woke up at 5am for this view.").lang == "en"
    assert ta("日落", "早上五点起床 for this view").lang == "zh"
