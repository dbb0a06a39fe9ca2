"""Golden transcripts of `preflight` (tests/golden/conftest.py): check (text and JSON) on the example
draft and on drafts generated here, media on generated files, explain, and the one-line refusals
of input that is not a draft. Update with `pytest tests/golden --update-golden`, then review."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from tests.golden.conftest import ROOT, RunCli

EXAMPLE = str(ROOT / "examples" / "draft.toml")


def camera_jpeg(path: Path) -> Path:
    """A phone photo: camera, capture time with offset, and a GPS fix by West Lake, Hangzhou."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15 Pro"
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003], ifd[0x9011] = "2026:11:03 14:22:05", "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (30.0, 15.0, 0.0), "E", (120.0, 9.6, 0.0)
    Image.new("RGB", (640, 480), (90, 120, 160)).save(path, exif=exif)
    return path


def sd_png(path: Path) -> Path:
    """An image as a Stable Diffusion web UI saves it: the prompt in a `parameters` text chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a tea house by a lake at dusk\nSteps: 20, Sampler: Euler a, Seed: 42")
    Image.new("RGB", (512, 512), (200, 170, 120)).save(path, pnginfo=info)
    return path


def plain_png(path: Path) -> Path:
    Image.new("RGB", (300, 200), (255, 255, 255)).save(path)
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def media_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    camera_jpeg(folder / "IMG_0001.jpg")
    sd_png(folder / "teahouse.png")
    plain_png(folder / "card.png")
    (folder / "empty.jpg").write_bytes(b"")
    write(folder / "notes.jpg", "not a picture\n")
    return folder


@pytest.fixture
def ready_draft(tmp_path: Path) -> Path:
    return write(
        tmp_path / "ready.toml",
        'platform = "xiaohongshu"\n'
        'title = "周末在家做了一锅红烧肉"\n'
        'text = """分享一下做法：五花肉切块焯水，冰糖炒色，加生抽老抽和八角，小火炖一个小时。\n'
        '个人口味偏甜，仅供参考。"""\n',
    )


@pytest.fixture
def ai_draft(tmp_path: Path, media_dir: Path) -> Path:
    return write(
        tmp_path / "ai.toml",
        'platform = "douyin"\n'
        'title = "A quiet evening at the lake"\n'
        'text = """Took a walk by West Lake this afternoon, and drew the tea house I wished was there.\n'
        'Second picture made with Stable Diffusion."""\n'
        'media = ["media/IMG_0001.jpg", "media/teahouse.png"]\n'
        'publish_at = 2026-11-21T20:00:00+08:00\n',
    )


@pytest.fixture
def labelled_draft(tmp_path: Path, media_dir: Path) -> Path:
    return write(
        tmp_path / "labelled.toml",
        'platform = "weibo"\n'
        'title = "用AI画了一张湖边茶馆"\n'
        'text = """AI生成：这张图是我用Stable Diffusion画的想象图，不是实拍。"""\n'
        'declarations = ["ai_generated"]\n'
        'media = ["media/teahouse.png", "media/card.png"]\n',
    )


def test_check_example_text(run_cli: RunCli) -> None:
    out = run_cli("check_example_text", "check", EXAMPLE)
    assert "exit: 1" in out


def test_check_example_text_en(run_cli: RunCli) -> None:
    run_cli("check_example_text_en", "check", EXAMPLE, "--lang", "en")


def test_check_example_json(run_cli: RunCli) -> None:
    run_cli("check_example_json", "check", EXAMPLE, "--format", "json")


def test_check_generated_ready_draft(run_cli: RunCli, ready_draft: Path) -> None:
    out = run_cli("check_ready_text", "check", str(ready_draft))
    assert "exit: 0" in out


def test_check_generated_ai_draft(run_cli: RunCli, ai_draft: Path) -> None:
    run_cli("check_ai_text_en", "check", str(ai_draft), "--lang", "en")
    run_cli("check_ai_json", "check", str(ai_draft), "--format", "json")


def test_check_generated_labelled_draft(run_cli: RunCli, labelled_draft: Path) -> None:
    run_cli("check_labelled_text", "check", str(labelled_draft))


def test_media_generated_files(run_cli: RunCli, media_dir: Path) -> None:
    files = [str(media_dir / n) for n in ("IMG_0001.jpg", "teahouse.png", "card.png", "empty.jpg", "notes.jpg")]
    run_cli("media_text", "media", *files)
    run_cli("media_text_en", "media", "--lang", "en", *files)
    run_cli("media_json", "media", "--format", "json", *files)


def test_explain(run_cli: RunCli) -> None:
    run_cli("explain_ai_visible_label_missing", "explain", "ai_visible_label_missing")
    run_cli("explain_clickbait_title_en", "explain", "clickbait_title", "--lang", "en")
    out = run_cli("explain_unknown_rule", "explain", "no_such_rule")
    assert "exit: 2" in out


# --------------------------------------------------------------------------- input that is not a draft


def test_refuses_a_toml_that_is_not_a_draft(run_cli: RunCli) -> None:
    out = run_cli("bad_not_a_draft", "check", str(ROOT / "examples" / "account-history.toml"))
    assert "exit: 2" in out


def test_refuses_an_unknown_key(run_cli: RunCli, tmp_path: Path) -> None:
    draft = write(tmp_path / "typo.toml", 'tittle = "周末的红烧肉"\ntext = "做法见下。"\n')
    out = run_cli("bad_unknown_key", "check", str(draft))
    assert "exit: 2" in out and "tittle" in out


def test_refuses_a_missing_file(run_cli: RunCli, tmp_path: Path) -> None:
    out = run_cli("bad_missing_file", "check", str(tmp_path / "no-such-draft.toml"))
    assert "exit: 2" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_refuses_a_fifo_without_hanging(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "draft.toml"
    os.mkfifo(fifo)
    out = run_cli("bad_fifo", "check", str(fifo), timeout=60)
    assert "exit: 2" in out


@pytest.mark.skipif(sys.platform == "win32" or not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_refuses_dev_zero_without_reading_it(run_cli: RunCli) -> None:
    out = run_cli("bad_dev_zero", "check", "/dev/zero", timeout=60)
    assert "exit: 2" in out
