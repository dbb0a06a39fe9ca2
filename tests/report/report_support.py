"""Helpers for the report tests: a real draft with a phone photo and an AI picture, and the text a
reader sees in an HTML page (tag contents only: attributes, styles and the page title excluded)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from media_files import write_ai_png, write_phone_jpeg

APPENDIX = {
    "zh": "附：规则编号与技术依据（供技术支持）",
    "en": "Appendix: rule ids and technical evidence (for support)",
}


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
    write_phone_jpeg(folder / "IMG_1.jpg")
    write_ai_png(folder / "ai.png")
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
