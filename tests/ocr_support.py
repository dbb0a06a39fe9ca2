"""Fixtures for reading text in media: pictures and videos rendered in the tests.

Cards use `tests/fonts/CardText-Bold.otf`, a subset of Noto Sans CJK SC Bold (OFL, like the bundled
label font, whose small subset only covers label words); the characters are listed beside it.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CARD_FONT = ROOT / "tests" / "fonts" / "CardText-Bold.otf"
LABEL_FONT = ROOT / "resources" / "fonts" / "PreflightLabel-Bold.otf"


@pytest.fixture
def ocr_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch OCR on for this test (the suite default is off: see tests/conftest.py)."""
    from checks.media import ocr

    if not ocr.available():
        pytest.skip("OCR engine not installed")
    monkeypatch.setenv("PREFLIGHT_OCR", "1")


def font(size: int, file: Path = CARD_FONT) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(file), size)


def card(
    lines: list[tuple[str, int]],
    size: tuple[int, int] = (1080, 1440),
    background: tuple[int, int, int] = (245, 240, 228),
    colour: tuple[int, int, int] = (25, 25, 25),
) -> Image.Image:
    """A text card: each (text, glyph size) on its own line, top-left aligned with a margin."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    y = size[1] // 10
    for text, px in lines:
        draw.text((size[0] // 16, y), text, font=font(px), fill=colour)
        y += int(px * 1.8)
    return image


def corner_mark(
    image: Image.Image, text: str, px: int, corner: str = "bottom_right", margin: int = 12
) -> tuple[int, int, int, int]:
    """Draw `text` (white, dark outline) in a corner; returns the ink box."""
    draw = ImageDraw.Draw(image)
    f = font(px)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=f, stroke_width=2)
    w, h = right - left, bottom - top
    x = margin if "left" in corner else image.width - w - margin
    y = margin if "top" in corner else image.height - h - margin
    draw.text((x - left, y - top), text, font=f, fill="white", stroke_width=2, stroke_fill="black")
    return (x, y, x + w, y + h)


def save(image: Image.Image, path: Path, quality: int = 92) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".jpg", ".jpeg"):
        image.save(path, quality=quality)
    else:
        image.save(path)
    return path


def video(
    path: Path,
    frames: list[Image.Image],
    fps: int = 5,
    subtitles: list[tuple[float, str]] | None = None,
) -> Path:
    """An H.264 MP4 of `frames` (each shown 1/fps s), with an optional mov_text subtitle track."""
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as out:
        v = out.add_stream("libx264", rate=fps)
        v.width, v.height, v.pix_fmt = frames[0].width, frames[0].height, "yuv420p"
        v.options = {"preset": "ultrafast", "crf": "20"}
        s = None
        if subtitles:
            s = out.add_stream("mov_text")
            s.codec_context.subtitle_header = _ASS_HEADER
            s.time_base = Fraction(1, 1000)
        for image in frames:
            frame = av.VideoFrame.from_ndarray(np.asarray(image.convert("RGB")), format="rgb24")
            for packet in v.encode(frame):
                out.mux(packet)
        for packet in v.encode():
            out.mux(packet)
        for when, text in subtitles or ():
            data = text.encode("utf-8")
            packet = av.Packet(len(data).to_bytes(2, "big") + data)
            packet.stream = s
            packet.pts = packet.dts = int(when * 1000)
            packet.duration = 1000
            packet.time_base = Fraction(1, 1000)
            out.mux(packet)
    return path


_ASS_HEADER = (
    b"[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
    b"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
    b"Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
    b"Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    b"Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
    b"[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)
