"""Where things are in a post: lines, sentences, and whether a spot is conspicuous.

CAC asks for labels "in a conspicuous place" (显著位置). We count as conspicuous: the title, the
first two non-empty lines of the text, and a dedicated last line or closing remark — the last
line when it *starts* with the label (after 【】 / （） / # / 注： wrappers), or a final sentence
wrapped in brackets, e.g. "……好看。（内容由AI生成）". Most creators put labels exactly there;
a label buried mid-text in a long post is reported as present-but-not-conspicuous. Labels in the
bio or a pinned comment are never in the draft text, so they never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+|(?<=[.])\s+(?=[A-Z\"'])")
WRAPPERS = "【】[]（）()#＃「」《》<>〈〉 \t\u3000*_~-—:：|｜"
LABEL_LEAD = re.compile(r"^\s*(?:[【\[（(#＃「]|注[:：]|声明[:：]|备注[:：]|ps[:：]|note[:：])", re.I)


@dataclass(frozen=True)
class Segment:
    """A piece of the title or text: `target` is "title" or "text"; [start, end) offsets into it."""

    target: str
    start: int
    end: int
    text: str
    index: int = 0  # the line / sentence number within its target


def lines(text: str, target: str = "text") -> list[Segment]:
    """Non-empty lines, with offsets (surrounding spaces trimmed)."""
    out: list[Segment] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            out.append(Segment(target, start, start + len(stripped), stripped, len(out)))
        pos += len(raw) + 1
    return out


def sentences(text: str, target: str = "text") -> list[Segment]:
    """Sentences split at 。！？；… / line breaks / ". " (English), each with its offsets."""
    out: list[Segment] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        _add(out, text, start, m.end(), target)
        start = m.end()
    _add(out, text, start, len(text), target)
    return out


def _add(out: list[Segment], text: str, start: int, end: int, target: str) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        s = start + piece.index(stripped)
        out.append(Segment(target, s, s + len(stripped), stripped, len(out)))


def placement(
    target: str, start: int, end: int, text_lines: list[Segment], text_sentences: list[Segment]
) -> str:
    """ "title", "lead" (first two lines), "last_line" (dedicated closing line) or "body"."""
    if target == "title":
        return "title"
    if target != "text":
        return "elsewhere"
    for line in text_lines[:2]:
        if line.start <= start < line.end:
            return "lead"
    if text_lines:
        last = text_lines[-1]
        if last.start <= start < last.end:
            before = last.text[: start - last.start]
            if not before.strip(WRAPPERS) or LABEL_LEAD.match(last.text):
                return "last_line"
    if text_sentences:
        final = text_sentences[-1]
        if final.start <= start and (final.text[:1] in "【[（(#＃" or LABEL_LEAD.match(final.text)):
            return "last_line"
    return "body"


CONSPICUOUS = ("title", "lead", "last_line")
