"""Golden files for the command line: what `preflight` prints is a reviewed contract.

`run_cli(name, *args)` runs `preflight ARGS` in a real process (exit code, stdout and stderr as a
user sees them), normalises the parts that differ between machines and runs, and compares the
result with tests/golden/expected/NAME.txt. `pytest --update-golden` writes the files instead,
so a change of output shows up as a diff in review rather than slipping through.

Normalised: the temp folder (<TMP>), the checkout (<ROOT>), the app version (<VERSION>) and the
built-in pack's version (<PACK_VERSION>). OCR is off (PREFLIGHT_OCR=0, set for every test): its
output depends on the model build and is tested in tests/media; every reader and rule is on.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"

RunCli = Callable[..., str]


def normalise(text: str, tmp: Path) -> str:
    from checks import __version__

    for real, token in ((tmp.resolve(), "<TMP>"), (tmp, "<TMP>"), (ROOT, "<ROOT>")):
        text = text.replace(str(real), token)
    text = re.sub(r'("preflight": )"[^"]*"', r'\1"<VERSION>"', text)
    text = re.sub(r'("id": "core",\s*"version": )"[^"]*"', r'\1"<PACK_VERSION>"', text)
    return text.replace(f"preflight {__version__}", "preflight <VERSION>")


def transcript(args: tuple[str, ...], tmp: Path, timeout: float) -> str:
    """`$ preflight ARGS`, the exit code, stdout and stderr: one reviewable text."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFLIGHT_OCR": "0"}
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=tmp,
        env=env,
        capture_output=True,
        timeout=timeout,
    )
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    text = f"$ preflight {' '.join(args)}\nexit: {run.returncode}\n--- stdout\n{out}--- stderr\n{err}"
    return normalise(text, tmp)


@pytest.fixture
def run_cli(request: pytest.FixtureRequest, tmp_path: Path) -> RunCli:
    update = bool(request.config.getoption("--update-golden"))

    def run(name: str, *args: str, timeout: float = 120) -> str:
        got = transcript(args, tmp_path, timeout)
        file = EXPECTED / f"{name}.txt"
        if update:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(got, encoding="utf-8")
            return got
        if not file.exists():
            pytest.fail(f"no golden file {file.name}: run `pytest tests/golden --update-golden` and review it")
        want = file.read_text(encoding="utf-8")
        if got != want:
            diff = "".join(
                difflib.unified_diff(
                    want.splitlines(keepends=True), got.splitlines(keepends=True), f"expected/{file.name}", "now"
                )
            )
            pytest.fail(
                f"`preflight {' '.join(args)}` output changed; if intended, run "
                f"`pytest tests/golden --update-golden` and review the diff:\n{diff}",
                pytrace=False,
            )
        return got

    return run
