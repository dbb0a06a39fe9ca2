"""Visible AI marks on pictures and video openings (checks.media.marks + ai_visible_label_missing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_support import card, corner_mark, ocr_on, save, video  # noqa: F401
from PIL import Image

from checks.engine import check_draft, check_file
from checks.model import Draft, Evidence, Finding, MediaFacts, Provenance, TextLine

AI = Evidence("png:parameters", "PNG tEXt 'parameters'", "Steps: 20", Provenance.AI_GENERATED)


def facts(
    *lines: TextLine, ai: bool = True, kind: str = "photo", duration: float | None = None
) -> MediaFacts:
    return MediaFacts(
        path="p.mp4" if kind == "video" else "p.png",
        kind=kind,
        width=1080,
        height=1920,
        duration=duration,
        evidence=(AI,) if ai else (),
        provenance=Provenance.AI_GENERATED if ai else Provenance.UNKNOWN,
        text=lines,
        text_read=True,
    )


def mark(text: str, glyph: int, x0: int = 800, y0: int = 1820, frame_s: float | None = None) -> TextLine:
    width = glyph * len(text)
    return TextLine(text, (x0, y0, x0 + width, y0 + int(glyph * 1.4)), 0.98, frame_s=frame_s, glyph_px=glyph)


def run(*media: MediaFacts, **kw) -> list[Finding]:
    draft = Draft(title="风景", text="分享一张图", media=tuple(m.path for m in media), **kw)
    return list(check_draft(draft, media=media).findings)


def rule(findings: list[Finding], rid: str) -> list[Finding]:
    return [f for f in findings if f.rule == rid]


def test_a_corner_mark_of_five_percent_is_the_visible_label() -> None:
    assert not rule(run(facts(mark("AI生成", 60, x0=900))), "ai_visible_label_missing")
    assert rule(run(facts()), "ai_visible_label_missing")  # same file without the mark


def test_a_too_small_mark_is_reported_with_its_measured_size() -> None:
    [f] = rule(run(facts(mark("内容由AI生成", 32, x0=700))), "ai_visible_label_missing")
    assert f.target == "media:0" and "3.0%" in f.message and "32" in f.message
    assert "内容由AI生成" in f.evidence and "box [700, 1820" in f.evidence


def test_a_mark_in_the_middle_of_the_picture_is_not_at_an_edge() -> None:
    [f] = rule(run(facts(mark("AI生成", 80, x0=400, y0=900))), "ai_visible_label_missing")
    assert "edge" in f.message or "边角" in f.message


def test_a_generator_mark_makes_a_stripped_picture_ai_and_the_post_still_owes_its_label() -> None:
    media = facts(mark("豆包AI生成", 60, x0=700), ai=False)
    draft = Draft(title="风景", text="分享一张图", media=("p.png",))
    report = check_draft(draft, media=(media,))
    assert report.media[0].provenance == Provenance.AI_GENERATED
    assert any(e.marker == "ocr:generator_mark" and "豆包" in e.detail for e in report.media[0].evidence)
    assert rule(list(report.findings), "ai_label_missing")
    assert not rule(list(report.findings), "ai_visible_label_missing")
    declared = check_draft(draft.with_changes(declarations=("ai_generated",)), media=(media,))
    assert not rule(list(declared.findings), "ai_label_missing")


def test_a_generator_name_inside_a_sentence_is_not_a_mark() -> None:
    news = facts(
        TextLine("Sora发布新版本，今天天气很好我们去公园散步吧", (40, 1800, 1000, 1860), glyph_px=40),
        ai=False,
    )
    report = check_draft(Draft(text="分享", media=("p.png",)), media=(news,))
    assert report.media[0].provenance == Provenance.UNKNOWN


def test_a_video_mark_must_stay_two_seconds_from_the_start() -> None:
    sampled = [TextLine("风景", (0, 0, 10, 10), frame_s=t) for t in (0.0, 1.0, 2.0, 3.0)]
    brief = facts(mark("AI生成", 60, x0=900, frame_s=0.0), *sampled, kind="video", duration=8.0)
    [f] = rule(run(brief), "ai_visible_label_missing")
    assert "2" in f.message
    held = facts(
        *(mark("AI生成", 60, x0=900, frame_s=t) for t in (0.0, 1.0, 2.0)),
        *sampled,
        kind="video",
        duration=8.0,
    )
    assert not rule(run(held), "ai_visible_label_missing")


@pytest.mark.usefixtures("ocr_on")
def test_rendered_marks_of_several_sizes(tmp_path: Path) -> None:
    for name, text, px, expected in (
        ("big.png", "豆包AI生成", 64, None),  # 5.9% of 1080: compliant
        ("small.png", "豆包AI生成", 34, "3."),  # ~3% of 1080: measured and reported
    ):
        image = Image.new("RGB", (1080, 1440), (70, 110, 150))
        corner_mark(image, text, px)
        save(image, tmp_path / name)
        draft = tmp_path / f"{name}.toml"
        draft.write_text(f'title = "风景"\ntext = "分享"\nmedia = ["{name}"]\n', encoding="utf-8")
        report = check_file(draft)
        assert report.media[0].provenance == Provenance.AI_GENERATED, name
        visible = rule(list(report.findings), "ai_visible_label_missing")
        if expected is None:
            assert not visible, name
        else:
            [f] = visible
            assert expected in f.message and "豆包AI生成" in f.evidence


@pytest.mark.usefixtures("ocr_on")
def test_a_video_whose_opening_carries_a_mark_is_labelled(tmp_path: Path) -> None:
    plain = Image.new("RGB", (720, 1280), (40, 90, 140))
    marked = plain.copy()
    corner_mark(marked, "即梦AI", 56, corner="top_left")
    video(tmp_path / "v.mp4", [marked] * 15 + [plain] * 10)
    draft = tmp_path / "v.toml"
    draft.write_text(
        'title = "风景"\ntext = "分享"\nmedia = ["v.mp4"]\ndeclarations = ["ai_generated"]\n',
        encoding="utf-8",
    )
    report = check_file(draft)
    assert report.media[0].provenance == Provenance.AI_GENERATED
    assert not rule(list(report.findings), "ai_visible_label_missing")
    assert not rule(list(report.findings), "ai_label_missing")
