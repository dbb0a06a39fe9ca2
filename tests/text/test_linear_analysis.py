"""Hostile text stays linear (issue 14 item 10): 50k newlines, endless speaker lines, a bio of
repeated titles, one endless sentence of cue words. Each case is built here; a quadratic step
(an anchored `^\\s*` regex, a per-hit rescan of the text) turns seconds into minutes."""

from __future__ import annotations

import gc
import time
from datetime import UTC, datetime

import pytest

from checks.engine import check_draft
from checks.model import Account, Draft
from checks.packs import load_packs
from checks.text.analysis import analyse

PUBLISH = datetime(2026, 11, 21, 12, tzinfo=UTC)
MB = 1_000_000
CASES = {
    "newlines": lambda n: Draft(title="t", text="\n" * n),
    "blank_lines": lambda n: Draft(title="t", text=" \n" * (n // 2)),
    "speaker_lines": lambda n: Draft(title="t", text="婆婆：好\n" * (n // 5)),
    "bio_titles": lambda n: Draft(
        title="t", text="x", account=Account(name="王医生", bio="主任医师律师教授" * (n // 8))
    ),
    "text_titles": lambda n: Draft(title="我是医生", text="我是主任医师" * (n // 6)),
    "cue_words": lambda n: Draft(
        title="地震", text="地震了下单链接点赞过万奶奶82岁防失联据报道网传" * (n // 24)
    ),
    "separators": lambda n: Draft(title="t", text="防·" * (n // 2)),
}


def cpu(fn) -> float:
    """CPU time of this thread only: a worker thread left running by an earlier test in the same
    process (media pool, OCR start-up) must not be billed to the text analysis. The collector is
    paused while timing: in a full test run the heap holds every earlier test's objects, and the
    collector's passes over them would be billed to whichever test allocates — not to its algorithm."""
    gc.collect()
    gc.disable()
    try:
        start = time.thread_time()
        fn()
        return time.thread_time() - start
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def packs():
    p = load_packs()
    analyse(Draft(title="a", text="b"), p, PUBLISH)
    check_draft(Draft(title="a", text="b", account=Account(name="王医生")), packs=p)
    return p


@pytest.mark.parametrize("case", sorted(CASES))
def test_analysis_of_a_megabyte_of_hostile_text_is_fast(case: str, packs) -> None:
    draft = CASES[case](MB)
    took = cpu(lambda: analyse(draft, packs, PUBLISH))
    assert took < 4.0, f"{case}: {took:.1f} s CPU for 1 MB (budget 2 s on a quiet machine)"


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_whole_check_grows_linearly(case: str, packs) -> None:
    small, big = CASES[case](25_000), CASES[case](100_000)
    t_small = cpu(lambda: check_draft(small, packs=packs))
    t_big = cpu(lambda: check_draft(big, packs=packs))
    assert t_big < 8 * t_small + 1.0, f"{case}: 4x the text took {t_big / max(t_small, 1e-3):.0f}x the time"
