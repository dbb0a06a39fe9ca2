"""Debris of killed saves is cleaned up; names from files never drive the terminal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from checks import settings
from checks.draft import atomic_write
from checks.temp_files import clean_stale_temps

ROOT = Path(__file__).resolve().parents[2]
KILLED_SAVE = """
import os, signal, sys
from pathlib import Path
from checks.temp_files import new_temp
fd, tmp = new_temp(Path(sys.argv[1]))
os.write(fd, b"half a draft")
os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of the save
"""


def killed_save(target: Path) -> Path:
    before = set(target.parent.iterdir())
    run = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(target)], cwd=ROOT, timeout=60)
    assert run.returncode == -signal.SIGKILL
    (debris,) = set(target.parent.iterdir()) - before
    old = time.time() - 3600
    os.utime(debris, (old, old))
    return debris


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX kill -9")
def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    target = tmp_path / "draft.toml"
    debris = killed_save(target)
    fresh = tmp_path / ".draft.toml.pftmp-abcd1234.tmp"  # a save in progress elsewhere: kept
    fresh.write_bytes(b"x")
    mine = tmp_path / ".notes.tmp"  # the creator's own file: never ours to delete
    mine.write_bytes(b"y")
    os.utime(mine, (0, 0))
    atomic_write(target, 'title = "t"\n')
    assert not debris.exists()
    assert fresh.exists() and mine.exists()
    assert target.read_text(encoding="utf-8") == 'title = "t"\n'


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX kill -9")
def test_the_command_line_cleans_its_own_folders_on_start(tmp_path: Path) -> None:
    folder = settings.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    debris = killed_save(folder / "settings.toml")
    legacy = folder / ".profile.toml.k2j4h5g6.tmp"  # the naming before .pftmp-
    legacy.write_bytes(b"z")
    os.utime(legacy, (0, 0))
    env = {**os.environ}
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "explain", "ai_visible_label_missing"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert not debris.exists() and not legacy.exists()


def test_clean_stale_temps_counts_and_spares_directories(tmp_path: Path) -> None:
    (tmp_path / ".x.pftmp-abcdefgh.tmp").mkdir()
    old = tmp_path / ".v.pftmp-abcdefgh.mp4"
    old.write_bytes(b"")
    os.utime(old, (0, 0))
    assert clean_stale_temps(tmp_path) == 1
    assert (tmp_path / ".x.pftmp-abcdefgh.tmp").is_dir()


ESC_NAME = "evil\x1b]0;pwned\x07\x1b[31m.jpg"


@pytest.mark.skipif(sys.platform == "win32", reason="escape codes in file names")
@pytest.mark.parametrize("fmt", ["text"])
def test_media_prints_escape_codes_in_names_escaped(tmp_path: Path, fmt: str) -> None:
    pic = tmp_path / ESC_NAME
    Image.new("RGB", (8, 8)).save(pic, "JPEG")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "media", str(pic), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "\\x1b]0;pwned\\x07" in run.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="escape codes in file names")
def test_check_and_errors_print_escape_codes_escaped(tmp_path: Path) -> None:
    pic = tmp_path / ESC_NAME
    Image.new("RGB", (8, 8)).save(pic, "JPEG")
    draft = tmp_path / "d.toml"
    toml_name = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 else c for c in ESC_NAME)
    draft.write_text(f'title = "t"\nmedia = ["{toml_name}"]\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(draft)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2  # a control character in a media path is refused, and said safely
    assert "\x1b" not in run.stderr and "\\x1b" in run.stderr
