"""Reading the text media show: pictures, video frames, subtitle tracks (rendered in the tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ocr_support import ROOT, card, corner_mark, ocr_on, save, video  # noqa: F401
from PIL import Image

from checks.media import cache, read_media
from checks.media.ocr import frame_times


def _texts(facts) -> list[str]:
    return [t.text for t in facts.text]


@pytest.mark.usefixtures("ocr_on")
def test_a_text_card_is_read_line_by_line_with_boxes(tmp_path: Path) -> None:
    image = card([("突发：某市化工厂发生爆炸事故", 64), ("来源：新华社", 48)])
    [facts] = read_media([save(image, tmp_path / "card.jpg")])
    assert facts.text_read
    assert _texts(facts) == ["突发：某市化工厂发生爆炸事故", "来源：新华社"]
    headline = facts.text[0]
    x0, y0, x1, y1 = headline.box
    assert 40 <= x0 <= 90 and 120 <= y0 <= 160 and y1 - y0 >= 55 and x1 > 800
    assert headline.frame_s is None and headline.source == "ocr" and headline.confidence > 0.8


@pytest.mark.usefixtures("ocr_on")
def test_boxes_follow_the_displayed_picture_of_a_rotated_photo(tmp_path: Path) -> None:
    image = card([("关注小号防失联", 72)], size=(1200, 900))
    stored = image.rotate(90, expand=True)  # stored sideways, EXIF says "rotate back"
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    stored.save(path, exif=exif, quality=92)
    [facts] = read_media([path])
    assert _texts(facts) == ["关注小号防失联"]
    x0, y0, x1, y1 = facts.text[0].box
    assert x1 > x0 + 400 and y1 - y0 < 120  # horizontal in the displayed picture


def test_ocr_off_reads_no_text_and_turning_it_on_reuses_cached_metadata(tmp_path: Path, monkeypatch) -> None:
    from checks.media import ocr

    if not ocr.available():
        pytest.skip("OCR engine not installed")
    path = save(card([("速看", 80)]), tmp_path / "c.png")
    [off] = read_media([path], ocr=False)
    assert off.text == () and not off.text_read
    [on] = read_media([path], ocr=True)
    assert _texts(on) == ["速看"] and on.text_read
    cache.clear_memory()  # from the disk cache, with the text
    [again] = read_media([path], ocr=True)
    assert _texts(again) == ["速看"]
    [off_again] = read_media([path], ocr=False)  # switched off: cached text is not shown
    assert off_again.text == ()


@pytest.mark.usefixtures("ocr_on")
def test_a_video_opening_is_read_every_second_and_subtitles_as_text(tmp_path: Path) -> None:
    plain = Image.new("RGB", (720, 1280), (40, 90, 140))
    marked = plain.copy()
    box = corner_mark(marked, "AI生成", 80, corner="top_left")
    frames = [marked] * 15 + [plain] * 25  # 5 fps: the mark for 3 s, then 5 s without
    path = video(tmp_path / "v.mp4", frames, subtitles=[(0.5, "关注小号防失联"), (4.0, "第二句")])
    [facts] = read_media([path])
    ocr_lines = [t for t in facts.text if t.source == "ocr"]
    assert {t.frame_s for t in ocr_lines} == {0.0, 1.0, 2.0}
    assert all(t.text == "AI生成" for t in ocr_lines)
    assert abs(ocr_lines[0].box[0] - box[0]) <= 20 and abs(ocr_lines[0].box[3] - box[3]) <= 20
    subs = [(t.text, t.frame_s) for t in facts.text if t.source == "subtitle"]
    assert subs == [("关注小号防失联", 0.5), ("第二句", 4.0)]


def test_frame_times_cover_the_opening_and_spread_over_the_rest() -> None:
    assert frame_times(2.5) == (0.0, 1.0, 2.0)
    assert frame_times(11.0) == (0.0, 1.0, 2.0, 3.0, 5.67, 8.33)
    assert frame_times(None) == (0.0, 1.0, 2.0, 3.0)


@pytest.mark.usefixtures("ocr_on")
def test_cli_media_json_lists_text_and_no_ocr_switches_it_off(tmp_path: Path) -> None:
    path = save(card([("震惊！速看", 72)]), tmp_path / "c.jpg")
    cmd = [sys.executable, "-m", "app.cli", "media", str(path), "--format", "json"]
    out = json.loads(subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True).stdout)
    [line] = out[0]["text"]
    assert line["text"].startswith("震惊") and len(line["box"]) == 4 and line["source"] == "ocr"
    off = json.loads(
        subprocess.run([*cmd, "--no-ocr"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    )
    assert off[0]["text"] == []


@pytest.mark.usefixtures("ocr_on")
def test_a_large_photo_read_at_reduced_scale_reports_boxes_and_glyph_height_in_its_own_pixels(
    tmp_path: Path,
) -> None:
    path = save(card([("防失联，关注小号", 200)], size=(4032, 3024)), tmp_path / "big.jpg")
    [facts] = read_media([path])
    [line] = facts.text
    x0, y0, _x1, y1 = line.box
    assert 200 <= x0 <= 270 and 260 <= y0 <= 340 and y1 - y0 >= 200
    assert 180 <= line.glyph_px <= 205
