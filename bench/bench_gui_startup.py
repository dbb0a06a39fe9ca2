"""How long until the desktop app is usable: process start → window shown, event loop idle.

Runs `app.gui.main` in a fresh Python process several times (offscreen unless a display is set)
and prints each figure; the first run is the coldest this machine can give without dropping the
OS file cache. CPU time of the app process is printed too: on a busy machine (other jobs competing
for the cores) wall time inflates, CPU time does not. The child prints the time since its own process start when a zero-timer fires
after the window is exposed, i.e. when the event loop is idle and input would be handled.

    python bench/bench_gui_startup.py [--runs 5] [--draft examples/draft.toml]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
qapp = QApplication(sys.argv[:1])
def probe():
    w = next((w for w in qapp.topLevelWidgets() if w.isVisible() and w.inherits("QMainWindow")), None)
    if w is None:
        QTimer.singleShot(1, probe)
        return
    QTimer.singleShot(0, lambda: (print("READY", time.process_time(), flush=True), qapp.quit()))
QTimer.singleShot(0, probe)
import app.gui as gui
sys.exit(gui.main(sys.argv[1:]))
"""


def run_once(draft: str | None, home: str) -> tuple[float, float]:
    env = dict(os.environ, PREFLIGHT_HOME=home, PYTHONPATH=str(ROOT))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = [sys.executable, "-c", CHILD, *([draft] if draft else [])]
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            cpu = float(line.split()[1])
            break
    else:
        raise SystemExit("the app exited before its window was ready")
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--draft", default=None, help="open this draft at start (default: an empty window)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        runs = [run_once(args.draft, home) for _ in range(args.runs)]
    for i, (wall, cpu) in enumerate(runs, 1):
        print(f"run {i}: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU in the app process")
    walls = [w for w, _ in runs]
    print(
        f"first {walls[0] * 1000:.0f} ms, median {statistics.median(walls) * 1000:.0f} ms wall "
        f"(target < 1500 ms); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    main()
