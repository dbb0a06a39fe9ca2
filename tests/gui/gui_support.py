"""GUI test helpers: real media files written with Pillow, and dialogs that never block a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")


def _dms(value: float) -> tuple[float, float, float]:
    deg = int(value)
    minutes = int((value - deg) * 60)
    return (float(deg), float(minutes), round((value - deg - minutes / 60) * 3600, 2))


def write_phone_jpeg(
    path: Path, *, when: str = "2026:11:21 15:42:10", lat: float = 30.2617, lon: float = 120.1515
) -> Path:
    """A 'phone photo': camera make/model, capture time with offset, GPS."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = sub[0x9004] = when
    sub[0x9011] = "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x02\x00\x00"
    gps[1], gps[2], gps[3], gps[4] = "N", _dms(lat), "E", _dms(lon)
    Image.new("RGB", (640, 480), (120, 160, 200)).save(path, exif=exif, quality=80)
    return path


def write_ai_png(path: Path) -> Path:
    """An illustration carrying Stable Diffusion (A1111) generation parameters."""
    info = PngImagePlugin.PngInfo()
    info.add_text(
        "parameters",
        "a tea house by a lake\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x384, Model: sdxl",
    )
    Image.new("RGB", (512, 384), (240, 200, 150)).save(path, pnginfo=info)
    return path


def write_draft(folder: Path, *, title: str, text: str, media: list[str], platform: str = "douyin") -> Path:
    import tomli_w

    data = {"platform": platform, "title": title, "text": text, "media": media}
    path = folder / "draft.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


class Dialogs:
    """Records message boxes instead of showing them; answers questions with `answer`."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = None

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtWidgets import QMessageBox

        def record(kind: str, default):
            def fn(parent, title, text, *args, **kwargs):
                self.shown.append((kind, title, text))
                return self.answer if (kind == "question" and self.answer is not None) else default

            return staticmethod(fn)

        monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
        monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))


def settle(qtbot, window, timeout: int = 20000) -> None:
    """Wait until the window shows the check of what is on screen (no job or debounce pending)."""
    qtbot.waitUntil(window.settled, timeout=timeout)
