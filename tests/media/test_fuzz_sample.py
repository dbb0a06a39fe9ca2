"""A small seeded sample of bench/fuzz_media.py runs with every test run (the full run is ≥ 10,000 files)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_seeded_fuzz_sample_has_no_crash_hang_or_unnamed_failure() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz_media.py"), "--files", "100", "--seed", "20261204"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    out = run.stdout
    assert "crashes=0 hangs=0" in out, out + run.stderr[-2000:]
    assert "fuzz_media: PASS" in out, out
    assert run.returncode == 0


def test_the_harness_reports_a_crash(tmp_path: Path) -> None:
    """The harness itself must notice failure: a worker that dies is a crash, a silent one a hang."""
    sys.path.insert(0, str(ROOT))
    try:
        from bench import fuzz_media
    finally:
        sys.path.remove(str(ROOT))
    w = fuzz_media.Worker({"PATH": "/usr/bin:/bin"})
    w.proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.readline(); sys.exit(3)"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert "crash" in w.read(tmp_path / "x.jpg", 10)
    w.proc = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; sys.stdin.readline(); time.sleep(30)"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert w.read(tmp_path / "x.jpg", 0.5) == {"hang": True}
    assert w.proc is None
