"""Time a frozen GUI from launch to its window being mapped on the X display (Linux, X11/Xvfb).

    xvfb-run -a -s "-screen 0 1366x860x24" python installer/startup_probe.py dist/preflight/preflight-gui \
        [--runs 5] [--draft examples/draft.toml] [--screenshot docs/screenshots/frozen-gui.png] [--lang zh]

Before each run the bundle's files are evicted from the page cache (posix_fadvise DONTNEED on
every file in the folder), so each figure is a cold start of the app itself; shared system
libraries stay cached, as they are on a creator's running desktop. The window is found by polling
`xdotool search --onlyvisible --pid` every 10 ms, i.e. mapped and viewable, not merely created.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def evict(folder: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file() and not file.is_symlink():
            try:
                fd = os.open(file, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def wait_mapped(proc: subprocess.Popen[bytes], start: float, limit: float = 60.0) -> float:
    """Seconds until a viewable window of `proc` exists, polling every 10 ms.

    (`xdotool search --sync` itself sleeps half a second between tries: too coarse to time.)
    """
    query = ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)]
    while time.perf_counter() - start < limit:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise SystemExit(
                f"startup_probe: the app exited ({proc.returncode}) before showing a window\n{err}"
            )
        if subprocess.run(query, stdout=subprocess.DEVNULL, check=False).returncode == 0:
            return time.perf_counter() - start
        time.sleep(0.01)
    raise SystemExit(f"startup_probe: no window within {limit:.0f} s")


def launch(exe: Path, args: list[str], env: dict[str, str], screenshot: Path | None) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        mapped = wait_mapped(proc, start)
        if screenshot:
            time.sleep(2.5)  # let the first check finish and paint
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", "root", str(screenshot)], check=True)
        return mapped
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("exe", type=Path)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--draft")
    p.add_argument("--screenshot", type=Path, help="after the last run's window maps, grab the screen here")
    p.add_argument("--lang", choices=("zh", "en"), help="UI language through LANG (default: inherited)")
    args = p.parse_args(argv)
    if not shutil.which("xdotool") or not os.environ.get("DISPLAY"):
        print("startup_probe: needs xdotool and an X display (run under xvfb-run)", file=sys.stderr)
        return 2
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    if args.lang:
        env["LANG"] = env["LC_ALL"] = "zh_CN.UTF-8" if args.lang == "zh" else "en_US.UTF-8"
    figures = []
    with tempfile.TemporaryDirectory(prefix="preflight-probe-") as home:
        env["PREFLIGHT_HOME"] = home
        for i in range(args.runs):
            evict(args.exe.resolve().parent)
            last = i == args.runs - 1
            ms = (
                launch(args.exe, [args.draft] if args.draft else [], env, args.screenshot if last else None)
                * 1000
            )
            figures.append(ms)
            print(f"run {i + 1}: window mapped after {ms:.0f} ms (cold bundle)")
    print(f"median {statistics.median(figures):.0f} ms, min {min(figures):.0f} ms, max {max(figures):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
