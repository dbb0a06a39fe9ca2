"""Real media files written with Pillow for tests of every layer (engine, reports, GUI): a phone
photo with capture time, offset and GPS, and an AI illustration carrying generator parameters.
Qt-free, so report and engine tests share them with the GUI tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, PngImagePlugin


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
