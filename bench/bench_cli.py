"""Benchmark: how instant the command line feels — whole processes, each paired with a peer.

Usage: python bench/bench_cli.py [--runs N] [--corpus DIR]

Every figure is a whole process (interpreter start, imports, work, exit), run the way an installed
`preflight` runs: `from app.cli import main` from this checkout, bytecode compiled (a warm-up run
writes it; PYTHONDONTWRITEBYTECODE is dropped for the children, as an installed package has its
.pyc files). Each measurement is paired with its peer in the same loop, alternating, so both see
the same machine load; the ratio is what the targets are about (issue 14):

- `preflight --version`                   ≤ 3× `python -c pass`
- `preflight check examples/draft.toml`    ≤ 250 ms (warm media cache), with `python -c pass` beside it
- `preflight media CORPUS --format json`   ≥ 8× faster than `exiftool -j -n` on the same files
  (warm cache, as a user re-running it sees; the peer is skipped when exiftool is absent). A cold
  line (`--no-cache --no-ocr`: parse every file, as exiftool does) is printed for honesty.

Medians of wall time and of the child's CPU time (user+sys) are printed: on a shared machine
wall time measures the neighbours as much as the code, CPU time does not. The cache goes to a
temporary PREFLIGHT_HOME, never the user's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFLIGHT = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]
BARE = [sys.executable, "-c", "pass"]


def _env(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PREFLIGHT_HOME=home)
    return env


def _once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(a: list[str], b: list[str], env: dict[str, str], runs: int) -> tuple[tuple[float, float], ...]:
    """Medians (wall, cpu) of `a` and of `b`, run alternately after one warm-up each."""
    _once(a, env)
    _once(b, env)
    got: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
    for i in range(runs):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for k in order:
            got[k].append(_once((a, b)[k], env))
    return tuple(
        (statistics.median(w for w, _ in g), statistics.median(c for _, c in g)) for g in got
    )


def _ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def corpus_files(corpus: Path) -> list[str]:
    skip = {"MANIFEST.tsv", "README.md"}
    return sorted(str(p) for p in corpus.rglob("*") if p.is_file() and p.name not in skip)


def _shared_corpus() -> Path:
    """../shared/corpus of the checkout, or of a folder above it (a git worktree lives deeper)."""
    for folder in ROOT.parents:
        if (folder / "shared" / "corpus" / "MANIFEST.tsv").exists():
            return folder / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--corpus", type=Path, default=_shared_corpus())
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="preflight-bench-cli-")
    env = _env(home)
    try:
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        (v, vc), (p, pc) = paired([*PREFLIGHT, "--version"], BARE, env, args.runs)
        ratio, cpu_ratio = v / p, vc / max(pc, 1e-6)
        print(
            f"version: preflight --version {_ms(v)} (cpu {_ms(vc)}) | python -c pass {_ms(p)} (cpu {_ms(pc)})"
            f" | ratio {ratio:.2f}× wall, {cpu_ratio:.2f}× cpu (target ≤ 3×) {_verdict(ratio <= 3)}"
        )
        draft = str(ROOT / "examples" / "draft.toml")
        (c, cc), (p, pc) = paired([*PREFLIGHT, "check", draft], BARE, env, args.runs)
        print(
            f"check: preflight check examples/draft.toml {_ms(c)} (cpu {_ms(cc)}) | python -c pass {_ms(p)}"
            f" (cpu {_ms(pc)}) | {c / p:.1f}× bare python (target ≤ 250 ms) {_verdict(c <= 0.25)}"
        )
        if not (args.corpus / "MANIFEST.tsv").exists():
            print(f"media: skipped ({args.corpus} is absent)")
            return 0
        files = corpus_files(args.corpus)
        media = [*PREFLIGHT, "media", "--format", "json", *files]
        exiftool = shutil.which("exiftool")
        if exiftool is None:
            (m, mc), _ = paired(media, BARE, env, args.runs)
            print(f"media: preflight media ({len(files)} files, warm) {_ms(m)} (cpu {_ms(mc)}) | exiftool absent")
            return 0
        peer = [exiftool, "-j", "-n", *files]
        (m, mc), (e, ec) = paired(media, peer, env, args.runs)
        print(
            f"media: preflight media --format json ({len(files)} files, warm cache) {_ms(m)} (cpu {_ms(mc)})"
            f" | exiftool -j -n {_ms(e)} (cpu {_ms(ec)}) | {e / m:.1f}× faster wall, {ec / max(mc, 1e-6):.1f}× cpu"
            f" (target ≥ 8×) {_verdict(e / m >= 8)}"
        )
        cold = [*PREFLIGHT, "media", "--format", "json", "--no-cache", "--no-ocr", *files]
        (m, mc), (e, ec) = paired(cold, peer, env, max(3, args.runs // 3))
        print(
            f"media-cold: preflight media --no-cache --no-ocr {_ms(m)} (cpu {_ms(mc)})"
            f" | exiftool -j -n {_ms(e)} (cpu {_ms(ec)}) | {e / m:.1f}× faster wall, {ec / max(mc, 1e-6):.1f}× cpu"
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
