"""Recognition check: rendered lines (sizes, backgrounds, blur, JPEG) are read at ≥ 97% of characters.

The full check over every CJK font on the machine is `bench/bench_ocr.py --part accuracy`; this one
uses the tests' font so it runs anywhere.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from ocr_support import font, ocr_on  # noqa: F401
from PIL import Image, ImageDraw, ImageFilter

LINES = ["突发：某市化工厂今晚发生爆炸事故", "来源：新华社记者报道", "防失联，关注小号", "内容由AI生成",
         "留守老人孩子可怜帮帮忙", "投资理财股票基金推荐买入"]  # fmt: skip
STYLES = [((250, 250, 250), (20, 20, 20), 0.5, 60), ((25, 25, 30), (245, 245, 245), 0.8, 75), ((200, 60, 50), (255, 240, 200), 0.6, 85)]  # fmt: skip


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@pytest.mark.usefixtures("ocr_on")
def test_rendered_lines_of_20_px_and_more_are_read_at_97_percent() -> None:
    from checks.media.ocr import recognise

    errors = total = 0
    for k, text in enumerate(LINES):
        px = (20, 28, 40)[k % 3]
        bg, fg, blur, quality = STYLES[k % 3]
        image = Image.new("RGB", (px * (len(text) + 4), px * 3), bg)
        ImageDraw.Draw(image).text((px, px), text, font=font(px), fill=fg)
        buf = io.BytesIO()
        image.filter(ImageFilter.GaussianBlur(blur)).save(buf, "JPEG", quality=quality)
        read = "".join(t.text for t in recognise(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")))
        want = unicodedata.normalize("NFKC", text)
        errors += min(len(want), _distance(want, unicodedata.normalize("NFKC", read).replace(" ", "")))
        total += len(want)
    assert 1 - errors / total >= 0.97, f"{errors} of {total} characters wrong"
