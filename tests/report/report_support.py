"""Helpers for the report tests: a real draft with a phone photo and an AI picture, and the text a
reader sees in an HTML page (tag contents only: attributes, styles and the page title excluded)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from PIL import Image, PngImagePlugin

APPENDIX = {
    "zh": "附：规则编号与技术依据（供技术支持）",
    "en": "Appendix: rule ids and technical evidence (for support)",
}


def _dms(value: float) -> tuple[float, float, float]:
    deg = int(value)
    minutes = int((value - deg) * 60)
    return (float(deg), float(minutes), round((value - deg - minutes / 60) * 3600, 2))


def phone_jpeg(
    path: Path, *, when: str = "2026:11:21 15:42:10", lat: float = 30.2617, lon: float = 120.1515
) -> Path:
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


def ai_png(path: Path) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a tea house by a lake\nSteps: 20, Sampler: Euler a, Seed: 1, Model: sdxl")
    Image.new("RGB", (512, 384), (240, 200, 150)).save(path, pnginfo=info)
    return path


DRAFT = '''platform = "douyin"
title = "震惊！西湖边突然排起长队"
text = """今天下午路过西湖，断桥边排起了长队。
配图二是我用AI画的想象图。"""
declarations = []
media = ["IMG_1.jpg", "ai.png"]

[account]
name = "杭州新闻速递"
bio = "每天分享身边事"
mcn = "星河文化传媒"
mcn_displayed = false
'''


def example_draft(folder: Path) -> Path:
    phone_jpeg(folder / "IMG_1.jpg")
    ai_png(folder / "ai.png")
    path = folder / "draft.toml"
    path.write_text(DRAFT, encoding="utf-8")
    return path


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("style", "title", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    p = _Visible()
    p.feed(html)
    return "\n".join(p.parts)


def reader_part(html: str, lang: str) -> str:
    """The visible text before the support appendix (what a creator or an agency reads)."""
    text = visible_text(html)
    assert APPENDIX[lang] in text
    return text.split(APPENDIX[lang])[0]
