"""Where things are in a post: lines, sentences, and whether a spot is conspicuous.

CAC asks for labels "in a conspicuous place" (显著位置). We count as conspicuous: the title, the
first two non-empty lines of the text, and a closing line that *states* the label — the last line
when it starts with the label (after 【】 / （） / # / 注： wrappers) or is itself a short statement
(配图都是AI画的，并非实拍: the label need not be its first word), or a short final sentence of the
text that holds it, e.g. "……好看。（内容由AI生成）" / "……好看。以上图片均为AI生成". A label buried
mid-paragraph in a long post is reported as present-but-not-conspicuous. Labels in the bio or a
pinned comment are never in the draft text, so they never count.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n+|(?<=[.])\s+(?=[A-Z\"'])")
WRAPPERS = "【】[]（）()#＃「」《》<>〈〉 \t\u3000*_~-—:：|｜"
LABEL_LEAD = re.compile(r"^\s*(?:[【\[（(#＃「]|注[:：]|声明[:：]|备注[:：]|ps[:：]|note[:：])", re.I)


class Segment(NamedTuple):
    """A piece of the title or text: `target` is "title" or "text"; [start, end) offsets into it.
    (A NamedTuple: a long post has tens of thousands of lines and sentences.)"""

    target: str
    start: int
    end: int
    text: str
    # the line / sentence number within its target; shadows tuple.index(), which no caller uses
    index: int = 0  # type: ignore[assignment]


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
            short = len(last.text.strip(WRAPPERS)) <= CLOSING_STATEMENT
            if short or not before.strip(WRAPPERS) or LABEL_LEAD.match(last.text):
                return "last_line"
    if text_sentences:
        final = text_sentences[-1]
        if final.start <= start and (
            final.text[:1] in "【[（(#＃"
            or LABEL_LEAD.match(final.text)
            or len(final.text.strip(WRAPPERS)) <= CLOSING_STATEMENT
        ):
            return "last_line"
    return "body"


# A closing line or final sentence this short is a statement of its own (配图都是AI画的，并非实拍),
# not a paragraph a label hides in.
CLOSING_STATEMENT = 30


CONSPICUOUS = ("title", "lead", "last_line")
