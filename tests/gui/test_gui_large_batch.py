"""Fifty 12-megapixel phone photos at once: the window keeps answering while they are read."""

from __future__ import annotations

import itertools
import time

import pytest
from gui_support import settle
from PIL import Image
from PySide6.QtCore import QTimer


@pytest.mark.slow
def test_fifty_large_photos_never_freeze_the_window(make_window, qtbot, tmp_path):
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15 Pro"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:20 09:30:00"
    base = Image.effect_noise((4032, 3024), 40).convert("RGB")  # noise: realistic decode cost
    for i in range(50):
        base.save(tmp_path / f"IMG_{i:04d}.jpg", exif=exif, quality=85)
    w = make_window()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    start = time.monotonic()
    w.add_media_paths([str(tmp_path)])
    settle(qtbot, w, timeout=180000)
    facts_s = time.monotonic() - start
    qtbot.waitUntil(lambda: not w.media.thumbing, timeout=300000)
    thumbs_s = time.monotonic() - start
    timer.stop()
    stall = max(b - a for a, b in itertools.pairwise(ticks))
    print(
        f"50 × 12 MP: findings after {facts_s:.1f} s, thumbnails after {thumbs_s:.1f} s, max UI stall {stall * 1000:.0f} ms"
    )
    assert len(w.media_strip.entries) == 50 and all(
        e.facts and not e.facts.error for e in w.media_strip.entries
    )
    assert stall < 1.0
