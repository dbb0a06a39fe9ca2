"""minor_warning_missing: content that may affect minors needs a warning before it is shown (MINORS2026)."""

from __future__ import annotations

import pytest
from label_draft import fired, run, shot

from checks.model import Applicability, FixKind, MediaFacts, Severity


@pytest.mark.parametrize(
    ("title", "text", "warning"),
    [
        ("挑战30层天台边倒立", "风很大，腿都软了。", "危险动作，请勿模仿"),
        ("高中生摩托炸街", "单手骑也稳。", "危险动作，请勿模仿"),
        ("大胃王挑战", "一顿吃了8斤牛肉。", "未成年人请勿模仿"),
        ("一周瘦十斤的方法", "每天只喝水和黑咖啡。", "未成年人请勿模仿"),
        ("花式吐烟圈教学", "学会了超酷。", "未成年人请勿模仿"),
        ("吹瓶大赛", "谁先喝完谁赢，啤酒十秒吹完。", "未成年人请勿模仿"),
        ("跑酷天花板", "從三樓陽台跳到對面屋頂。", "危险动作，请勿模仿"),  # traditional
        (
            "Backflip off the garage",
            "No pads, no spotter, first try.",
            "Dangerous stunt, do not try this at home",
        ),
    ],
)
def test_risky_content_without_warning(title: str, text: str, warning: str) -> None:
    (f,) = run("minor_warning_missing", title=title, text=text)
    assert f.severity == Severity.ERROR and f.clause == "MINORS2026"
    insert = f.fixes[0]
    assert insert.applicability == Applicability.SAFE
    assert insert.payload == {"text": warning, "where": "text_start", "target": "text"}
    assert f.fixes[1].payload["declaration"] == "dangerous_behaviour"


def test_child_used_for_sales_and_school_details() -> None:
    (f,) = run(
        "minor_warning_missing", title="我家5岁萌娃穿搭", text="同款童装链接在橱窗，点赞破万继续更新。"
    )
    assert "未成年人" in f.fixes[0].payload["text"]
    (g,) = run(
        "minor_warning_missing", title="闺女得了奖状", text="我家闺女在实验小学二年级三班，期中考了第一。"
    )
    assert g.fixes[-1].kind == FixKind.MANUAL  # remove the school and class


@pytest.mark.parametrize(
    ("title", "text", "declarations"),
    [
        ("【危险动作，请勿模仿】专业跑酷训练", "全程有专业保护。", ()),
        ("跑酷训练第100天", "危险动作，请勿模仿。\n今天在训练馆完成了侧空翻。", ()),
        ("后空翻教学", "全程有保护垫。", ("dangerous_behaviour",)),
        ("Don't try this at home: my first skydive", "Tandem jump with instructors.", ()),
        ("女儿今年上小学了", "早上送她进校门，她头也不回地跑了。", ()),  # kid's everyday life
        ("戒烟第100天", "抽烟真的伤身体，大家能不抽就别抽。", ()),  # no cool framing
        ("周末陪儿子去科技馆", "他在机器人展区待了一下午。", ()),
        ("电子烟新规", "据央视新闻报道，新规禁止向未成年人销售电子烟。", ()),
        ("儿子第一次自己系鞋带", "今天终于系好了，还非要我拍下来发给爸爸看。", ()),  # 拍下来 is not 拍下
        ("八十岁的爷爷还在卖菜", "每天五点起床。", ()),  # 八十岁 is no child
        ("学区房", "花了六百多万，就为了孩子能上实验小学。", ()),  # a school's name alone
        ("运动会", "三年级二班的同学们拿了第一。", ()),  # a class, nobody identified
        ("考研", "我的学号是2026001。", ()),  # an adult's student number
    ],
)
def test_warned_or_harmless(title: str, text: str, declarations) -> None:
    assert not fired("minor_warning_missing", title=title, text=text, declarations=declarations)


def test_warning_after_the_content_is_too_late() -> None:
    (f,) = run("minor_warning_missing", title="野泳的快乐", text="周末去水库游泳。\n危险动作，请勿模仿")
    assert f.severity == Severity.ERROR and f.evidence == "请勿模仿" and "之后" in f.message


def test_media_get_a_warning_copy_and_a_warned_text_still_asks_for_the_video() -> None:
    clip = MediaFacts(path="clip.mp4", kind="video")
    (f,) = run("minor_warning_missing", title="跑酷", text="楼顶跑酷。", media=(shot(), clip))
    exports = [x for x in f.fixes if x.kind == FixKind.EXPORT_MEDIA]
    assert [x.payload["media"] for x in exports] == [0, 1]
    assert all(x.payload["warning_label"] == "请勿模仿" and not x.payload["implicit_label"] for x in exports)
    warned = run(
        "minor_warning_missing", title="跑酷", text="危险动作，请勿模仿。楼顶跑酷。", media=(shot(), clip)
    )
    assert [(g.target, g.severity) for g in warned] == [
        ("media:0", Severity.INFO),
        ("media:1", Severity.WARNING),
    ]
    done = (
        MediaFacts(path="a.jpg", visible_warning_label=True),
        MediaFacts(path="c.mp4", kind="video", visible_warning_label=True),
    )
    assert run("minor_warning_missing", title="跑酷", text="危险动作，请勿模仿。楼顶跑酷。", media=done) == []
