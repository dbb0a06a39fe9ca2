"""Text shown on pictures and videos is checked as its own target `media:N` (checks.media_views)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_support import card, ocr_on, save  # noqa: F401

from checks.engine import check_draft, check_file
from checks.model import Draft, Finding, MediaFacts, TextLine


def picture(*lines: tuple[str, int], path: str = "card.jpg") -> MediaFacts:
    """A 1080×1440 card's facts: each (text, glyph height) on its own line, top to bottom."""
    text, y = [], 100
    for line, px in lines:
        text.append(TextLine(line, (60, y, 60 + px * len(line), y + px), 0.99))
        y += px * 2
    return MediaFacts(path=path, width=1080, height=1440, text=tuple(text), text_read=True)


def check(
    media: tuple[MediaFacts, ...], title: str = "今天的分享", text: str = "大家看看", **kw
) -> list[Finding]:
    draft = Draft(title=title, text=text, platform="xiaohongshu", media=tuple(m.path for m in media), **kw)
    return list(check_draft(draft, media=media).findings)


def of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_a_news_card_without_a_source_is_flagged_on_the_picture_with_its_line_and_box() -> None:
    card = picture(("突发：某市化工厂今晚发生爆炸事故", 64), ("现场浓烟滚滚", 48))
    [f] = of(check((card,)), "source_label_missing")
    assert f.target == "media:0"
    assert f.box == card.text[0].box or f.box == card.text[1].box
    line = next(t.text for t in card.text if t.box == f.box)
    assert f.span is not None and 0 <= f.span[0] < f.span[1] <= len(line)
    assert line in f.evidence and "box [60," in f.evidence


def test_a_source_line_on_the_card_satisfies_the_source_duty_for_the_post() -> None:
    card = picture(("突发：某市化工厂今晚发生爆炸事故", 64), ("来源：新华社", 40))
    assert not of(check((card,)), "source_label_missing")
    # …and for news the creator typed: the post is shown with its picture.
    plain = picture(("来源：新华社", 40))
    assert not of(
        check((plain,), text="突发：某市化工厂今晚发生爆炸事故，现场浓烟滚滚"), "source_label_missing"
    )
    assert of(
        check((picture(("今天天气很好", 40)),), text="突发：某市化工厂今晚发生爆炸事故，现场浓烟滚滚"),
        "source_label_missing",
    )


def test_a_source_in_the_post_covers_its_pictures() -> None:
    card = picture(("突发：某市化工厂今晚发生爆炸事故", 64))
    assert not of(check((card,), text="据新华社报道，详见图片"), "source_label_missing")


def test_a_shock_headline_on_a_cover_is_clickbait_on_that_picture() -> None:
    cover = picture(("今天天气很好", 30), ("震惊！速看", 90), path="cover.jpg")
    other = picture(("今天天气很好", 40), path="other.jpg")
    [f] = of(check((other, cover)), "clickbait_title")
    assert f.target == "media:1" and f.box == cover.text[1].box
    assert not any(x.payload.get("where") == "replace" for x in f.fixes)  # no edit into the view's strings
    assert any("cover.jpg" in x.title for x in f.fixes)


def test_follow_inducement_in_a_subtitle_names_the_cue_time() -> None:
    video = MediaFacts(
        path="v.mp4",
        kind="video",
        text=(TextLine("防失联，关注小号", frame_s=1.5, source="subtitle"),),
        text_read=True,
    )
    [f] = of(check((video,)), "follow_inducement")
    assert f.target == "media:0" and f.box is None and "subtitle @ 1.5 s" in f.evidence


def test_lines_repeated_across_video_frames_give_one_finding() -> None:
    lines = tuple(TextLine("防失联，关注小号", (10, 10, 400, 60), 0.99, frame_s=t) for t in (0.0, 1.0, 2.0))
    video = MediaFacts(path="v.mp4", kind="video", text=lines, text_read=True)
    assert len(of(check((video,)), "follow_inducement")) == 1


def test_a_picture_without_text_or_unread_adds_nothing() -> None:
    quiet = MediaFacts(path="a.jpg", text_read=True)
    unread = MediaFacts(path="b.jpg")
    from checks.media_views import RULES

    assert not [f for f in check((quiet, unread)) if f.rule in RULES]


@pytest.mark.usefixtures("ocr_on")
def test_a_rendered_card_read_by_ocr_gets_findings_on_its_lines(tmp_path: Path) -> None:
    save(card([("突发：某市化工厂今晚发生爆炸事故", 64), ("防失联，关注小号", 48)]), tmp_path / "card.jpg")
    draft = tmp_path / "post.toml"
    draft.write_text('title = "今天的分享"\ntext = "大家看看"\nmedia = ["card.jpg"]\n', encoding="utf-8")
    report = check_file(draft)
    [follow] = of(list(report.findings), "follow_inducement")
    assert follow.target == "media:0" and "防失联" in follow.evidence
    x0, y0, _x1, y1 = follow.box
    assert 40 <= x0 <= 90 and 240 <= y0 <= 300 and y1 - y0 >= 45
    assert of(list(report.findings), "source_label_missing")[0].target == "media:0"


def test_a_fiction_label_on_the_picture_labels_the_drama() -> None:
    title, text = "短剧第3集", "婆婆当众打脸，结局反转"
    assert of(check((picture(("今天天气很好", 40)),), title=title, text=text), "fiction_label_missing")
    assert not of(check((picture(("剧情演绎，纯属虚构", 48)),), title=title, text=text), "fiction_label_missing")
