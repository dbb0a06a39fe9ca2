"""The lean PP-OCR pipeline (checks/media/ocr_engine.py): regions, reading order, what it loads."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from ocr_support import ROOT, card, ocr_on, save  # noqa: F401

from checks.media import ocr
from checks.media.ocr_engine import _reading_order, _rectangles, _regions


def _flood_regions(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """8-connected regions by plain flood fill: the reference the vectorised labelling must match."""
    h, w = mask.shape
    seen = np.zeros_like(mask, dtype=bool)
    out = []
    for y in range(h):
        for x in range(w):
            if not mask[y, x] or seen[y, x]:
                continue
            stack, xs, ys = [(y, x)], [], []
            seen[y, x] = True
            while stack:
                cy, cx = stack.pop()
                xs.append(cx)
                ys.append(cy)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = cy + dy, cx + dx
                        if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                            seen[ny, nx] = True
                            stack.append((ny, nx))
            out.append((min(xs), min(ys), max(xs), max(ys)))
    return sorted(out)


def test_regions_match_a_flood_fill_on_random_masks() -> None:
    rnd = np.random.default_rng(12)
    for _ in range(150):
        h, w = (int(v) for v in rnd.integers(1, 40, 2))
        mask = rnd.random((h, w)) < rnd.random() * 0.6
        assert sorted(_regions(mask)) == _flood_regions(mask)


def test_regions_join_diagonal_touches_and_keep_separate_lines_apart() -> None:
    mask = np.zeros((12, 30), dtype=bool)
    mask[1, 1] = mask[2, 2] = mask[3, 3] = True  # a diagonal stroke: one region
    mask[6:9, 5:25] = True  # a text line
    mask[10:12, 5:25] = True  # the next line, one empty row below: separate
    assert sorted(_regions(mask)) == [(1, 1, 3, 3), (5, 6, 24, 8), (5, 10, 24, 11)]
    assert _regions(np.zeros((5, 5), dtype=bool)) == []


def _quad(x0: int, y0: int, x1: int, y1: int):
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def test_reading_order_is_rows_top_down_then_left_to_right() -> None:
    boxes = [
        _quad(500, 104, 600, 140),
        _quad(20, 100, 200, 140),
        _quad(20, 300, 400, 340),
        _quad(300, 98, 420, 140),
    ]
    assert _reading_order(boxes) == [  # tops within 10 px of each other are one row, read left to right
        _quad(20, 100, 200, 140),
        _quad(300, 98, 420, 140),
        _quad(500, 104, 600, 140),
        _quad(20, 300, 400, 340),
    ]
    shuffled = boxes[:]
    random.Random(1).shuffle(shuffled)
    assert _reading_order(shuffled) == _reading_order(boxes)


def test_a_slanted_line_gets_a_slanted_rectangle() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("1", (200, 120))
    ImageDraw.Draw(image).polygon([(20, 40), (180, 68), (178, 80), (18, 52)], fill=1)  # ≈10° slant
    [rect] = _rectangles(np.asarray(image))
    assert 9 <= math.degrees(rect.angle) <= 11
    assert 155 <= rect.width <= 165 and 9 <= rect.height <= 14  # along the line, not its bounding box
    [upright] = _rectangles(np.pad(np.ones((10, 50), dtype=bool), 5))
    assert upright.angle == 0.0 and (upright.width, upright.height) == (49, 9)


@pytest.mark.usefixtures("ocr_on")
def test_slanted_text_is_read(tmp_path: Path) -> None:
    from PIL import Image

    from checks.media import read_media

    lines = [("突发：某市化工厂发生爆炸事故", 56), ("来源：新华社", 48)]
    for angle in (4, 10):
        image = card(lines).rotate(angle, fillcolor=(245, 240, 228), resample=Image.Resampling.BICUBIC)
        [facts] = read_media([save(image, tmp_path / f"tilt{angle}.png")])
        assert [t.text for t in facts.text] == [text for text, _ in lines], angle


def test_reading_does_not_load_opencv_or_the_rapidocr_wrapper(tmp_path: Path) -> None:
    """The pipeline's whole point: the frozen app ships neither, so reading must not need them."""
    if not ocr.available():
        pytest.skip("OCR engine not installed")
    path = save(card([("来源：新华社", 72)]), tmp_path / "card.png")
    code = (
        "import json, sys\n"
        "from checks.media import read_media\n"
        f"[f] = read_media([{str(path)!r}], ocr=True, use_cache=False)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('cv2', 'rapidocr', 'shapely', 'pyclipper', 'omegaconf', 'yaml', 'requests'))\n"
        "print(json.dumps({'text': [t.text for t in f.text], 'heavy': heavy}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result == {"text": ["来源：新华社"], "heavy": []}


def test_missing_models_make_ocr_unavailable_not_a_crash(tmp_path: Path, monkeypatch) -> None:
    import importlib.util

    from checks.media.ocr import OcrUnavailable, model_files, with_text
    from checks.model import MediaFacts

    real = importlib.util.find_spec

    def no_rapidocr(name, *args, **kwargs):
        return None if name == "rapidocr" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", no_rapidocr)
    with pytest.raises(OcrUnavailable, match="rapidocr package is not installed"):
        model_files()
    ocr._engine_cached.cache_clear()
    try:
        path = save(card([("速看", 80)]), tmp_path / "c.png")
        facts = MediaFacts(path=str(path), kind="photo", format="png")
        assert with_text(path, facts) == facts  # unchanged: no text read, no error
    finally:
        ocr._engine_cached.cache_clear()


def test_recognition_batches_keep_short_marks_apart_from_long_headlines() -> None:
    from checks.media.ocr_engine import REC_BATCH, _batches

    ratios = [3.0, 15.0, 2.5, 14.0, 7.0, 9.5]  # an "AI生成" mark is ~3 heights wide, a headline ~15
    order = sorted(range(len(ratios)), key=ratios.__getitem__)
    batches = _batches(order, ratios)
    assert batches == [[2, 0, 4, 5], [3, 1]]  # every crop pads to ≥ 320/48 ≈ 6.7 heights anyway
    assert [i for b in batches for i in b] == order
    many = _batches(list(range(20)), [10.0] * 20)
    assert [len(b) for b in many] == [REC_BATCH, REC_BATCH, REC_BATCH, 2]


@pytest.mark.usefixtures("ocr_on")
def test_a_long_thin_strip_is_padded_and_read_with_its_own_box() -> None:
    from ocr_support import font
    from PIL import Image, ImageDraw

    strip = Image.new("RGB", (1400, 60), "white")  # 23:1 — the detector needs black rows around it
    ImageDraw.Draw(strip).text((10, 5), "来源：新华社记者报道", font=font(44), fill="black")
    [line] = ocr.recognise(strip)
    assert line.text == "来源：新华社记者报道"
    x0, y0, x1, y1 = line.box
    assert x0 <= 20 and 0 <= y0 <= 15 and 45 <= y1 <= 60 and 400 <= x1 <= 520  # in the strip's pixels
