"""The real-file corpus dropped on the window at once: facts for every file, the UI never stalls."""

from __future__ import annotations

import itertools
import time

import pytest
from gui_support import settle
from PySide6.QtCore import QTimer


@pytest.mark.corpus
def test_dropping_the_whole_corpus_keeps_the_ui_responsive(make_window, qtbot, corpus):
    w = make_window()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    w.add_media_paths([str(corpus)])
    n = len(w.session.state.media)
    assert n >= 100
    settle(qtbot, w, timeout=120000)
    timer.stop()
    entries = w.media_strip.entries
    assert len(entries) == n and all(e.facts is not None for e in entries)
    unreadable = [e for e in entries if e.facts.error]
    assert unreadable and len(unreadable) < n // 4  # the corrupt/ folder: findings, not crashes
    assert "media_unreadable" in {f.rule for f in w.report.findings}
    assert {str(e.facts.provenance) for e in entries} >= {"self_shot", "ai_generated"}
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    print(f"{n} files: max UI stall {max(gaps) * 1000:.0f} ms over {len(ticks)} ticks")
    assert max(gaps) < 1.0, f"UI thread blocked for {max(gaps):.2f} s"
