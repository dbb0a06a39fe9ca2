"""The one text layer: evasions folded once, every hit mapped back to what the creator typed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from checks.engine import check_draft
from checks.model import Draft
from checks.packs import load_packs
from checks.text import layer
from checks.text.analysis import analyse

PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def packs():
    return load_packs()


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("防·失·联", "防失联"),
        ("加 微 信", "加微信"),
        ("关❤注我", "关注我"),
        ("加V信：abc", "加微信abc"),
        ("加薇❤", "加微信"),
        ("加vx", "加微信"),
        ("link   in bio", "link in bio"),
        ("純屬虛構", "纯属虚构"),
    ],
)
def test_evasions_fold_to_the_plain_spelling(packs, typed: str, folded: str) -> None:
    assert layer.fold(packs, typed).folded == folded


def test_sentence_ends_and_line_breaks_are_never_folded_away(packs) -> None:
    assert layer.fold(packs, "一。二\n三").folded == "一。二\n三"
    assert layer.fold(packs, "wxyz，树立威信").folded == "wxyz树立威信"  # words, not evasions


def test_a_folded_hit_highlights_the_original_characters(packs) -> None:
    text = "明天见，大家防 · 失 · 联，加 V 信"
    (hit,) = layer.find(packs, "follow_other_strong", text)
    assert text[hit.start : hit.end] == hit.text == "防 · 失 · 联"
    (wx,) = layer.find_words(packs, ["加微信"], text)
    assert wx.text == "加 V 信"


def test_latin_phrases_need_a_word_edge(packs) -> None:
    assert not layer.find_words(packs, ["off"], "a coffee shop")
    assert layer.find_words(packs, ["off"], "20% off today")
    assert layer.find_words(packs, ["cctv"], "cctv13新闻")  # a letter/digit change is an edge


def test_patterns_run_on_the_normalised_text_with_original_offsets(packs) -> None:
    text = "據ＡＢＣ報道"
    (hit,) = layer.search(re.compile("据abc报道"), text)
    assert (hit.start, hit.end, hit.text) == (0, 6, text)


def test_pack_tokens_and_builtin_rules_agree_on_evasions(tmp_path, packs) -> None:
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.toml").write_text('id = "p"\nversion = "1"\npublisher = "me"\nmin_app_version = "0.1.0"\n')
    (pack / "r.toml").write_text(
        'kind = "existence"\nid = "lost"\nmessage = "引流：{found}"\ntokens = ["防失联"]\n', encoding="utf-8"
    )
    draft = Draft(title="新号", text="这个号要没了，防·失·联，关注我的小号", publish_at=PUBLISH)
    rules = {f.rule for f in check_draft(draft, extra_packs=[pack]).findings}
    assert {"p:lost", "follow_inducement"} <= rules


def test_one_language_detector_for_rules_and_label_wording() -> None:
    from checks.rules.label_text import post_lang

    english = ("A day at West Lake", "We walked around the lake and took photos of the sunset.")
    assert layer.language(*english) == post_lang(*english) == "en"
    assert layer.language("西湖一日游", "今天去了 West Lake") == "zh"
    assert layer.language("", "", default="en") == "en"


@pytest.mark.parametrize(
    ("text", "placement"),
    [
        (
            "今天去了西湖，拍了好多照片，湖边的柳树很好看。\n晚上吃了醋鱼，价格挺贵，不太推荐那家店。\n第三段随便写点别的什么内容凑一下字数吧。\n配图都是AI画的，并非实拍",
            "last_line",
        ),
        (
            "今天去了西湖，拍了好多照片，湖边的柳树很好看。\n晚上吃了醋鱼，价格挺贵，不太推荐那家店。\n第三段随便写点别的内容，配图都是AI画的，味道一般般，价格倒是挺贵的，下次换一家试试看吧。\n谢谢大家",
            "body",
        ),
        ("第一段。\n第二段。\n第三段正文内容比较长，写了很多很多的字。最后说明：内容由AI生成", "last_line"),
    ],
)
def test_a_closing_line_that_states_the_label_is_conspicuous(packs, text: str, placement: str) -> None:
    ta = analyse(Draft(title="游记", text=text), packs, PUBLISH)
    (label,) = [lb for lb in ta.labels if lb.kind == "ai"]
    assert label.placement == placement


@pytest.mark.parametrize("lead", ["据报道", "網傳", "网传", "听说", "据说", "据相关报道", "据媒体报道"])
def test_vague_sources_never_satisfy_the_source_duty(packs, lead: str) -> None:
    draft = Draft(
        title="地铁涨价", text=f"{lead}，明天起地铁票价全线上调两元，月票取消。", publish_at=PUBLISH
    )
    ta = analyse(draft, packs, PUBLISH)
    assert ta.label("source") is None and ta.labels_of("source", "vague")
    named = draft.with_changes(text="据新华社报道，明天起地铁票价全线上调两元，月票取消。")
    assert analyse(named, packs, PUBLISH).label("source") is not None
