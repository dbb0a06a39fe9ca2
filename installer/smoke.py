"""Smoke test of a frozen build: run the real executables before anything is packaged.

Every check runs the frozen binary in a scratch folder with its own PREFLIGHT_HOME, so the build
machine's settings never leak in and nothing is written next to the sources. A failure raises
`SmokeError` naming the command and what it printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXE = ".exe" if sys.platform == "win32" else ""
OCR_PROBE = "内容由AI生成"  # drawn with the app's label font, which has these glyphs
GUI_GRACE = 8  # seconds the GUI must stay up; a start-up crash ends it well before


class SmokeError(Exception):
    """A frozen executable did not behave; the message has the command and its output."""


def executables(app: Path) -> tuple[Path, Path]:
    """(preflight, preflight-gui) inside a frozen folder or a macOS .app bundle."""
    base = app / "Contents" / "MacOS" if app.suffix == ".app" else app
    return base / f"preflight{EXE}", base / f"preflight-gui{EXE}"


def run(
    cmd: Sequence[str | Path], cwd: Path, env: dict[str, str], ok: Sequence[int] = (0,), timeout: int = 120
):
    shown = " ".join(str(c) for c in cmd)
    try:
        proc = subprocess.run(
            [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{shown}: no answer within {timeout} s") from exc
    except OSError as exc:
        raise SmokeError(f"{shown}: cannot run: {exc}") from exc
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode not in ok:
        err = proc.stderr.decode("utf-8", "replace")
        raise SmokeError(f"{shown}: exit {proc.returncode}\n{out[-2000:]}\n{err[-2000:]}")
    return out


def smoke(app: Path, version: str, log=print) -> dict[str, float]:
    """Run the checks; return how long each took (seconds). Raises SmokeError on the first failure."""
    cli, gui = executables(app)
    for exe in (cli, gui):
        if not exe.is_file():
            raise SmokeError(f"{exe} is missing from the build")
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="preflight-smoke-") as tmp:
        work = Path(tmp)
        shutil.copytree(EXAMPLES, work / "examples", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        env = dict(os.environ, PREFLIGHT_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen")
        env.pop("PYTHONPATH", None)

        def step(name: str, fn) -> None:
            start = time.perf_counter()
            fn()
            timings[name] = round(time.perf_counter() - start, 2)
            log(f"  smoke ok: {name} ({timings[name]:.2f} s)")

        def version_check() -> None:
            out = run([cli, "--version"], work, env).strip()
            if out != f"preflight {version}":
                raise SmokeError(f"preflight --version printed {out!r}, expected 'preflight {version}'")

        def native_libraries() -> None:
            for exe in (cli, gui):
                windowed = exe == gui and sys.platform == "win32"  # no stdout: judge by the exit code
                out = run(
                    [exe], work, dict(env, PREFLIGHT_FROZEN_SELFTEST="1"), ok=(0,) if windowed else (0, 1)
                )
                if windowed:
                    continue
                results = json.loads(out)
                failed = {k: v for k, v in results.items() if not v.startswith("ok")}
                if failed:
                    raise SmokeError(f"{exe.name}: native pieces failed to load: {failed}")

        def check_json() -> None:
            out = run([cli, "check", "examples/draft.toml", "--format", "json"], work, env, ok=(0, 1))
            report = json.loads(out)
            if report.get("preflight") != version or "summary" not in report or "findings" not in report:
                raise SmokeError(f"check --format json: unexpected report {out[:300]!r}")
            if report["summary"].get("verdict") not in ("ready", "review", "fix_required"):
                raise SmokeError(f"check --format json: bad verdict {report['summary']!r}")

        def media_json() -> None:
            files = sorted(p.name for p in (work / "examples" / "media").iterdir())
            out = run([cli, "media", "--format", "json", *files], work / "examples" / "media", env)
            facts = json.loads(out)
            if len(facts) != len(files) or any(f.get("error") for f in facts):
                raise SmokeError(f"media --format json: {out[:500]!r}")

        def media_text() -> None:
            # On-device OCR in the frozen app: the models and onnxruntime are collected, and the
            # pipeline needs nothing the spec left out (OpenCV, rapidocr's own code are not shipped).
            from PIL import Image, ImageDraw, ImageFont

            card = work / "card.png"
            image = Image.new("RGB", (900, 300), "white")
            font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "PreflightLabel-Bold.otf"), 64)
            ImageDraw.Draw(image).text((40, 100), OCR_PROBE, font=font, fill="black")
            image.save(card)
            out = run([cli, "media", "--format", "json", card.name], work, env)
            read = "".join(line.get("text", "") for line in json.loads(out)[0].get("text") or ())
            if read.replace(" ", "") != OCR_PROBE:
                raise SmokeError(
                    f"media --format json: OCR read {read!r}, expected {OCR_PROBE!r}: {out[:500]!r}"
                )

        def html_report() -> None:
            out = run([cli, "check", "examples/draft.toml", "--format", "html"], work, env, ok=(0, 1))
            if "<html" not in out[:500]:
                raise SmokeError(f"check --format html: not HTML: {out[:200]!r}")

        def fix_copies() -> None:
            out_dir = work / "fixed"
            run([cli, "fix", "examples/draft.toml", "--out", out_dir], work, env, ok=(0, 1))
            drafts = list(out_dir.rglob("*.toml"))
            if not drafts:
                raise SmokeError(f"fix --out {out_dir}: no fixed draft written")
            originals = {p.name: p.read_bytes() for p in (EXAMPLES / "media").iterdir()}
            for p in (work / "examples" / "media").iterdir():
                if originals.get(p.name) != p.read_bytes():
                    raise SmokeError(f"fix modified the original {p.name}")

        def explain_rule() -> None:
            out = run([cli, "explain", "ai_label_missing"], work, env)
            if "ai_label_missing" not in out or len(out) < 100:
                raise SmokeError(f"explain printed too little (docstrings stripped?): {out[:200]!r}")

        def gui_starts() -> None:
            # The real window, offscreen, with the example draft: an import the spec left out or a
            # missing resource ends the process at once. Still running after the grace period = ok.
            proc = subprocess.Popen(
                [str(gui), "examples/draft.toml"],
                cwd=work,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                proc.wait(timeout=GUI_GRACE)
            except subprocess.TimeoutExpired:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                return
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise SmokeError(f"{gui.name} exited ({proc.returncode}) while starting:\n{err[-3000:]}")

        def unreadable_input() -> None:
            run([cli, "check", "no-such-draft.toml"], work, env, ok=(2,))

        step("--version", version_check)
        step("native libraries (c2pa, FFmpeg, libheif, OpenCC, Qt)", native_libraries)
        step("check examples/draft.toml --format json", check_json)
        step("media examples/media/* --format json", media_json)
        step("media: text read on a picture (on-device OCR)", media_text)
        step("check --format html", html_report)
        step("fix --out (copies; originals untouched)", fix_copies)
        step("explain ai_label_missing", explain_rule)
        step("missing draft exits 2", unreadable_input)
        step(f"preflight-gui opens the example draft (offscreen, alive after {GUI_GRACE} s)", gui_starts)
    return timings
