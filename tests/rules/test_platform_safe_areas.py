"""Platform safe areas: labels the feed controls would hide (checks.safe_areas, resources/platforms)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ocr_support import corner_mark, ocr_on, save  # noqa: F401
from PIL import Image

from checks.engine import check_draft, check_file
from checks.fixes.stamp import stamp_label
from checks.model import Draft, Evidence, MediaFacts, Provenance, TextLine
from checks.safe_areas import area, label_corner

AI = Evidence("png:parameters", "PNG tEXt 'parameters'", "Steps: 20", Provenance.AI_GENERATED)


def clip(box: tuple[int, int, int, int], w: int = 1080, h: int = 1920) -> MediaFacts:
    mark = TextLine("AI生成", box, 0.98, frame_s=0.0, glyph_px=box[3] - box[1] - 10)
    frames = tuple(TextLine("AI生成", box, 0.98, frame_s=t, glyph_px=mark.glyph_px) for t in (0.0, 1.0, 2.0))
    return MediaFacts(
        path="v.mp4",
        kind="video",
        width=w,
        height=h,
        duration=6.0,
        evidence=(AI,),
        provenance=Provenance.AI_GENERATED,
        text=frames,
        text_read=True,
    )


def visible(platform: str, media: MediaFacts, lang: str = "en") -> list:
    draft = Draft(
        title="风景", text="分享", platform=platform, media=(media.path,), declarations=("ai_generated",)
    )
    return [
        f
        for f in check_draft(draft, media=(media,), lang=lang).findings
        if f.rule == "ai_visible_label_missing"
    ]


def test_a_mark_under_the_progress_bar_is_hidden_on_douyin_but_fine_elsewhere() -> None:
    bottom_right = clip((860, 1800, 1060, 1880))
    [f] = visible("douyin", bottom_right)
    assert "Douyin" in f.message and "caption and progress bar" in f.message and f.target == "media:0"
    assert not visible("generic", bottom_right)
    assert not visible("douyin", clip((20, 200, 220, 280)))  # top-left, below the status bar


def test_a_landscape_video_is_not_covered_by_the_portrait_feed_layout() -> None:
    assert area("douyin", "video", 1920, 1080) is None
    assert not visible("douyin", clip((1700, 960, 1900, 1040), w=1920, h=1080))


def test_preflight_places_its_own_label_where_the_platform_leaves_it_visible() -> None:
    portrait = stamp_label(
        Image.new("RGBA", (1080, 1920), (0, 0, 0, 0)), "AI生成", platform="douyin", kind="video"
    )
    x0, y0, x1, y1 = portrait.getbbox()
    safe = area("douyin", "video", 1080, 1920)
    assert safe is not None and safe.covering((x0, y0, x1, y1), 1080, 1920) is None
    assert x0 < 100 and y0 >= 1920 * safe.top
    plain = stamp_label(Image.new("RGBA", (1080, 1920), (0, 0, 0, 0)), "AI生成")
    assert plain.getbbox()[3] > 1800  # without a platform: the bottom-right corner as before
    assert label_corner("generic", "video", 1080, 1920) == ("bottom_right", 0)


@pytest.mark.usefixtures("ocr_on")
def test_a_rendered_douyin_picture_with_its_mark_under_the_buttons_gets_a_warning(tmp_path: Path) -> None:
    image = Image.new("RGB", (1080, 1920), (90, 60, 120))
    corner_mark(image, "豆包AI生成", 64)  # bottom-right corner: under Douyin's caption strip
    save(image, tmp_path / "p.png")
    draft = tmp_path / "p.toml"
    draft.write_text(
        'platform = "douyin"\ntitle = "风景"\ntext = "分享"\nmedia = ["p.png"]\ndeclarations = ["ai_generated"]\n',
        encoding="utf-8",
    )
    [f] = [x for x in check_file(draft, lang="en").findings if x.rule == "ai_visible_label_missing"]
    assert "cover" in f.message and "豆包AI生成" in f.evidence
